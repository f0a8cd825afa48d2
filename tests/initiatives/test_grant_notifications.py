"""A new grant request reaches the reviewers: municipal staff are notified (by their
channel of choice, the digest by default) once, and the review queue lists it with a
count, also when the initiative is already running."""

import pytest
from django.urls import reverse

from initiatives.kinds import INITIATIVE_GRANT_REQUESTED
from initiatives.models import Status
from initiatives.services.grants import _notify_staff_of_request
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.registry import Channel
from tests.accounts.factories import UserFactory, staff_member
from tests.initiatives.factories import make_grant, make_initiative

pytestmark = pytest.mark.django_db


def grant_notifications():
    return Notification.objects.filter(kind=INITIATIVE_GRANT_REQUESTED.name)


def test_every_active_staff_member_hears_of_a_new_grant_request_once(
    submitted, organiser, staff, team_member
):
    second = staff_member(email="tweede@example.org")
    staff_member(email="oud@example.org", is_active=False)
    grant = make_grant(submitted, organiser)

    assert sorted(grant_notifications().values_list("recipient_id", flat=True)) == sorted(
        [staff.pk, second.pk]
    )
    note = grant_notifications().get(recipient=staff)
    assert note.link == reverse("initiatives:detail", args=[submitted.pk]) + "#grants"
    assert note.context["amount"] == "500,00"
    # The default is the daily digest; preferences choose otherwise.
    assert INITIATIVE_GRANT_REQUESTED.default_channel == Channel.DIGEST
    assert note.delivery == Notification.Delivery.DIGEST

    _notify_staff_of_request(grant, by=organiser)  # a retry sends nothing new
    assert grant_notifications().count() == 2


def test_review_queue_lists_grant_requests_with_a_count(
    client, organiser, staff, team_member, buurt, other_buurt
):
    running = make_initiative(
        by=organiser,
        neighbourhood=buurt,
        status=Status.PUBLISHED,
        reviewer=staff,
        title="Moestuin Brink",
    )
    elsewhere = make_initiative(
        by=organiser,
        neighbourhood=other_buurt,
        status=Status.PUBLISHED,
        reviewer=staff,
        title="Speeltuin Pittelo",
    )
    make_grant(running, organiser)
    make_grant(elsewhere, organiser)

    client.force_login(staff)
    html = client.get(reverse("initiatives:review_queue")).content.decode()
    assert "Moestuin Brink" in html
    assert "Speeltuin Pittelo" in html
    assert "2 subsidieaanvragen te beslissen" in html
    assert reverse("initiatives:detail", args=[running.pk]) + "#grants" in html

    client.force_login(team_member)  # their team covers Brinkkwartier only
    html = client.get(reverse("initiatives:review_queue")).content.decode()
    assert "Moestuin Brink" in html
    assert "Speeltuin Pittelo" not in html
    assert "1 subsidieaanvraag te beslissen" in html


def test_residents_never_see_grant_requests_in_a_queue(client, submitted, organiser):
    make_grant(submitted, organiser)
    client.force_login(UserFactory())
    assert client.get(reverse("initiatives:review_queue")).status_code == 404
