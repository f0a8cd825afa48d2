"""Synthetic community buildings and bookings for ``manage.py seed_scale`` (benchmarks).

At factor 1 (Assen): 25 venues with 2 to 4 rooms (about 75), open on weekdays and some
Saturdays, a two-week summer closure, and about three bookings per room per week over
last year and this year (about 23,000 bookings); at factor 10 about 250 venues, 750
rooms and 230,000 bookings. Bookings never overlap (each takes its own two-hour slot of
the day), most are approved, some commercial. Bookers are the synthetic residents of
``neighbourhoods.scale``. Deterministic, bulk_create only; slugs start with ``schaal-``.
"""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from neighbourhoods.scale import scale_buurten, scale_residents

from .models import Booking, Closure, OpeningHours, Room, Venue
from .schedule import local_datetime

VENUES_PER_FACTOR = 25
BOOKINGS_PER_ROOM_PER_WEEK = 3
SLOTS = [9, 11, 13, 15, 19]  # two-hour slots that never overlap
KINDS = {
    Booking.BookerKind.INITIATIVE: 50,
    Booking.BookerKind.NON_PROFIT: 35,
    Booking.BookerKind.COMMERCIAL: 15,
}
STATUSES = {
    Booking.Status.APPROVED: 85,
    Booking.Status.DECLINED: 5,
    Booking.Status.CANCELLED: 7,
    Booking.Status.PENDING: 3,
}


def reset(*, out) -> None:
    venues = Venue.objects.filter(slug__startswith="schaal-")
    Booking.objects.filter(room__venue__in=venues).delete()
    deleted, _by_model = venues.delete()
    out.write(f"Synthetic venues removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    if Venue.objects.filter(slug__startswith="schaal-").exists():
        out.write("Synthetic venues already exist; use --reset to generate them again.")
        return
    rng = random.Random(20260401)
    buurten = scale_buurten(out)
    residents = scale_residents()
    if not residents:
        out.write("No synthetic residents (neighbourhoods.scale); venues skipped.")
        return
    venues = Venue.objects.bulk_create(
        Venue(
            name=f"Buurthuis {n} (synthetisch)",
            slug=f"schaal-{n}",
            neighbourhood=rng.choice(buurten),
            address=f"Schaalstraat {n}, Assen",
            owner_kind=rng.choice(Venue.OwnerKind.values),
        )
        for n in range(max(1, round(VENUES_PER_FACTOR * factor)))
    )
    rooms = Room.objects.bulk_create(
        Room(
            venue=venue,
            name=f"Zaal {r + 1}",
            capacity=rng.choice([12, 20, 40, 80]),
            rate_initiative=Decimal("0.00"),
            rate_non_profit=Decimal("10.00"),
            rate_commercial=Decimal("35.00"),
        )
        for venue in venues
        for r in range(rng.randint(2, 4))
    )
    year = timezone.localdate().year
    hours, closures = [], []
    for venue in venues:
        for weekday in range(5):
            hours.append(
                OpeningHours(venue=venue, weekday=weekday, opens=dt.time(9), closes=dt.time(22))
            )
        if rng.random() < 0.5:
            hours.append(
                OpeningHours(venue=venue, weekday=5, opens=dt.time(10), closes=dt.time(17))
            )
        for y in (year - 1, year):
            closures.append(
                Closure(
                    venue=venue,
                    first_day=dt.date(y, 7, 20),
                    last_day=dt.date(y, 8, 2),
                    reason="Zomersluiting",
                )
            )
    OpeningHours.objects.bulk_create(hours)
    Closure.objects.bulk_create(closures)
    count = _seed_bookings(rng, rooms, residents, year)
    out.write(f"Synthetic venues: {len(venues)} venues, {len(rooms)} rooms, {count} bookings.")


def _seed_bookings(rng, rooms, residents, year) -> int:
    kinds, kind_weights = list(KINDS), list(KINDS.values())
    statuses, status_weights = list(STATUSES), list(STATUSES.values())
    monday = dt.date(year - 1, 1, 1)
    monday -= dt.timedelta(days=monday.weekday())
    weeks = (dt.date(year, 12, 31) - monday).days // 7
    summer = {(y, m) for y in (year - 1, year) for m in (7, 8)}
    batch, count = [], 0
    for room in rooms:
        for week in range(weeks):
            slots = rng.sample(
                [(d, s) for d in range(5) for s in SLOTS], BOOKINGS_PER_ROOM_PER_WEEK
            )
            for day_offset, hour in slots:
                day = monday + dt.timedelta(days=7 * week + day_offset)
                if (day.year, day.month) in summer and dt.date(day.year, 7, 20) <= day <= dt.date(
                    day.year, 8, 2
                ):
                    continue  # closed
                kind = rng.choices(kinds, kind_weights)[0]
                rate = {
                    "initiative": room.rate_initiative,
                    "non_profit": room.rate_non_profit,
                    "commercial": room.rate_commercial,
                }[kind]
                start = local_datetime(day, dt.time(hour))
                batch.append(
                    Booking(
                        room=room,
                        booker_id=rng.choice(residents),
                        start=start,
                        end=start + dt.timedelta(hours=2),
                        purpose="Bijeenkomst (synthetisch)",
                        attendees=rng.randint(4, room.capacity),
                        booker_kind=kind,
                        price=rate * 2,
                        status=rng.choices(statuses, status_weights)[0],
                    )
                )
            if len(batch) >= 5000:
                Booking.objects.bulk_create(batch)
                count += len(batch)
                batch = []
    Booking.objects.bulk_create(batch)
    return count + len(batch)
