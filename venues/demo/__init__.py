"""Demo data: community buildings of Assen with rooms, hours and tariffs, a venue
manager, and a year of bookings. Idempotent: a second run changes nothing new.

MFA Assen-Oost is a real multifunctional building; its address and the other
buildings are clearly marked demo data.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from mijnbuurt.accounts.demo import demo_user
from mijnbuurt.core.demo import DemoAccount
from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import Neighbourhood

from ..models import Booking, BookingEvent, OpeningHours, Room, Venue
from ..schedule import local_datetime
from ..services import booking_approve, booking_request
from .buildings import VENUES
from .year import seed_year

__all__ = ["VENUES", "seed"]

MANAGER_EMAIL = "beheerder@example.org"
RESIDENT_EMAIL = "bewoner@example.org"

# venue slug, room name, days from now, start hour, end hour, purpose, kind, approve
PLANNED = [
    (
        "mfa-assen-oost",
        "Ontmoetingsruimte",
        2,
        19,
        21,
        "Bewonersavond Assen-Oost",
        "initiative",
        True,
    ),
    ("mfa-assen-oost", "Sportzaal", 3, 10, 12, "Bewegen voor ouderen", "non_profit", True),
    ("mfa-assen-oost", "Vergaderkamer", 5, 9, 11, "Overleg buurtpreventie", "initiative", False),
    ("mfa-assen-oost", "Ontmoetingsruimte", 9, 19, 22, "Repair café", "initiative", True),
    ("mfa-assen-oost", "Sportzaal", 10, 18, 20, "Bootcamp (bedrijf)", "commercial", False),
    ("buurthuis-lariks", "Grote zaal", 4, 14, 17, "Kaartmiddag", "initiative", True),
    ("buurthuis-lariks", "Tuinkamer", 11, 10, 12, "Moestuinclub", "initiative", True),
    (
        "mfa-assen-oost",
        "Ontmoetingsruimte",
        16,
        19,
        21,
        "Bewonersavond Assen-Oost",
        "initiative",
        False,
    ),
]


def _next_weekday(offset: int) -> dt.date:
    day = timezone.localdate() + dt.timedelta(days=offset)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _venue(spec, manager) -> Venue:
    (slug, name, code, owner, address, managed, auto, cap, access, hours, rooms) = spec
    wijk = Neighbourhood.objects.get(code=code)
    venue, _created = Venue.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "neighbourhood": wijk,
            "owner_kind": owner,
            "address": address,
            "latitude": wijk.latitude,
            "longitude": wijk.longitude,
            "description": f"{name}: ontmoeten, bewegen en vergaderen in {wijk.name}.",
            "house_rules": "Laat de ruimte schoon en opgeruimd achter. Geen alcohol zonder "
            "toestemming van de beheerder. Uiterlijk een half uur na afloop is iedereen weg.",
            "contact_email": f"{slug}@example.org",
            "auto_approve": auto,
            "commercial_hours_cap": cap,
            **{"step_free": False, "accessible_toilet": False, "hearing_loop": False, **access},
        },
    )
    if managed:
        venue.managers.add(manager)
    OpeningHours.objects.filter(venue=venue).delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(venue=venue, weekday=d, opens=opens, closes=closes)
        for d, opens, closes in hours
    )
    for room_name, capacity, facilities, (initiative, non_profit, commercial) in rooms:
        Room.objects.update_or_create(
            venue=venue,
            name=room_name,
            defaults={
                "capacity": capacity,
                "rate_initiative": Decimal(initiative),
                "rate_non_profit": Decimal(non_profit),
                "rate_commercial": Decimal(commercial),
                **{
                    f: f in facilities
                    for f in (
                        "kitchen",
                        "projector",
                        "sound_system",
                        "sports_floor",
                        "garden",
                        "wifi",
                    )
                },
            },
        )
    return venue


def _past_bookings(resident) -> None:
    """Approved use in the past weeks, so that the occupancy figures show something."""
    room = Room.objects.get(venue__slug="mfa-assen-oost", name="Ontmoetingsruimte")
    for weeks_ago in (1, 2, 3):
        day = _next_weekday(-7 * weeks_ago)
        start = local_datetime(day, dt.time(19))
        booking, created = Booking.objects.get_or_create(
            room=room,
            start=start,
            defaults={
                "booker": resident,
                "end": local_datetime(day, dt.time(21)),
                "purpose": "Bewonersavond Assen-Oost",
                "attendees": 35,
                "booker_kind": Booking.BookerKind.INITIATIVE,
                "price": Decimal("10.00"),
                "status": Booking.Status.APPROVED,
            },
        )
        if created:
            BookingEvent.objects.create(booking=booking, to_status=booking.status)


def seed(*, out) -> list[DemoAccount]:
    manager = demo_user(MANAGER_EMAIL, display_name="Bea (beheerder MFA Assen-Oost)")
    resident = demo_user(RESIDENT_EMAIL, display_name="Anne (bewoner)")
    for spec in VENUES:
        _venue(spec, manager)
    _past_bookings(resident)
    made = 0
    for slug, room_name, offset, start, end, purpose, kind, approve in PLANNED:
        room = Room.objects.select_related("venue").get(venue__slug=slug, name=room_name)
        day = _next_weekday(offset)
        begin = local_datetime(day, dt.time(start))
        if Booking.objects.filter(room=room, start=begin, status__in=Booking.ACTIVE).exists():
            continue
        try:
            bookings = booking_request(
                booker=resident,
                room=room,
                date=day,
                start_time=dt.time(start),
                end_time=dt.time(end),
                purpose=purpose,
                attendees=min(room.capacity, 10),
                booker_kind=kind,
            )
        except ServiceError as error:
            out.write(f"  skipped a demo booking: {error.message}")
            continue
        made += len(bookings)
        if approve and bookings[0].status == Booking.Status.PENDING:
            booking_approve(booking=bookings[0], actor=manager)
    made += seed_year()
    out.write(f"Venues: {len(VENUES)} community buildings, {made} new bookings.")
    return [DemoAccount(role="venue manager (beheerder)", email=MANAGER_EMAIL)]
