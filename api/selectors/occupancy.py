"""When the rooms of a community building are taken: per day, the busy stretches of
each bookable room (waiting and approved bookings, as the building's page shows them),
never who booked or why."""

import datetime as dt

from django.utils import timezone

from venues.models import Booking, Closure, Venue
from venues.schedule import local_datetime


def venue_occupancy(venue: Venue, *, first: dt.date, last: dt.date) -> list[dict]:
    """A dict per day from ``first`` to ``last``: whether the building is closed, its
    opening hours and each bookable room's busy stretches (clipped to the day).

    ``venue`` comes from ``venues_for_api`` (bookable rooms and opening hours
    prefetched); two more queries whatever the number of days and bookings.
    """
    rooms = list(venue.rooms.all())
    opening_hours = list(venue.opening_hours.all())
    closures = list(
        Closure.objects.filter(venue=venue, last_day__gte=first, first_day__lte=last).only(
            "first_day", "last_day"
        )
    )
    start = local_datetime(first, dt.time())
    end = local_datetime(last + dt.timedelta(days=1), dt.time())
    bookings = list(
        Booking.objects.filter(
            room__in=[room.pk for room in rooms],
            status__in=Booking.ACTIVE,
            start__lt=end,
            end__gt=start,
        )
        .only("room_id", "start", "end")
        .order_by("start", "pk")
    )
    days = []
    day = first
    while day <= last:
        day_start = local_datetime(day, dt.time())
        day_end = local_datetime(day + dt.timedelta(days=1), dt.time())
        closed = any(c.first_day <= day <= c.last_day for c in closures)
        hours = sorted(
            (oh.opens, oh.closes) for oh in opening_hours if oh.weekday == day.weekday()
        )
        days.append(
            {
                "date": day,
                "closed": closed or not hours,
                "opening_hours": []
                if closed
                else [
                    {"opens": o.isoformat("seconds"), "closes": c.isoformat("seconds")}
                    for o, c in hours
                ],
                "rooms": [
                    {
                        "name": room.name,
                        "busy": [
                            {
                                "start": timezone.localtime(max(b.start, day_start)),
                                "end": timezone.localtime(min(b.end, day_end)),
                            }
                            for b in bookings
                            if b.room_id == room.pk and b.start < day_end and b.end > day_start
                        ],
                    }
                    for room in rooms
                ],
            }
        )
        day += dt.timedelta(days=1)
    return days
