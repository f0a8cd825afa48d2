"""Two workers sending booking reminders and managers' lists at once: each goes out once.

On PostgreSQL two threads, each with its own connection, run the task at the same
moment; each message claims its unique ``once_key``, so the second writer sends
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
from venues.kinds import BOOKING_REMINDER, BOOKINGS_TOMORROW
from venues.services import booking_approve
from venues.tasks import booking_reminders_send, bookings_tomorrow_send

BOOKERS = 5


@pytest.fixture
def now(day):
    """The afternoon before ``day`` (the venue fixtures' booking date)."""
    return timezone.make_aware(dt.datetime.combine(day - dt.timedelta(days=1), dt.time(16)))


@pytest.fixture
def bookers(book, venue_manager):
    """Five people, each with an approved booking on ``day``, one hour after another."""
    people = [UserFactory() for _ in range(BOOKERS)]
    for hour, person in enumerate(people, start=9):
        [booking] = book(booker=person, start_time=dt.time(hour), end_time=dt.time(hour + 1))
        booking_approve(booking=booking, actor=venue_manager)
    mail.outbox.clear()
    return people


def _mails_per_person(subject_part: str = "") -> Counter:
    return Counter(m.to[0] for m in mail.outbox if subject_part in m.subject)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_remind_each_booker_exactly_once(bookers, now):
    outcomes = run_concurrently(lambda _n: booking_reminders_send(now=now), range(2))

    assert sum(outcomes) == BOOKERS, outcomes  # each reminder counted by one worker
    assert _mails_per_person() == Counter({person.email: 1 for person in bookers})
    assert Notification.objects.filter(kind=BOOKING_REMINDER.name).count() == BOOKERS


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_the_manager_one_list_of_tomorrow(bookers, venue_manager, now):
    outcomes = run_concurrently(lambda _n: bookings_tomorrow_send(now=now), range(2))

    assert sorted(outcomes) == [0, 1], outcomes
    assert Notification.objects.filter(kind=BOOKINGS_TOMORROW.name).count() == 1
    assert _mails_per_person("Morgen") == Counter({venue_manager.email: 1})


@pytest.mark.django_db
def test_booking_reminders_run_twice_in_sequence_send_once(
    bookers, now, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert booking_reminders_send(now=now) == BOOKERS
        assert booking_reminders_send(now=now) == 0
    assert _mails_per_person() == Counter({person.email: 1 for person in bookers})
