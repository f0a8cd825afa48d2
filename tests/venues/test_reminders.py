"""The booker's reminder the day before, and the managers' list of tomorrow's bookings."""

import datetime as dt

import pytest
from django.utils import timezone

from mijnbuurt.notifications.models import Notification
from venues.services import booking_approve
from venues.tasks import booking_reminders_send, bookings_tomorrow_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(day):
    """The afternoon before ``day`` (the venue fixtures' booking date)."""
    return timezone.make_aware(dt.datetime.combine(day - dt.timedelta(days=1), dt.time(16)))


def test_booker_of_an_approved_booking_is_reminded_once(book, venue_manager, resident, now):
    [approved] = book(purpose="Repaircafé")
    booking_approve(booking=approved, actor=venue_manager)
    book(start_time=dt.time(9), end_time=dt.time(10), purpose="Nog niet goedgekeurd")

    assert booking_reminders_send(now=now) == 1
    assert booking_reminders_send(now=now) == 0  # a second run sends nothing

    reminder = Notification.objects.get(kind="venue_booking_reminder")
    assert reminder.recipient == resident
    assert reminder.context["purpose"] == "Repaircafé"
    assert booking_reminders_send(now=now - dt.timedelta(days=1)) == 0  # not two days ahead


def test_each_manager_gets_one_list_of_tomorrow_with_pending_ones_marked(
    book, venue_manager, now, mailoutbox, django_capture_on_commit_callbacks
):
    book(purpose="Buurtvergadering")
    book(start_time=dt.time(9), end_time=dt.time(10), purpose="Yoga")

    with django_capture_on_commit_callbacks(execute=True):
        assert bookings_tomorrow_send(now=now) == 1
    assert bookings_tomorrow_send(now=now) == 0

    [message] = [m for m in mailoutbox if "Morgen" in m.subject]
    assert message.to == [venue_manager.email]
    assert "Morgen: 2 boekingen" in message.subject
    assert "Yoga" in message.body
    assert "Buurtvergadering" in message.body
    assert "wacht nog op je goedkeuring" in message.body
