"""The rules a booking request must pass, per occurrence, without writing anything.

The booking form shows these results before the resident confirms; the booking
service runs them again inside its transaction.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..models import Booking, Closure, Room
from ..schedule import closure_on, hours_between, local_datetime, price_for, within_opening_hours

RATE_FIELD = {
    Booking.BookerKind.INITIATIVE: "rate_initiative",
    Booking.BookerKind.NON_PROFIT: "rate_non_profit",
    Booking.BookerKind.COMMERCIAL: "rate_commercial",
}


@dataclass
class Occurrence:
    day: dt.date
    start: dt.datetime
    end: dt.datetime
    price: Decimal
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def rate_for(room: Room, booker_kind: str) -> Decimal:
    return getattr(room, RATE_FIELD[booker_kind])


def _day_label(day: dt.date) -> str:
    return formats.date_format(day, "l j F Y")


def _opening_hours_text(opening_hours, day: dt.date) -> str:
    slots = [
        f"{oh.opens:%H:%M}-{oh.closes:%H:%M}"
        for oh in opening_hours
        if oh.weekday == day.weekday()
    ]
    return ", ".join(slots)


def commercial_hours_by_month(*, venue, months: set[tuple[int, int]]) -> dict:
    """Hours of active commercial use of ``venue`` per (year, month), in one query."""
    if not months:
        return {}
    first = min(dt.date(y, m, 1) for y, m in months)
    last_y, last_m = max(months)
    after = dt.date(last_y + (last_m == 12), last_m % 12 + 1, 1)
    rows = Booking.objects.filter(
        room__venue=venue,
        status__in=Booking.ACTIVE,
        booker_kind=Booking.BookerKind.COMMERCIAL,
        start__gte=local_datetime(first, dt.time()),
        start__lt=local_datetime(after, dt.time()),
    ).values_list("start", "end")
    used: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for start, end in rows:
        local = timezone.localtime(start)
        used[(local.year, local.month)] += Decimal((end - start).total_seconds()) / 3600
    return used


def occurrences_check(
    *,
    room: Room,
    days: list[dt.date],
    start_time: dt.time,
    end_time: dt.time,
    attendees: int,
    booker_kind: str,
) -> list[Occurrence]:
    """Each occurrence with its price and what stands in its way (empty when bookable)."""
    venue = room.venue
    hours = hours_between(start_time, end_time)
    price = price_for(rate=rate_for(room, booker_kind), hours=hours)
    occurrences = [
        Occurrence(
            day=day,
            start=local_datetime(day, start_time),
            end=local_datetime(day, end_time),
            price=price,
        )
        for day in days
    ]
    opening_hours = list(venue.opening_hours.all())
    closures = list(
        Closure.objects.filter(venue=venue, last_day__gte=min(days), first_day__lte=max(days))
    )
    taken = list(
        Booking.objects.filter(
            room=room,
            status__in=Booking.ACTIVE,
            start__lt=occurrences[-1].end,
            end__gt=occurrences[0].start,
        ).values_list("start", "end")
    )
    now = timezone.now()
    for occurrence in occurrences:
        label = _day_label(occurrence.day)
        closure = closure_on(closures, occurrence.day)
        if occurrence.start <= now:
            occurrence.problems.append(
                _("%(day)s: this time has already passed.") % {"day": label}
            )
        elif closure:
            occurrence.problems.append(
                _("%(day)s: the venue is closed (%(reason)s).")
                % {"day": label, "reason": closure.reason or _("closure day")}
            )
        elif not within_opening_hours(opening_hours, occurrence.day, start_time, end_time):
            open_text = _opening_hours_text(opening_hours, occurrence.day)
            occurrence.problems.append(
                _("%(day)s: this is outside the opening hours (open %(hours)s).")
                % {"day": label, "hours": open_text}
                if open_text
                else _("%(day)s: the venue is not open on this day.") % {"day": label}
            )
        if any(s < occurrence.end and e > occurrence.start for s, e in taken):
            occurrence.problems.append(
                _("%(day)s: the room is already booked at that time.") % {"day": label}
            )
    if booker_kind == Booking.BookerKind.COMMERCIAL and venue.commercial_hours_cap is not None:
        _check_commercial_cap(venue=venue, occurrences=occurrences, hours=hours)
    return occurrences


def _check_commercial_cap(*, venue, occurrences: list[Occurrence], hours: Decimal) -> None:
    months = {(o.day.year, o.day.month) for o in occurrences}
    used = commercial_hours_by_month(venue=venue, months=months)
    cap = Decimal(venue.commercial_hours_cap)
    for occurrence in occurrences:
        key = (occurrence.day.year, occurrence.day.month)
        if used[key] + hours > cap:
            left = max(cap - used[key], Decimal(0))
            occurrence.problems.append(
                _(
                    "%(day)s: this venue allows at most %(cap)s hours of commercial use a "
                    "month (paracommercie); %(left)s hours are left that month."
                )
                % {
                    "day": _day_label(occurrence.day),
                    "cap": venue.commercial_hours_cap,
                    "left": formats.number_format(left.normalize(), decimal_pos=None),
                }
            )
        else:
            used[key] += hours


__all__ = [
    "Occurrence",
    "commercial_hours_by_month",
    "occurrences_check",
    "rate_for",
]
