"""Reads of venues; every query shape (joins, prefetches, aggregates) lives here."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    DecimalField,
    DurationField,
    ExpressionWrapper,
    F,
    Max,
    Prefetch,
    Q,
    QuerySet,
    Sum,
)
from django.utils import timezone

from neighbourhoods.sections import count_per_wijk

from .models import Booking, Closure, Room, Venue
from .schedule import day_availability, local_datetime, open_hours_in_month

DURATION = ExpressionWrapper(F("end") - F("start"), output_field=DurationField())


def user_manages_a_venue(user) -> bool:
    return Venue.objects.filter(managers=user.pk).exists()


def _public_managers() -> Prefetch:
    return Prefetch(
        "managers", queryset=get_user_model().objects.only("pk", "display_name", "anonymised_at")
    )


def venues_for_list() -> QuerySet[Venue]:
    """Published venues with their rooms' count and largest room; filter with VenueFilter."""
    return (
        Venue.objects.filter(is_published=True)
        .select_related("neighbourhood")
        .annotate(room_count=Count("rooms", distinct=True), max_capacity=Max("rooms__capacity"))
        .order_by("name", "pk")
    )


def venues_for_map() -> QuerySet[Venue]:
    return Venue.objects.filter(is_published=True, latitude__isnull=False, longitude__isnull=False)


def venue_for_page() -> QuerySet[Venue]:
    """Venues with what their page shows; the access helper or the view picks one."""
    return Venue.objects.select_related("neighbourhood").prefetch_related(
        Prefetch("rooms", queryset=Room.objects.filter(is_bookable=True).order_by("name")),
        "opening_hours",
        _public_managers(),
    )


def venue_for_management() -> QuerySet[Venue]:
    return Venue.objects.select_related("neighbourhood").prefetch_related(
        Prefetch("rooms", queryset=Room.objects.order_by("name")),
        "opening_hours",
        Prefetch("closures", queryset=Closure.objects.order_by("first_day")),
        _public_managers(),
    )


@dataclass
class RoomWeek:
    room: Room
    days: list = field(default_factory=list)


def venue_week_availability(*, venue: Venue, monday: dt.date, today: dt.date) -> list[RoomWeek]:
    """Each room's free, booked and closed stretches in the week; two queries.

    ``venue`` comes from :func:`venue_for_page` (rooms and opening hours prefetched).
    Other people's bookings show only as "booked", never who or why.
    """
    sunday = monday + dt.timedelta(days=6)
    rooms = list(venue.rooms.all())
    opening_hours = list(venue.opening_hours.all())
    closures = list(
        Closure.objects.filter(venue=venue, last_day__gte=monday, first_day__lte=sunday)
    )
    bookings = list(
        Booking.objects.filter(
            room__in=[r.pk for r in rooms],
            status__in=Booking.ACTIVE,
            start__lt=local_datetime(sunday + dt.timedelta(days=1), dt.time()),
            end__gt=local_datetime(monday, dt.time()),
        ).only("pk", "room_id", "start", "end")
    )
    weeks = []
    for room in rooms:
        mine = [b for b in bookings if b.room_id == room.pk]
        weeks.append(
            RoomWeek(
                room=room,
                days=[
                    day_availability(
                        day=monday + dt.timedelta(days=n),
                        opening_hours=opening_hours,
                        closures=closures,
                        bookings=mine,
                        today=today,
                    )
                    for n in range(7)
                ],
            )
        )
    return weeks


def _bookings() -> QuerySet[Booking]:
    return Booking.objects.select_related("room__venue", "booker", "organisation", "initiative")


def booking_for_page() -> QuerySet[Booking]:
    return _bookings().prefetch_related("events__actor")


def booking_phone_last_of(*, user) -> str:
    """The phone number ``user`` gave with their latest booking that had one ("" if none)."""
    return (
        Booking.objects.filter(booker=user)
        .exclude(booker_phone="")
        .order_by("-created_at", "-pk")
        .values_list("booker_phone", flat=True)
        .first()
        or ""
    )


def booking_series_dates_left(*, booking: Booking) -> int:
    """How many dates of ``booking``'s repeating series can still be cancelled (0 if none)."""
    if booking.series is None:
        return 0
    return Booking.objects.filter(
        series=booking.series, status__in=Booking.ACTIVE, start__gt=timezone.now()
    ).count()


def bookings_to_decide(*, venue: Venue) -> list[Booking]:
    return list(
        _bookings()
        .filter(room__venue=venue, status=Booking.Status.PENDING, start__gt=timezone.now())
        .order_by("start", "pk")
    )


def bookings_upcoming(*, venue: Venue, limit: int = 50) -> list[Booking]:
    return list(
        _bookings()
        .filter(room__venue=venue, status=Booking.Status.APPROVED, end__gt=timezone.now())
        .order_by("start", "pk")[:limit]
    )


def bookings_coming_for_initiative(*, initiative_id: int, limit: int = 10) -> list[Booking]:
    """The approved bookings still to come that are linked to an initiative (one query)."""
    return list(
        Booking.objects.filter(
            initiative_id=initiative_id, status=Booking.Status.APPROVED, end__gt=timezone.now()
        )
        .select_related("room__venue")
        .order_by("start", "pk")[:limit]
    )


def bookings_of_user(*, user) -> QuerySet[Booking]:
    return _bookings().filter(booker=user).order_by("-start", "-pk")


def bookings_coming_of(*, user, limit: int = 5) -> list[Booking]:
    """``user``'s bookings still to come, waiting or approved, soonest first (one query)."""
    return list(
        Booking.objects.filter(booker=user, status__in=Booking.ACTIVE, end__gt=timezone.now())
        .select_related("room__venue")
        .order_by("start", "pk")[:limit]
    )


def venues_managed_by(*, user) -> list[Venue]:
    """The venues ``user`` manages, each with ``to_decide``: bookings still to come that
    wait for approval (one query)."""
    waiting = Q(
        rooms__bookings__status=Booking.Status.PENDING,
        rooms__bookings__start__gt=timezone.now(),
    )
    return list(
        Venue.objects.filter(managers=user.pk)
        .annotate(to_decide=Count("rooms__bookings", filter=waiting))
        .only("pk", "name", "slug")
        .order_by("name", "pk")
    )


def bookings_for_room_calendar(*, room: Room) -> QuerySet[Booking]:
    since = timezone.now() - dt.timedelta(days=90)
    return _bookings().filter(room=room, status__in=Booking.ACTIVE, end__gt=since)


def bookings_for_user_calendar(*, user) -> QuerySet[Booking]:
    since = timezone.now() - dt.timedelta(days=90)
    return _bookings().filter(booker=user, status__in=Booking.ACTIVE, end__gt=since)


@dataclass
class Usage:
    hours_booked: Decimal = Decimal(0)
    hours_open: Decimal = Decimal(0)
    commercial_hours: Decimal = Decimal(0)
    revenue_by_kind: dict = field(default_factory=dict)

    @property
    def occupancy(self) -> Decimal | None:
        if not self.hours_open:
            return None
        return (self.hours_booked / self.hours_open * 100).quantize(Decimal("0.1"))

    @property
    def commercial_share(self) -> Decimal | None:
        if not self.hours_booked:
            return None
        return (self.commercial_hours / self.hours_booked * 100).quantize(Decimal("0.1"))

    @property
    def revenue(self) -> Decimal:
        return sum(self.revenue_by_kind.values(), Decimal(0))


@dataclass
class VenueUsage:
    venue: Usage
    rooms: list  # [(room, Usage)]


def venue_occupancy(*, venue: Venue, year: int, month: int) -> VenueUsage:
    """Approved use of ``venue`` in a month: hours booked / hours open per room and in
    all, revenue per kind of use, share of commercial hours.

    Booked hours and revenue are summed by the database (one grouped query); hours
    open follow from the opening hours and closures, read with the rooms from what
    ``venue_for_management`` prefetched (``venue`` must have all its rooms, not only the
    bookable ones). The reports issue builds on this.
    """
    first = dt.date(year, month, 1)
    after = dt.date(year + (month == 12), month % 12 + 1, 1)
    rows = (
        Booking.objects.filter(
            room__venue=venue,
            status=Booking.Status.APPROVED,
            start__gte=local_datetime(first, dt.time()),
            start__lt=local_datetime(after, dt.time()),
        )
        .values("room_id", "booker_kind")
        .annotate(
            booked=Sum(DURATION),
            revenue=Sum("price", output_field=DecimalField(max_digits=12, decimal_places=2)),
        )
        .order_by()
    )
    # From what ``venue_for_management`` prefetched (else one query each): every room,
    # the opening hours and the closures.
    open_hours = open_hours_in_month(
        year=year,
        month=month,
        opening_hours=list(venue.opening_hours.all()),
        closures=[
            closure
            for closure in venue.closures.all()
            if closure.last_day >= first and closure.first_day < after
        ],
    )
    rooms = sorted(venue.rooms.all(), key=lambda room: room.name)
    per_room = {room.pk: Usage(hours_open=open_hours) for room in rooms}
    total = Usage(hours_open=open_hours * len(rooms))
    for row in rows:
        hours = Decimal(row["booked"].total_seconds()) / 3600 if row["booked"] else Decimal(0)
        revenue = row["revenue"] or Decimal(0)
        for usage in (per_room.get(row["room_id"]), total):
            if usage is None:
                continue
            usage.hours_booked += hours
            kind = row["booker_kind"]
            usage.revenue_by_kind[kind] = usage.revenue_by_kind.get(kind, Decimal(0)) + revenue
            if kind == Booking.BookerKind.COMMERCIAL:
                usage.commercial_hours += hours
    return VenueUsage(venue=total, rooms=[(room, per_room[room.pk]) for room in rooms])


def venues_in(neighbourhood) -> list[Venue]:
    """Published venues of a neighbourhood; for a wijk also those in its buurten."""
    return list(
        Venue.objects.filter(is_published=True)
        .filter(Q(neighbourhood=neighbourhood) | Q(neighbourhood__wijk=neighbourhood))
        .only("pk", "name", "slug", "address", "owner_kind")
        .order_by("name")
    )


def venue_count_per_wijk() -> dict[int, int]:
    """Published venues per wijk id (those in a buurt count for its wijk); one query."""
    return count_per_wijk(Venue.objects.filter(is_published=True))
