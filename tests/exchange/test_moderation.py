"""Reports and moderation of the exchange: three people reporting a listing hide it
until a moderator decides; a moderator hides or dismisses; a reported message hidden
shows a notice to both sides; a moderator reads a conversation only through an open
report of a message in it, and every read is logged."""

import pytest
from django.urls import reverse
from django.utils import translation

from exchange.models import Report
from exchange.moderation import (
    moderation_dismiss,
    moderation_hide,
    report_listing,
    report_message,
)
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory

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


# --- Reporting a listing ----------------------------------------------------------------


def test_three_reports_from_different_people_hide_the_listing(listing, owner):
    _report_three(listing)
    listing.refresh_from_db()
    assert listing.hidden_at is not None
    assert listing.hidden_by is None  # pending review, not a moderator's decision
    assert Report.objects.filter(listing=listing, handled_at__isnull=True).count() == 3
    assert Notification.objects.filter(recipient=owner, kind="exchange_moderation").count() == 1


def test_two_reports_do_not_hide_the_listing(listing):
    for person in UserFactory.create_batch(2):
        report_listing(listing=listing, by=person, reason="abusive")
    listing.refresh_from_db()
    assert listing.hidden_at is None


def test_the_same_person_reporting_twice_is_refused(listing, third):
    report_listing(listing=listing, by=third, reason="spam")
    with pytest.raises(ServiceError) as refused:
        report_listing(listing=listing, by=third, reason="abusive")
    assert refused.value.code == "duplicate"
    assert "already reported" in refused.value.message
    assert Report.objects.count() == 1


def test_a_bad_reason_is_refused_with_a_message_and_no_row(listing, third):
    with pytest.raises(ServiceError) as refused:
        report_listing(listing=listing, by=third, reason="boring")
    assert refused.value.message == "Choose why you report this."
    with pytest.raises(ServiceError) as refused:
        report_listing(listing=listing, by=third, reason="other", text="  ")
    assert refused.value.code == "no_text"
    assert not Report.objects.exists()


def test_nobody_reports_their_own_listing(listing, owner):
    with pytest.raises(ServiceError) as refused:
        report_listing(listing=listing, by=owner, reason="spam")
    assert refused.value.code == "own"
    assert not Report.objects.exists()


def test_a_listing_the_reporter_cannot_see_cannot_be_reported(withdrawn, third, replier):
    with pytest.raises(ServiceError):
        report_listing(listing=withdrawn, by=third, reason="spam")
    report_listing(listing=withdrawn, by=replier, reason="spam")  # replied: sees it
    assert Report.objects.count() == 1


def test_a_hidden_listing_leaves_every_public_list_but_the_owner_sees_it(
    client, listing, owner, third
):
    _report_three(listing)
    from exchange.selectors import (
        listing_count_per_wijk,
        listing_counts_per_buurt,
        listings_for_list,
        listings_latest_in,
    )

    assert listing not in listings_for_list(third)
    assert listing not in listings_latest_in(listing.neighbourhood)
    assert not listing_counts_per_buurt()
    assert sum(listing_count_per_wijk().values()) == 0
    from api.selectors.exchange import listings_for_api

    assert not listings_for_api().filter(pk=listing.pk).exists()
    client.force_login(third)
    assert client.get(reverse("exchange:detail", args=[listing.pk])).status_code == 404
    assert listing.title not in client.get(reverse("exchange:list")).content.decode()
    client.force_login(owner)
    page = client.get(reverse("exchange:detail", args=[listing.pk])).content.decode()
    assert 'id="hidden-notice"' in page
    assert "hidden until a moderator has looked at it" in page


# --- Reporting a message ----------------------------------------------------------------


def test_a_side_reports_the_other_sides_message(conversation, owner):
    message = conversation.messages.get()
    report = report_message(message=message, by=owner, reason="abusive", text="Scheldwoorden")
    assert (report.message, report.reporter, report.listing) == (message, owner, None)


def test_someone_outside_the_conversation_cannot_report_a_message(conversation, third):
    with pytest.raises(ServiceError) as refused:
        report_message(message=conversation.messages.get(), by=third, reason="spam")
    assert refused.value.code == "forbidden"
    assert not Report.objects.exists()


def test_nobody_reports_their_own_message(conversation, replier):
    with pytest.raises(ServiceError) as refused:
        report_message(message=conversation.messages.get(), by=replier, reason="spam")
    assert refused.value.code == "own"


def test_the_same_side_reporting_a_message_twice_is_refused(conversation, owner):
    message = conversation.messages.get()
    report_message(message=message, by=owner, reason="spam")
    with pytest.raises(ServiceError):
        report_message(message=message, by=owner, reason="spam")
    assert Report.objects.count() == 1


# --- Moderation -------------------------------------------------------------------------


def test_dismiss_shows_the_listing_again_and_closes_its_reports(listing, owner, staff):
    _report_three(listing)
    assert moderation_dismiss(item=listing, by=staff) == 3
    listing.refresh_from_db()
    assert listing.hidden_at is None
    assert set(Report.objects.values_list("outcome", "handled_by")) == {("dismissed", staff.pk)}
    contexts = Notification.objects.filter(recipient=owner, kind="exchange_moderation")
    assert [n.context["action"] for n in contexts.order_by("pk")] == ["pending", "restored"]


def test_hide_keeps_the_listing_hidden_and_closes_its_reports(listing, owner, staff):
    _report_three(listing)
    moderation_hide(item=listing, by=staff)
    listing.refresh_from_db()
    assert listing.hidden_at is not None
    assert listing.hidden_by == staff
    assert set(Report.objects.values_list("outcome", flat=True)) == {"hidden"}
    assert Notification.objects.filter(recipient=owner, context__action="hidden").exists()
    with pytest.raises(ServiceError):
        moderation_hide(item=listing, by=staff)


def test_after_a_decision_the_same_person_may_report_again(listing, third, staff):
    report_listing(listing=listing, by=third, reason="spam")
    moderation_dismiss(item=listing, by=staff)
    report_listing(listing=listing, by=third, reason="spam")
    assert Report.objects.filter(reporter=third).count() == 2


def test_dismiss_without_open_reports_is_refused(listing, staff):
    with pytest.raises(ServiceError) as refused:
        moderation_dismiss(item=listing, by=staff)
    assert refused.value.code == "no_reports"


def test_only_staff_moderate(listing, third, superuser):
    report_listing(listing=listing, by=UserFactory(), reason="spam")
    with pytest.raises(ServiceError):
        moderation_hide(item=listing, by=third)
    with pytest.raises(ServiceError):
        moderation_dismiss(item=listing, by=third)
    superuser.is_staff = False
    with pytest.raises(ServiceError):
        moderation_hide(item=listing, by=superuser)
    listing.refresh_from_db()
    assert listing.hidden_at is None


def test_a_hidden_message_shows_a_notice_to_both_sides(
    client, conversation, owner, replier, staff
):
    message = conversation.messages.get()
    report_message(message=message, by=owner, reason="abusive")
    moderation_hide(item=message, by=staff)
    message.refresh_from_db()
    assert message.hidden_by == staff
    assert Report.objects.get().outcome == "hidden"
    for person in (owner, replier):
        client.force_login(person)
        page = client.get(reverse("exchange:conversation", args=[conversation.pk]))
        html = page.content.decode()
        assert "This message has been hidden by a moderator." in html
        assert "Mijn band is lek." not in html
