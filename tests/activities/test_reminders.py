"""The reminder the day before: everyone with a place at a planned activity that
starts tomorrow gets one, once (also when the task runs twice); the waiting list, a
cancelled activity and other days get none."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from activities.tasks import activity_reminders_send
from mijnbuurt.notifications.models import Notification
from mijnbuurt.schedules import BEAT_SCHEDULE
from tests.accounts.factories import UserFactory

from .factories import ActivityFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _in_days(days: int, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def tomorrow(organisation, places):
    start = _in_days(1)
    return ActivityFactory(
        title="Koffieochtend morgen",
        organisation=organisation,
        neighbourhood=places["pittelo"],
        start=start,
        end=start + dt.timedelta(hours=2),
    )


def test_everyone_with_a_place_tomorrow_is_reminded_once(
    tomorrow, django_capture_on_commit_callbacks
):
    anna = RegistrationFactory(activity=tomorrow, user=UserFactory(display_name="Anna"))
    RegistrationFactory(activity=tomorrow, status="waiting")
    RegistrationFactory(activity=tomorrow, status="cancelled")
    RegistrationFactory(activity=tomorrow, user=UserFactory(is_active=False))
    with django_capture_on_commit_callbacks(execute=True):
        assert activity_reminders_send() == 1
        assert activity_reminders_send() == 0
    [reminder] = Notification.objects.filter(kind="activity_reminder")
    assert reminder.recipient == anna.user
    assert reminder.context["code"] == anna.code
    assert reminder.link == f"/activiteiten/{tomorrow.pk}/"
    [email] = mail.outbox
    assert "Koffieochtend morgen" not in email.subject  # the subject names no activity
    assert anna.code in email.body
    assert "Brink 1, Assen" in email.body


def test_other_days_and_cancelled_activities_get_no_reminder(tomorrow, organisation):
    RegistrationFactory(
        activity=ActivityFactory(organisation=organisation, start=_in_days(2), end=_in_days(2, 12))
    )
    RegistrationFactory(
        activity=ActivityFactory(
            organisation=organisation, start=_in_days(0, 23), end=_in_days(1, 1)
        )
    )
    tomorrow.status = "cancelled"
    tomorrow.save()
    RegistrationFactory(activity=tomorrow)
    assert activity_reminders_send() == 0
    assert not Notification.objects.exists()


def test_online_activity_reminder_carries_the_link(tomorrow, django_capture_on_commit_callbacks):
    tomorrow.place = "online"
    tomorrow.online_link = "https://meet.example.org/koffie"
    tomorrow.save()
    RegistrationFactory(activity=tomorrow)
    with django_capture_on_commit_callbacks(execute=True):
        activity_reminders_send()
    assert "meet.example.org/koffie" in mail.outbox[0].body


def test_beat_runs_the_reminders_every_day():
    tasks = {entry["task"] for entry in BEAT_SCHEDULE.values()}
    assert "activities.tasks.send_activity_reminders" in tasks
