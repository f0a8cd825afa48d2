"""Hours open of the venues in a report's scope, per wijk and per month.

Counted as ``venues.selectors.venue_occupancy`` counts them: a venue's opening hours
on every day of the month that no closure covers, times its number of rooms. The
database returns the opening hours (one row per venue and weekday, with the venue's
wijk and room count) and the closures overlapping the year: two queries whose size
follows the number of venues, not of bookings. The arithmetic per month uses how
many Mondays, Tuesdays, ... the month has, so it does not walk the calendar per venue.
"""

import calendar
import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Subquery

from venues.models import Closure, OpeningHours, Room
from venues.schedule import hours_between

from .scope import Scope, row_of


def _weekdays_per_month(year: int) -> dict[int, list[int]]:
    counts = {}
    for month in range(1, 13):
        days = calendar.monthrange(year, month)[1]
        per_weekday = [0] * 7
        for day in range(days):
            per_weekday[(calendar.weekday(year, month, 1) + day) % 7] += 1
        counts[month] = per_weekday
    return counts


def hours_open(scope: Scope) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    rooms = (
        Room.objects.filter(venue=OuterRef("venue"))
        .order_by()
        .values("venue")
        .annotate(n=Count("pk"))
        .values("n")
    )
    opening = (
        OpeningHours.objects.filter(scope.located("venue__"))
        .annotate(
            wijk=row_of(scope, "venue__"), rooms=Subquery(rooms, output_field=IntegerField())
        )
        .values_list("venue_id", "wijk", "rooms", "weekday", "opens", "closes")
    )
    weekly = defaultdict(lambda: [Decimal(0)] * 7)  # venue -> hours per weekday, all rooms
    wijk_of_venue = {}
    for venue, wijk, room_count, weekday, opens, closes in opening:
        weekly[venue][weekday] += hours_between(opens, closes) * (room_count or 0)
        wijk_of_venue[venue] = wijk
    first, last = dt.date(scope.year, 1, 1), dt.date(scope.year, 12, 31)
    closed = set()  # (venue, day): a day two closures cover is closed once
    for venue, first_day, last_day in Closure.objects.filter(
        scope.located("venue__"), last_day__gte=first, first_day__lte=last
    ).values_list("venue_id", "first_day", "last_day"):
        if venue not in weekly:
            continue  # never open, so never closed
        day = max(first_day, first)
        while day <= min(last_day, last):
            closed.add((venue, day))
            day += dt.timedelta(days=1)
    counts = _weekdays_per_month(scope.year)
    by_wijk, by_month = defaultdict(Decimal), defaultdict(Decimal)
    for venue, hours in weekly.items():
        for month, per_weekday in counts.items():
            open_hours = sum((n * h for n, h in zip(per_weekday, hours, strict=True)), Decimal(0))
            by_wijk[wijk_of_venue[venue]] += open_hours
            by_month[month] += open_hours
    for venue, day in closed:
        hours = weekly[venue][day.weekday()]
        by_wijk[wijk_of_venue[venue]] -= hours
        by_month[day.month] -= hours
    return dict(by_wijk), dict(by_month)
