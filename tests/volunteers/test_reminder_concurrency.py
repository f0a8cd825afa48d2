"""Two workers sending tomorrow's shift reminders at once: one reminder per sign-up.

On PostgreSQL two threads, each with its own connection, run the task at the same
moment; each reminder claims its unique ``once_key``, so the second writer sends
nothing. On SQLite the same runs in sequence.
"""

import datetime as dt
from collections import Counter

import pytest
from django.core import mail
from django.utils import timezone

from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.races import postgres_only, run_concurrently
from volunteers.kinds import SHIFT_REMINDER
from volunteers.services import shift_sign_up
from volunteers.tasks import shift_reminders_send

from .factories import ShiftFactory

VOLUNTEERS = 8


def _tomorrows_shift_with_volunteers():
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    starts = timezone.make_aware(dt.datetime.combine(tomorrow, dt.time(10)))
    shift = ShiftFactory(starts_at=starts, ends_at=starts + dt.timedelta(hours=2), places=20)
    volunteers = [UserFactory() for _ in range(VOLUNTEERS)]
    for volunteer in volunteers:
        shift_sign_up(shift=shift, volunteer=volunteer)
    mail.outbox.clear()
    return volunteers


def _reminder_mails_per_person() -> Counter:
    return Counter(m.to[0] for m in mail.outbox)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_volunteer_exactly_one_shift_reminder():
    volunteers = _tomorrows_shift_with_volunteers()

    outcomes = run_concurrently(lambda _n: shift_reminders_send(), range(2))

    assert all(isinstance(sent, int) for sent in outcomes), outcomes
    assert sum(outcomes) == VOLUNTEERS, outcomes  # each reminder counted by one worker
    assert _reminder_mails_per_person() == Counter({v.email: 1 for v in volunteers})
    assert Notification.objects.filter(kind=SHIFT_REMINDER.name).count() == VOLUNTEERS


@pytest.mark.django_db
def test_shift_reminders_run_twice_in_sequence_send_once(django_capture_on_commit_callbacks):
    volunteers = _tomorrows_shift_with_volunteers()
    with django_capture_on_commit_callbacks(execute=True):
        assert shift_reminders_send() == VOLUNTEERS
        assert shift_reminders_send() == 0
    assert _reminder_mails_per_person() == Counter({v.email: 1 for v in volunteers})
