"""Calendar arithmetic of venues: local times, repeats, opening hours, week grids.

Times are wall-clock times in Europe/Amsterdam (settings.TIME_ZONE); bookings are
stored as aware datetimes. Pure functions, no queries.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

MAX_OCCURRENCES = 26
REPEAT_DAYS = {"none": 0, "weekly": 7, "fortnightly": 14}


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def occurrence_dates(first: dt.date, *, repeat: str, occurrences: int) -> list[dt.date]:
    step = REPEAT_DAYS[repeat]
    if not step:
        return [first]
    return [first + dt.timedelta(days=step * n) for n in range(occurrences)]


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def parse_week(raw: str | None, *, today: dt.date) -> dt.date:
    """The Monday of the week in ``?week=YYYY-MM-DD``; this week for anything unreadable."""
    try:
        day = dt.date.fromisoformat(raw or "")
    except ValueError:
        day = today
    if abs((day - today).days) > 3 * 366:
        day = today
    return week_start(day)


def hours_between(start: dt.time, end: dt.time) -> Decimal:
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return Decimal(minutes) / Decimal(60)


def price_for(*, rate: Decimal, hours: Decimal) -> Decimal:
    return (rate * hours).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def within_opening_hours(opening_hours, day: dt.date, start: dt.time, end: dt.time) -> bool:
    return any(
        oh.weekday == day.weekday() and oh.opens <= start and end <= oh.closes
        for oh in opening_hours
    )


def closure_on(closures, day: dt.date):
    return next((c for c in closures if c.first_day <= day <= c.last_day), None)


@dataclass
class Segment:
    start: dt.time
    end: dt.time
    state: str  # "free" or "booked"


@dataclass
class DayAvailability:
    day: dt.date
    closed: bool = False
    past: bool = False
    closure_reason: str = ""
    segments: list[Segment] = field(default_factory=list)


def day_availability(*, day, opening_hours, closures, bookings, today) -> DayAvailability:
    """Free and booked stretches of one room on one day; no details of the bookers."""
    if day < today:
        return DayAvailability(day=day, past=True)
    closure = closure_on(closures, day)
    slots = sorted((oh.opens, oh.closes) for oh in opening_hours if oh.weekday == day.weekday())
    if closure or not slots:
        return DayAvailability(
            day=day, closed=True, closure_reason=closure.reason if closure else ""
        )
    taken = sorted(
        (timezone.localtime(b.start).time(), timezone.localtime(b.end).time())
        for b in bookings
        if timezone.localtime(b.start).date() == day
    )
    result = DayAvailability(day=day)
    for opens, closes in slots:
        cursor = opens
        for start, end in taken:
            if end <= cursor or start >= closes:
                continue
            if start > cursor:
                result.segments.append(Segment(cursor, start, "free"))
            result.segments.append(Segment(max(start, cursor), min(end, closes), "booked"))
            cursor = max(cursor, min(end, closes))
        if cursor < closes:
            result.segments.append(Segment(cursor, closes, "free"))
    return result


def open_hours_in_month(*, year: int, month: int, opening_hours, closures) -> Decimal:
    day = dt.date(year, month, 1)
    total = Decimal(0)
    while day.month == month:
        if not closure_on(closures, day):
            for oh in opening_hours:
                if oh.weekday == day.weekday():
                    total += hours_between(oh.opens, oh.closes)
        day += dt.timedelta(days=1)
    return total
