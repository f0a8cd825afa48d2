"""The figures of a pilot: for some areas over a period, each source one or two
aggregate queries, whatever the data size (``SOURCES``); the indicators are worked out
from those few numbers (``indicator_values``).

Areas: wijken (each with all its buurten), buurten, or the rest of Assen (everything
not in the given wijken and buurten). A period is [start, end), aware datetimes; rows
are placed by the same dates as the wijkanalyse (``reports.figures``): help requests
and initiatives by when they were made, shifts by their start, bookings by their start,
activities by their start, replies by when they were started and matches by when they
were confirmed.

Counts only: nothing that names a person or describes a help request is selected.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum

from activities.models import Registration
from exchange.matches import Match
from exchange.models import Conversation
from helprequests.models import HelpRequest
from initiatives.models import Initiative, Status
from mijnbuurt.core.aggregates import median
from venues.models import Booking, Closure, OpeningHours, Room
from venues.schedule import hours_between
from volunteers.models import HandOver, OffShiftHours, SignUp

from ..figures import BOOKED, TO_FIRST_CONTACT
from ..volunteers import COUNTED_HOURS
from .choices import BY_KEY


@dataclass(frozen=True)
class Areas:
    wijken: frozenset = field(default_factory=frozenset)  # ids; a wijk with its buurten
    buurten: frozenset = field(default_factory=frozenset)  # ids
    rest: bool = False  # everything outside the wijken and buurten above

    def located(self, path: str) -> Q:
        """Rows (``path`` leads to their neighbourhood) lying in these areas."""
        inside = Q(**{f"{path}neighbourhood_id__in": [*self.wijken, *self.buurten]}) | Q(
            **{f"{path}neighbourhood__wijk_id__in": list(self.wijken)}
        )
        return ~inside if self.rest else inside


def _in(when: str, start, end) -> Q:
    return Q(**{f"{when}__gte": start, f"{when}__lt": end})


def _decimal(value) -> Decimal:
    if value is None:
        return Decimal(0)
    if isinstance(value, dt.timedelta):
        return Decimal(str(value.total_seconds())) / 3600
    return Decimal(str(value))


def help_figures(areas: Areas, start, end) -> dict:
    """Help requests made, answered (a first contact) and handed over to a volunteer who
    took them on (a confirmed hand-over), and the median days to first contact: 2 queries."""
    made = HelpRequest.objects.filter(_in("created_at", start, end), areas.located(""))
    taken = HandOver.objects.filter(help_request=OuterRef("pk"), confirmed_at__isnull=False)
    counts = made.aggregate(
        requests=Count("pk"),
        answered=Count("pk", filter=Q(first_contact_at__isnull=False)),
        handed_over=Count("pk", filter=Q(Exists(taken))),
    )
    days = median(made.filter(first_contact_at__isnull=False), TO_FIRST_CONTACT)
    counts["median_days"] = (
        None
        if days is None
        else (Decimal(str(days.total_seconds())) / 86400).quantize(Decimal("0.1"))
    )
    return counts


def exchange_counts(areas: Areas, start, end) -> dict:
    """Replies (conversations started) and matches confirmed: 2 queries."""
    replies = Conversation.objects.filter(
        _in("created_at", start, end), areas.located("listing__")
    ).count()
    matches = Match.objects.filter(
        _in("confirmed_at", start, end), areas.located("conversation__listing__")
    ).count()
    return {"replies": replies, "matches": matches}


def volunteer_hours(areas: Areas, start, end) -> dict:
    """Hours confirmed or corrected on shifts starting in the period, and confirmed hours
    outside shifts on its days: 2 queries."""
    on_shifts = SignUp.objects.filter(
        _in("shift__starts_at", start, end),
        areas.located("shift__task__"),
        hours_status__in=COUNTED_HOURS,
    ).aggregate(h=Sum("hours"))["h"]
    days = (start.date(), end.date())
    off_shift = OffShiftHours.objects.filter(
        areas.located("task__"),
        date__gte=days[0],
        date__lt=days[1],
        status=OffShiftHours.Status.CONFIRMED,
    ).aggregate(h=Sum("hours"))["h"]
    return {
        "volunteer_hours": (_decimal(on_shifts) + _decimal(off_shift)).quantize(Decimal("0.1"))
    }


def activity_counts(areas: Areas, start, end) -> dict:
    """Registrations (not cancelled, not waiting) for activities starting in the period,
    and how many of them were checked in: 1 query."""
    return Registration.objects.filter(
        _in("activity__start", start, end), areas.located("activity__")
    ).aggregate(
        registrations=Count("pk", filter=Q(status=Registration.Status.REGISTERED)),
        attended=Count("pk", filter=Q(attended_at__isnull=False)),
    )


def venue_hours(areas: Areas, start, end) -> dict:
    """Approved hours booked (and commercial hours) starting in the period, and the hours
    open, counted as the wijkanalyse counts them (``reports.hours_open``): opening hours
    on every day of the period that no closure covers, times the rooms. 3 queries."""
    booked = Booking.objects.filter(
        _in("start", start, end), areas.located("room__venue__"), status=Booking.Status.APPROVED
    ).aggregate(
        booked=Sum(BOOKED),
        commercial=Sum(BOOKED, filter=Q(booker_kind=Booking.BookerKind.COMMERCIAL)),
    )
    first, last = start.date(), end.date() - dt.timedelta(days=1)
    return {
        "booked_hours": _decimal(booked["booked"]),
        "commercial_hours": _decimal(booked["commercial"]),
        "open_hours": _hours_open(areas, first, last),
    }


def _hours_open(areas: Areas, first: dt.date, last: dt.date) -> Decimal:
    rooms = (
        Room.objects.filter(venue=OuterRef("venue"))
        .order_by()
        .values("venue")
        .annotate(n=Count("pk"))
        .values("n")
    )
    weekly = defaultdict(lambda: [Decimal(0)] * 7)  # venue -> hours per weekday, all rooms
    for venue, room_count, weekday, opens, closes in (
        OpeningHours.objects.filter(areas.located("venue__"))
        .annotate(rooms=Subquery(rooms, output_field=IntegerField()))
        .values_list("venue_id", "rooms", "weekday", "opens", "closes")
    ):
        weekly[venue][weekday] += hours_between(opens, closes) * (room_count or 0)
    days = max((last - first).days + 1, 0)
    per_weekday = [0] * 7
    for offset in range(7):
        per_weekday[(first.weekday() + offset) % 7] = days // 7 + (1 if offset < days % 7 else 0)
    total = sum(
        (n * h for hours in weekly.values() for n, h in zip(per_weekday, hours, strict=True)),
        Decimal(0),
    )
    closed = set()  # (venue, day): a day two closures cover is closed once
    for venue, first_day, last_day in Closure.objects.filter(
        areas.located("venue__"), last_day__gte=first, first_day__lte=last
    ).values_list("venue_id", "first_day", "last_day"):
        day = max(first_day, first)
        while day <= min(last_day, last) and venue in weekly:
            closed.add((venue, day))
            day += dt.timedelta(days=1)
    return total - sum((weekly[venue][day.weekday()] for venue, day in closed), Decimal(0))


def initiative_count(areas: Areas, start, end) -> dict:
    """Initiatives made in the period, drafts not counted: 1 query."""
    count = (
        Initiative.objects.filter(_in("created_at", start, end), areas.located(""))
        .exclude(status=Status.DRAFT)
        .count()
    )
    return {"initiatives": count}


SOURCES = {
    "help": help_figures,
    "exchange": exchange_counts,
    "volunteers": volunteer_hours,
    "activities": activity_counts,
    "venues": venue_hours,
    "initiatives": initiative_count,
}


def _percent(part, whole) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part or 0) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


DERIVED = {
    "median_days_first_contact": lambda f: f["median_days"],
    "help_requests": lambda f: f["requests"],
    "handover_share": lambda f: _percent(f["handed_over"], f["requests"]),
    "exchange_match_rate": lambda f: _percent(f["matches"], f["replies"]),
    "volunteer_hours": lambda f: f["volunteer_hours"],
    "activity_registrations": lambda f: f["registrations"],
    "activity_attended": lambda f: f["attended"],
    "venue_occupancy": lambda f: _percent(f["booked_hours"], f["open_hours"]),
    "venue_commercial_share": lambda f: _percent(f["commercial_hours"], f["booked_hours"]),
    "initiatives_started": lambda f: f["initiatives"],
}


@dataclass(frozen=True)
class Value:
    value: object  # int, Decimal or None (no figure)
    base: int | None = None  # the count of people or requests behind it, if any


def indicator_values(keys: list[str], areas: Areas, start, end) -> dict[str, Value]:
    """{key: Value} for the indicators ``keys``; each source they need runs once."""
    found: dict = {}
    for source in dict.fromkeys(BY_KEY[key].source for key in keys if key in BY_KEY):
        found.update(SOURCES[source](areas, start, end))
    result = {}
    for key in keys:
        if key not in BY_KEY:
            continue
        base = BY_KEY[key].base
        result[key] = Value(DERIVED[key](found), None if base is None else found[base] or 0)
    return result


def indicator(key: str, areas: Areas, start, end) -> Value:
    """One indicator for ``areas`` over [start, end)."""
    return indicator_values([key], areas, start, end)[key]
