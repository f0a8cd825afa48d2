"""Celery tasks of venues: the booker's reminder and the managers' list for tomorrow.

Both are safe to run twice: a booking that already has its reminder (its id is in the
notification's context), or a manager who already has tomorrow's list (the date is in
the context), is skipped. Schedules: mijnbuurt/schedules.py.
"""

import datetime as dt
from collections import defaultdict

from celery import shared_task
from django.urls import reverse
from django.utils import timezone

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
    start, end = timezone.localtime(booking.start), timezone.localtime(booking.end)
    return f"{start:%d-%m-%Y} {start:%H:%M}-{end:%H:%M}"


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
        notify(
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
            link=reverse("venues:booking", kwargs={"pk": booking.pk}),
        )
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
        notify(
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
            link=reverse("venues:manage", kwargs={"slug": items[0].room.venue.slug}),
        )
        sent += 1
    return sent
