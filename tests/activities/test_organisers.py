"""Organisers write to everyone with a place (the subject of the e-mail says nothing of
the message; the waiting list gets nothing) and report afterwards how many came and
what happened; bad input is refused with a message and changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import Activity
from activities.services import activity_message_send, activity_report_save
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory

from .factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _en(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def ended(activity):
    activity.start = timezone.now() - dt.timedelta(hours=3)
    activity.end = activity.start + dt.timedelta(hours=2)
    activity.save()
    return activity


# --- A message to everyone with a place ----------------------------------------------------


def test_message_goes_to_everyone_registered_not_the_waiting_list(
    activity, registrant, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    RegistrationFactory(activity=activity, status="waiting")
    RegistrationFactory(activity=activity, status="cancelled")
    RegistrationFactory(activity=activity, user=UserFactory(is_active=False))
    with django_capture_on_commit_callbacks(execute=True):
        count = activity_message_send(
            activity=activity,
            actor=organiser,
            subject="Andere zaal",
            text="We zitten in de kleine zaal.",
        )
    assert count == 1
    [notification] = Notification.objects.filter(kind="activity_message")
    assert notification.recipient == registrant
    assert notification.link == f"/activiteiten/{activity.pk}/"
    [email] = mailoutbox
    assert "Andere zaal" not in email.subject
    assert activity.title not in email.subject
    assert "We zitten in de kleine zaal." in email.body
    assert organiser.email not in email.body


@pytest.mark.parametrize(
    ("subject", "text", "code"),
    [("", "Tekst", "subject"), ("Onderwerp", "  ", "text"), ("x" * 121, "Tekst", "too_long")],
)
def test_bad_message_is_refused_and_sends_nothing(
    activity, registrant, organiser, subject, text, code
):
    with pytest.raises(ServiceError) as refused:
        activity_message_send(activity=activity, actor=organiser, subject=subject, text=text)
    assert refused.value.code == code
    assert not Notification.objects.exists()


def test_message_without_anyone_registered_is_refused(activity, organiser):
    with pytest.raises(ServiceError) as refused:
        activity_message_send(activity=activity, actor=organiser, subject="Hoi", text="Tekst")
    assert refused.value.code == "nobody"


def test_registrants_page_sends_the_message(client, activity, registrant, organiser):
    client.force_login(organiser)
    page = client.get(_en("activities:registrations", pk=activity.pk)).content.decode()
    assert "Write to everyone with a place" in page
    response = client.post(
        _en("activities:message", pk=activity.pk),
        {"subject": "Andere zaal", "text": "De kleine zaal."},
        follow=True,
    )
    assert "Your message is sent to 1 person." in response.content.decode()
    assert Notification.objects.filter(kind="activity_message").count() == 1


def test_empty_message_form_shows_errors_and_sends_nothing(
    client, activity, registrant, organiser
):
    client.force_login(organiser)
    response = client.post(_en("activities:message", pk=activity.pk), {"subject": ""})
    assert response.status_code == 200
    assert response.context["message_form"].errors
    assert not Notification.objects.exists()


# --- The report afterwards ---------------------------------------------------------------


def test_report_after_the_activity_is_shown_on_its_page(client, ended, organiser):
    activity_report_save(
        activity=ended, actor=organiser, attendance=14, text="Gezellig, veel nieuwe buren."
    )
    page = client.get(_en("activities:detail", pk=ended.pk)).content.decode()
    assert "14 people came." in page
    assert "Gezellig, veel nieuwe buren." in page


@pytest.mark.parametrize(
    ("attendance", "text", "code"),
    [(None, "Tekst", "attendance"), (-1, "Tekst", "attendance"), (3, " ", "text")],
)
def test_bad_report_is_refused_and_changes_nothing(ended, organiser, attendance, text, code):
    with pytest.raises(ServiceError) as refused:
        activity_report_save(activity=ended, actor=organiser, attendance=attendance, text=text)
    assert refused.value.code == code
    ended.refresh_from_db()
    assert (ended.attendance, ended.report, ended.reported_at) == (None, "", None)


def test_no_report_before_the_end_or_of_a_cancelled_activity(activity, organiser):
    with pytest.raises(ServiceError) as refused:
        activity_report_save(activity=activity, actor=organiser, attendance=3, text="Leuk")
    assert refused.value.code == "not_ended"
    Activity.objects.filter(pk=activity.pk).update(
        status="cancelled",
        start=timezone.now() - dt.timedelta(days=1),
        end=timezone.now() - dt.timedelta(hours=20),
    )
    activity.refresh_from_db()
    with pytest.raises(ServiceError) as refused:
        activity_report_save(activity=activity, actor=organiser, attendance=3, text="Leuk")
    assert refused.value.code == "cancelled"


def test_report_form_counts_the_checked_in_by_default(client, ended, organiser):
    for number in range(5):
        registration = RegistrationFactory(activity=ended)
        if number < 3:
            registration.attended_at = ended.start
            registration.save()
    client.force_login(organiser)
    page = client.get(_en("activities:report", pk=ended.pk))
    assert page.context["form"].initial["attendance"] == 3
    response = client.post(
        _en("activities:report", pk=ended.pk), {"attendance": "4", "report": "Fijne ochtend."}
    )
    assert response.status_code == 302
    ended.refresh_from_db()
    assert (ended.attendance, ended.report) == (4, "Fijne ochtend.")


def test_report_form_with_garbage_shows_errors(client, ended, organiser):
    client.force_login(organiser)
    response = client.post(
        _en("activities:report", pk=ended.pk), {"attendance": "veel", "report": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    ended.refresh_from_db()
    assert ended.reported_at is None


def test_report_page_before_the_end_sends_back(client, activity, organiser):
    client.force_login(organiser)
    response = client.get(_en("activities:report", pk=activity.pk))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/activiteiten/{activity.pk}/")
