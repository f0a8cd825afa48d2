"""The report pages under /admin/rapportages/: staff only, filters, charts with tables,
a fixed number of queries whatever the data size."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from exchange.matches import Match
from exchange.models import Conversation, Listing
from helprequests.models import HelpKind
from initiatives.models import Support
from tests.accounts.factories import UserFactory
from tests.exchange.factories import ConversationFactory, ListingFactory
from tests.reports.data import YEAR, at, build_budget, help_request, initiative
from venues.models import Booking, Room
from volunteers.models import Shift, SignUp, Task

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/rapportages/"
BUDGET = "/admin/rapportages/budget/"


# --- Who may see them -------------------------------------------------------------------


@pytest.mark.parametrize("url", [DASHBOARD, BUDGET, "/admin/rapportages/export/budget.csv"])
@pytest.mark.parametrize("who", [None, "resident", "professional_a"])
def test_only_staff_see_the_reports(client, request, staff, url, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]

    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_staff_without_two_factor_are_sent_to_set_it_up(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_admin_index_links_to_the_reports(staff_client):
    page = staff_client.get("/admin/").content.decode()
    assert 'href="/admin/rapportages/"' in page
    assert 'href="/admin/rapportages/budget/"' in page


# --- The dashboard ----------------------------------------------------------------------


def test_dashboard_shows_tables_and_charts_with_the_same_numbers(staff_client, known):
    response = staff_client.get(DASHBOARD, {"jaar": YEAR})
    page = response.content.decode()

    assert response.status_code == 200
    assert ">Per wijk</caption>" in page
    # Every wijk row opens that wijk's buurten; the empty wijk is a row of zeros.
    drill = '<th scope="row"><a href="?jaar={}&amp;wijk={}">{}</a></th>'
    assert drill.format(YEAR, known.noord.pk, "Noord") in page
    assert drill.format(YEAR, known.zuid.pk, "Zuid") in page
    assert "42,9 %" in page  # commercial share, in the table
    assert page.count("<svg") >= 8
    assert 'role="img"' in page
    assert ">816,0<" in page  # hours open in the table
    assert "Mevrouw Jansen" not in page
    assert "Geheim" not in page


def test_dashboard_filters_by_wijk(staff_client, known):
    page = staff_client.get(DASHBOARD, {"jaar": YEAR, "wijk": known.oost.pk}).content.decode()
    assert '<th scope="row">Oost (' in page  # Oost itself: it has no buurten
    assert "Noord" not in page.split('id="tabel-wijken"')[1].split("</table>")[0]


@pytest.mark.parametrize("query", [{"jaar": "twintig"}, {"jaar": "1900"}, {"wijk": "999999"}])
def test_bad_filters_get_a_message_not_an_error(staff_client, known, query):
    response = staff_client.get(DASHBOARD, query)
    assert response.status_code == 200
    assert "Dat filter klopt niet" in response.content.decode()


def grow(known, n: int) -> None:
    """``n`` more of everything the dashboard counts, in both wijken with data."""
    users = [UserFactory() for _ in range(n)]
    task = Task.objects.filter(neighbourhood=known.noord_buurt).first()
    room = Room.objects.first()
    for i, user in enumerate(users):
        made = initiative(
            known.oost, status="published", theme="sport", created=at(7, 1 + i), by=None
        )
        Support.objects.create(initiative=made, user=user)
        shift = Shift.objects.create(
            task=task, starts_at=at(8, 1 + i), ends_at=at(8, 1 + i, 12), places=3
        )
        SignUp.objects.create(
            shift=shift,
            volunteer=user,
            status="confirmed",
            hours=Decimal(2),
            hours_status="confirmed",
        )
        Booking.objects.create(
            room=room,
            booker=user,
            start=at(9, 1 + i, 9),
            end=at(9, 1 + i, 10),
            purpose="x",
            attendees=3,
            booker_kind="non_profit",
            price=0,
            status="approved",
        )
        help_request(
            known.oost,
            kind=HelpKind.HOUSING,
            created=at(10, 1 + i),
            contact_after=dt.timedelta(hours=i + 1),
        )
        offer = ListingFactory(neighbourhood=known.noord_buurt)
        Listing.objects.filter(pk=offer.pk).update(created_at=at(11, 1 + i))
        reply = ConversationFactory(listing=offer, replier=user)
        Conversation.objects.filter(pk=reply.pk).update(created_at=at(11, 1 + i, 12))
        Match.objects.create(conversation=reply, confirmed_at=at(11, 2 + i))


# Every admin page: session, user, the MFA check, the user's and group permissions (the
# admin's app list), unread notifications (the header).
PAGE = 6
# The wijken, 4 sources (initiatives, support, bookings, help; each grouped by wijk and
# month), volunteers and their hours (one query with grouping sets on PostgreSQL, three
# on SQLite), 3 medians, opening hours, closures, and Vraag en aanbod (listings,
# replies, matches, and the median first reply per row, per month and in all).
VOLUNTEER_QUERIES = 1 if connection.vendor == "postgresql" else 3
EXCHANGE_QUERIES = 6
HOURS_OPEN_QUERIES = 2
DASHBOARD_QUERIES = PAGE + 1 + 4 + VOLUNTEER_QUERIES + 3 + HOURS_OPEN_QUERIES + EXCHANGE_QUERIES
# What a second view reads from the cache (reports.cache): initiatives, support,
# bookings, volunteers, the medians of the help requests, the hours open and Vraag en
# aanbod.
CACHED_QUERIES = 3 + VOLUNTEER_QUERIES + 3 + HOURS_OPEN_QUERIES + EXCHANGE_QUERIES


@pytest.mark.parametrize("extra", [1, 6])
def test_dashboard_runs_a_fixed_number_of_queries(
    staff_client, known, extra, django_assert_num_queries
):
    grow(known, extra)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = staff_client.get(DASHBOARD, {"jaar": YEAR})
    assert response.status_code == 200


@pytest.mark.parametrize("extra", [1, 6])
def test_budget_page_runs_a_fixed_number_of_queries(
    staff_client, known, extra, django_assert_num_queries
):
    from initiatives.models import Initiative

    build_budget(Initiative.objects.first())
    grow(known, extra)
    with django_assert_num_queries(PAGE + 1):  # the lines with their sums
        response = staff_client.get(BUDGET, {"jaar": YEAR})
    assert response.status_code == 200
