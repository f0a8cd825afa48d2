"""The pages of reports and moderation: the "Melden" forms, the moderators' page and
its actions, the logged read of a reported conversation, the panel on the moderation
queue, the admin, and the personal data of reports."""

import pytest
from django.urls import reverse
from django.utils import translation

from exchange.models import ConversationAccess, Listing, ListingPhoto, Message, Report
from exchange.moderation import (
    conversation_access_log,
    moderation_dismiss,
    report_listing,
    report_message,
)
from exchange.personal_data import exchange_personal_data_erase, exchange_personal_data_export
from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory

from .factories import ConversationFactory, ListingFactory, MessageFactory, ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The texts are checked in English (their Dutch comes with the catalogue)."""
    with translation.override("en"):
        yield


def _report_three(listing, people=None):
    people = people or UserFactory.create_batch(3)
    for person in people:
        report_listing(listing=listing, by=person, reason="spam")
    return people


# --- Pages ------------------------------------------------------------------------------


def test_report_listing_form_reports_and_returns_to_the_listing(client, listing, third):
    client.force_login(third)
    url = reverse("exchange:report_listing", args=[listing.pk])
    page = client.get(reverse("exchange:detail", args=[listing.pk])).content.decode()
    assert url in page
    assert 'name="csrfmiddlewaretoken"' in client.get(url).content.decode()
    response = client.post(url, {"reason": "spam", "text": "Reclame"})
    assert response.status_code == 302
    assert response["Location"] == reverse("exchange:detail", args=[listing.pk])
    assert Report.objects.get().text == "Reclame"


def test_report_form_with_a_bad_reason_says_so_and_saves_nothing(client, listing, third):
    client.force_login(third)
    url = reverse("exchange:report_listing", args=[listing.pk])
    response = client.post(url, {"reason": "", "text": ""})
    assert response.status_code == 200
    assert "Choose why you report this." in response.content.decode()
    response = client.post(url, {"reason": "boring"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Report.objects.exists()


def test_a_second_report_by_the_same_person_says_so(client, listing, third):
    client.force_login(third)
    url = reverse("exchange:report_listing", args=[listing.pk])
    client.post(url, {"reason": "spam"})
    response = client.post(url, {"reason": "spam"})
    assert response.status_code == 200
    assert "You already reported this." in response.content.decode()
    assert Report.objects.count() == 1


def test_the_owner_sees_no_report_link(client, listing, owner):
    client.force_login(owner)
    page = client.get(reverse("exchange:detail", args=[listing.pk])).content.decode()
    assert reverse("exchange:report_listing", args=[listing.pk]) not in page


def test_report_links_stand_only_next_to_the_other_sides_messages(
    client, conversation, owner, replier
):
    theirs = conversation.messages.get()
    mine = MessageFactory(conversation=conversation, sender=owner, body="Kom maar langs.")
    client.force_login(owner)
    html = client.get(reverse("exchange:conversation", args=[conversation.pk])).content.decode()
    assert reverse("exchange:report_message", args=[conversation.pk, theirs.pk]) in html
    assert reverse("exchange:report_message", args=[conversation.pk, mine.pk]) not in html
    own = reverse("exchange:report_message", args=[conversation.pk, mine.pk])
    assert client.get(own).status_code == 404
    response = client.post(
        reverse("exchange:report_message", args=[conversation.pk, theirs.pk]),
        {"reason": "abusive"},
    )
    assert response.status_code == 302
    assert Report.objects.get().message == theirs


def test_moderation_page_lists_open_reports_per_item(client, staff, listing, conversation):
    _report_three(listing)
    report_message(
        message=conversation.messages.get(), by=conversation.listing.owner, reason="spam"
    )
    client.force_login(staff)
    response = client.get(reverse("exchange:moderation"))
    assert response.status_code == 200
    items = response.context["items"]
    assert [(item.kind, len(item.reports)) for item in items] == [("listing", 3), ("message", 1)]
    html = response.content.decode()
    assert reverse("exchange:moderation_hide", args=["listing", listing.pk]) in html
    report = Report.objects.get(message__isnull=False)
    assert reverse("exchange:moderation_conversation", args=[report.pk]) in html


def test_moderator_hides_and_dismisses_through_the_page(client, staff, listing, conversation):
    _report_three(listing)
    message = conversation.messages.get()
    report_message(message=message, by=conversation.listing.owner, reason="spam")
    client.force_login(staff)
    response = client.post(reverse("exchange:moderation_dismiss", args=["listing", listing.pk]))
    assert response.status_code == 302
    response = client.post(reverse("exchange:moderation_hide", args=["message", message.pk]))
    assert response.status_code == 302
    listing.refresh_from_db()
    message.refresh_from_db()
    assert listing.hidden_at is None
    assert message.hidden_at is not None
    assert not client.get(reverse("exchange:moderation")).context["items"]
    assert client.post(reverse("exchange:moderation_hide", args=["user", 1])).status_code == 404


def test_each_read_of_a_reported_conversation_is_logged(client, staff, conversation, owner):
    report = report_message(message=conversation.messages.get(), by=owner, reason="abusive")
    client.force_login(staff)
    url = reverse("exchange:moderation_conversation", args=[report.pk])
    for _n in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "Mijn band is lek." in response.content.decode()
    entries = ConversationAccess.objects.all()
    assert entries.count() == 2
    assert {(e.user, e.conversation, e.conversation_number, e.report) for e in entries} == {
        (staff, conversation, conversation.pk, report)
    }


def test_a_moderator_reads_no_conversation_without_an_open_message_report(
    client, staff, conversation, owner, listing
):
    client.force_login(staff)
    listing_report = report_listing(listing=listing, by=UserFactory(), reason="spam")
    message_report = report_message(message=conversation.messages.get(), by=owner, reason="spam")
    moderation_dismiss(item=conversation.messages.get(), by=staff)
    for report in (listing_report, message_report):
        url = reverse("exchange:moderation_conversation", args=[report.pk])
        assert client.get(url).status_code == 404
    assert client.get(reverse("exchange:conversation", args=[conversation.pk])).status_code == 404
    message_report.refresh_from_db()
    with pytest.raises(ServiceError):
        conversation_access_log(report=message_report, by=staff)
    assert not ConversationAccess.objects.exists()


@pytest.mark.parametrize("size", [1, 5])
def test_moderation_page_runs_a_fixed_number_of_queries(
    size, client, staff, django_assert_num_queries
):
    for _n in range(size):
        listing = ListingFactory()
        ReportFactory.create_batch(2, listing=listing)
        ListingPhoto.objects.create(
            listing=listing, image="exchange/photos/m.jpg", thumbnail="exchange/thumbnails/m.jpg"
        )
        conversation = ConversationFactory()
        message = MessageFactory(conversation=conversation)
        ReportFactory(listing=None, message=message, reporter=conversation.listing.owner)
    client.force_login(staff)
    # session, user, two-factor check, count and page of the groups, listings, their
    # photos, messages, their reports, unread notifications (the menu)
    with django_assert_num_queries(10):
        response = client.get(reverse("exchange:moderation"))
    assert len(response.context["items"]) == 2 * size


# --- The moderation queue's panel ---------------------------------------------------------


def test_the_moderation_queue_shows_the_exchange_reports(client, staff, listing):
    report_listing(listing=listing, by=UserFactory(), reason="spam")
    client.force_login(staff)
    html = client.get(reverse("initiatives:moderation_queue")).content.decode()
    assert 'id="exchange-moderation"' in html
    assert reverse("exchange:moderation") in html
    assert "1 open report of listings and messages" in html


@pytest.mark.parametrize("size", [1, 4])
def test_the_panel_costs_one_query(size, rf, staff):
    from exchange.panels import exchange_reports

    ReportFactory.create_batch(size)
    request = rf.get("/")
    request.user = staff
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        context = exchange_reports(staff, request)
    assert context == {"open_reports": size}
    assert len(queries) == 1
    assert exchange_reports(UserFactory(), request) is None


# --- Personal data ------------------------------------------------------------------------


def test_reports_are_in_the_export_and_go_on_erase(listing, third, staff, withdrawn):
    report_listing(listing=listing, by=third, reason="other", text="Niet netjes")
    moderation_dismiss(item=listing, by=staff)
    report_listing(listing=listing, by=third, reason="spam")
    exported = exchange_personal_data_export(third)["reports_made"]
    assert [(r["about"], r["reason"], r["outcome"]) for r in exported] == [
        ("listing", "other", "dismissed"),
        ("listing", "spam", None),
    ]
    exchange_personal_data_erase(third)
    kept = Report.objects.get()  # the decided one stays, without the person
    assert (kept.reporter, kept.text, kept.outcome) == (None, "", "dismissed")


def test_a_listing_hidden_is_closed_to_new_replies(listing, third):
    from exchange.services import conversation_start

    Listing.objects.filter(pk=listing.pk).update(hidden_at=listing.created_at)
    listing.refresh_from_db()
    with pytest.raises(ServiceError):
        conversation_start(listing=listing, replier=third, body="Hoi")
    assert not Message.objects.exists()


def test_staff_see_reports_and_the_read_log_in_the_admin_but_change_nothing(
    client, staff, conversation, owner
):
    report = report_message(message=conversation.messages.get(), by=owner, reason="spam")
    conversation_access_log(report=report, by=staff)
    client.force_login(staff)
    for model in ("report", "conversationaccess"):
        assert client.get(f"/admin/exchange/{model}/").status_code == 200
        assert client.get(f"/admin/exchange/{model}/add/").status_code == 403
    assert client.get(f"/admin/exchange/report/{report.pk}/change/").status_code == 200
