"""Celery tasks of venues: the booker's reminder and the managers' list for tomorrow.

Both are safe to run twice, also by two workers at once: each message claims its
``once_key`` (a booking's reminder, a manager's list for a date), a unique key, so a
second writer sends nothing. Schedules: mijnbuurt/schedules.py.
"""

import datetime as dt
from collections import defaultdict

from celery import shared_task
from django.utils import timezone

from mijnbuurt.core.dates import time_range
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.services import notify

from .kinds import BOOKING_REMINDER, BOOKINGS_TOMORROW
from .models import Booking


@shared_task
def send_booking_reminders() -> int:
    return booking_reminders_send()


@shared_task
def send_bookings_tomorrow() -> int:
    return bookings_tomorrow_send()


def _tomorrow(now: dt.datetime) -> tuple[dt.date, dt.datetime, dt.datetime]:
    day = timezone.localdate(now) + dt.timedelta(days=1)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return day, start, start + dt.timedelta(days=1)


def _when(booking: Booking) -> str:
    return time_range(booking.start, booking.end)


def booking_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind every booker of an approved booking that starts tomorrow; returns how many."""
    _day, start, end = _tomorrow(now or timezone.now())
    bookings = list(
        Booking.objects.filter(
            status=Booking.Status.APPROVED, start__gte=start, start__lt=end, booker__is_active=True
        )
        .select_related("room__venue", "booker")
        .order_by("start", "pk")
    )
    reminded = set(
        Notification.objects.filter(
            kind=BOOKING_REMINDER.name, context__booking_id__in=[b.pk for b in bookings]
        ).values_list("context__booking_id", flat=True)
    )
    sent = 0
    for booking in bookings:
        if booking.pk in reminded:
            continue
        notification = notify(
            recipient=booking.booker,
            kind=BOOKING_REMINDER.name,
            context={
                "booking_id": booking.pk,
                "venue": booking.room.venue.name,
                "room": booking.room.name,
                "address": booking.room.venue.address,
                "when": _when(booking),
                "purpose": booking.purpose,
            },
            url_name="venues:booking",
            url_kwargs={"pk": booking.pk},
            once_key=f"booking_reminder:{booking.pk}",
        )
        if notification is not None:  # None: another run reminded this booker
            sent += 1
    return sent


def bookings_tomorrow_send(*, now: dt.datetime | None = None) -> int:
    """Send each venue manager one list of tomorrow's bookings in their venues.

    Managers with nothing booked tomorrow get nothing. Returns how many lists were sent.
    """
    day, start, end = _tomorrow(now or timezone.now())
    bookings = (
        Booking.objects.filter(status__in=Booking.ACTIVE, start__gte=start, start__lt=end)
        .select_related("room__venue", "booker")
        .prefetch_related("room__venue__managers")
        .order_by("room__venue__name", "start", "pk")
    )
    per_manager: dict = defaultdict(list)
    managers = {}
    for booking in bookings:
        for manager in booking.room.venue.managers.all():
            if manager.is_active:
                managers[manager.pk] = manager
                per_manager[manager.pk].append(booking)
    already = set(
        Notification.objects.filter(
            kind=BOOKINGS_TOMORROW.name, recipient__in=managers, context__date=day.isoformat()
        ).values_list("recipient_id", flat=True)
    )
    sent = 0
    for manager_id, items in per_manager.items():
        if manager_id in already:
            continue
        notification = notify(
            recipient=managers[manager_id],
            kind=BOOKINGS_TOMORROW.name,
            context={
                "date": day.isoformat(),
                "count": len(items),
                "bookings": [
                    {
                        "venue": b.room.venue.name,
                        "room": b.room.name,
                        "when": _when(b),
                        "booker": b.booker.public_name,
                        "purpose": b.purpose,
                        "pending": b.status == Booking.Status.PENDING,
                    }
                    for b in items
                ],
            },
            url_name="venues:manage",
            url_kwargs={"slug": items[0].room.venue.slug},
            once_key=f"bookings_tomorrow:{day.isoformat()}:{manager_id}",
        )
        if notification is not None:  # None: another run sent this list
            sent += 1
    return sent
