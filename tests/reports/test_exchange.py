"""Vraag en aanbod in the wijkanalyse: per wijk (per buurt of a chosen wijk) and month
by month, with the total row, the same figures in the CSV and Excel downloads, and a
new listing or reply counted at once (the cached figures are computed again), while the
messages people send keep the cached figures."""

import io

import pytest
from openpyxl import load_workbook

from exchange.matches import Match
from exchange.models import Conversation, Listing
from tests.accounts.factories import UserFactory
from tests.exchange.factories import ConversationFactory, ListingFactory
from tests.reports.data import YEAR, at
from tests.reports.test_pages import (
    CACHED_QUERIES,
    DASHBOARD,
    DASHBOARD_QUERIES,
)

pytestmark = pytest.mark.django_db


def listing(neighbourhood, created) -> Listing:
    made = ListingFactory(neighbourhood=neighbourhood)
    Listing.objects.filter(pk=made.pk).update(created_at=created)
    return made


def reply(to: Listing, created, matched=None) -> Conversation:
    made = ConversationFactory(listing=to, replier=UserFactory())
    Conversation.objects.filter(pk=made.pk).update(created_at=created)
    if matched:
        Match.objects.create(conversation=made, confirmed_at=matched)
    return made


@pytest.fixture
def exchange(known):
    """Noord (its buurt): 2 listings in March, 2 replies (2 h and 5 h after placing),
    1 match in April. Oost (the wijk itself): 1 listing in May without a reply.
    2024's listing with its reply counts nowhere."""
    bike = listing(known.noord_buurt, at(3, 2, 10))
    reply(bike, at(3, 2, 12), matched=at(4, 1))
    ladder = listing(known.noord_buurt, at(3, 20, 8))
    reply(ladder, at(3, 20, 13))
    listing(known.oost, at(5, 4))
    old = listing(known.noord_buurt, at(6, 1, year=2024))
    reply(old, at(6, 2, year=2024))
    return known


def tables(client, **query):
    response = client.get(DASHBOARD, {"jaar": YEAR, **query})
    assert response.status_code == 200
    return {table.slug: table for table in response.context["tables"]}, response


def test_the_wijkanalyse_shows_ask_and_offer_per_wijk_with_a_total(staff_client, exchange):
    found, response = tables(staff_client)
    table = found["vraag-en-aanbod"]
    assert [c.key for c in table.columns] == [
        "wijk",
        "exchange_listings",
        "exchange_replies",
        "exchange_matches",
        "exchange_match_rate",
        "exchange_first_reply",
    ]
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["Noord"] == [2, 2, 1, 50, 3.5]
    assert rows["Oost"] == [1, 0, 0, None, None]
    assert rows["Zuid"] == [0, 0, 0, None, None]
    assert table.total[1:] == [3, 2, 1, 50, 3.5]

    page = response.content.decode()
    assert 'id="tabel-vraag-en-aanbod"' in page
    assert ">50,0 %<" in page
    assert ">3,5<" in page


def test_month_by_month(staff_client, exchange):
    found, _response = tables(staff_client)
    table = found["vraag-en-aanbod-maanden"]
    months = [row[1:] for row in table.rows]  # January to December
    assert months[2] == [2, 2, 0, 0, 3.5]  # March
    assert months[3] == [0, 0, 1, None, None]  # April: the match, confirmed later
    assert months[4] == [1, 0, 0, None, None]  # May
    assert table.total[1:] == [3, 2, 1, 50, 3.5]


def test_a_chosen_wijk_shows_its_buurten(staff_client, exchange):
    found, _response = tables(staff_client, wijk=exchange.noord.pk)
    table = found["vraag-en-aanbod"]
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["Noord-Midden"] == [2, 2, 1, 50, 3.5]
    assert len(rows) <= 2  # and the wijk as a whole, when something else lies there
    assert "Oost" not in rows
    assert table.total[1:] == [2, 2, 1, 50, 3.5]


def test_downloads_hold_the_same_figures(staff_client, exchange):
    found, _response = tables(staff_client)
    response = staff_client.get(
        "/admin/rapportages/export/dashboard.csv", {"jaar": YEAR, "tabel": "vraag-en-aanbod"}
    )
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[1:] == [
        "Noord,2,2,1,50,3.5",
        "Oost,1,0,0,,",
        "Zuid,0,0,0,,",
        lines[-1],
    ]
    assert lines[-1].endswith(",3,2,1,50,3.5")

    response = staff_client.get("/admin/rapportages/export/dashboard.xlsx", {"jaar": YEAR})
    book = load_workbook(io.BytesIO(response.content))
    sheet = book[str(found["vraag-en-aanbod"].sheet)]
    assert [c.value for c in sheet[2]][:4] == ["Noord", 2, 2, 1]
    assert str(found["vraag-en-aanbod-maanden"].sheet) in book.sheetnames


def test_a_new_listing_counts_at_once(staff_client, exchange):
    before, _response = tables(staff_client)
    listing(exchange.zuid, at(7, 1))
    after, _response = tables(staff_client)
    assert before["vraag-en-aanbod"].total[1] + 1 == after["vraag-en-aanbod"].total[1]


def test_deleted_messages_change_no_figure(staff_client, exchange):
    from exchange.models import Message

    before, _response = tables(staff_client)
    Message.objects.all().delete()
    after, _response = tables(staff_client)
    assert after["vraag-en-aanbod"].rows == before["vraag-en-aanbod"].rows
    assert after["vraag-en-aanbod-maanden"].rows == before["vraag-en-aanbod-maanden"].rows


def test_a_new_reply_counts_at_once(staff_client, exchange):
    before, _response = tables(staff_client)
    reply(Listing.objects.get(neighbourhood=exchange.oost), at(5, 5))
    after, _response = tables(staff_client)
    assert before["vraag-en-aanbod"].total[2] + 1 == after["vraag-en-aanbod"].total[2]


def test_a_message_keeps_the_cached_figures(staff_client, exchange, django_assert_num_queries):
    from exchange.services import message_send

    conversation = Conversation.objects.filter(listing__created_at__year=YEAR).first()
    tables(staff_client)
    message_send(conversation=conversation, sender=conversation.replier, body="Dank je wel!")
    with django_assert_num_queries(DASHBOARD_QUERIES - CACHED_QUERIES):
        tables(staff_client)
