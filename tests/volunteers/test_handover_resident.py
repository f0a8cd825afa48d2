"""What the resident gets from a hand-over: one e-mail when the volunteer is confirmed
(also from a new request, which passes triage on the way), and on their page the
volunteer's first name and the agreed date."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation

from helprequests.models import HelpRequest, HelpStatus
from mijnbuurt.notifications.models import Notification
from volunteers.services.handover import handover_confirm

from .handover_setup import _accept_and_sign_up

pytestmark = pytest.mark.django_db


def test_confirming_a_new_request_sends_the_resident_one_email(
    handover, invited, professional_a, resident, django_capture_on_commit_callbacks
):
    assert HelpRequest.objects.get().status == HelpStatus.NEW
    _accept_and_sign_up(handover, invited)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        handover_confirm(handover=handover, by=professional_a, volunteer_id=invited.pk)
    assert HelpRequest.objects.get().status == HelpStatus.HANDED_TO_VOLUNTEER
    assert Notification.objects.filter(recipient=resident).count() == 1
    assert [m.to for m in mail.outbox if m.to == [resident.email]] == [[resident.email]]
    # The history still shows both steps.
    steps = list(HelpRequest.objects.get().events.values_list("to_status", flat=True))
    assert steps == [HelpStatus.NEW, HelpStatus.IN_TRIAGE, HelpStatus.HANDED_TO_VOLUNTEER]


def test_resident_sees_the_volunteers_first_name_and_the_agreed_date(
    client, handover, matched, resident
):
    matched.display_name = "Vera de Vries"
    matched.save()
    starts_at = timezone.localtime(handover.task.shifts.get().starts_at)
    client.force_login(resident)
    with translation.override("en"):  # the Dutch of the new text is merged separately
        body = client.get(reverse("help:detail", args=[handover.help_request_id])).content
        date = formats.date_format(starts_at, "l j F Y")
    body = body.decode()
    assert "We found a volunteer for you: Vera." in body
    assert "de Vries" not in body
    assert f"Agreed: Vera helps you on {date} at {starts_at:%H:%M}." in body
