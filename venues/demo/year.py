"""A year of use of the demo buildings: the weekly (or fortnightly, monthly) activities
of clubs, initiatives and organisations, from 40 weeks ago to 12 weeks ahead, so that
week views, "my bookings" and the occupancy reports show a busy town.

Written in bulk for speed (as ``_past_bookings`` does): mostly approved, now and then
cancelled, the furthest ones in buildings that approve by hand still waiting. Idempotent:
a booking that is there already, or would overlap an active one, is not made again.
"""

import datetime as dt
import uuid

from django.utils import timezone

from initiatives.models import Initiative
from mijnbuurt.accounts.demo import demo_neighbours

from ..models import Booking, BookingEvent, Room
from ..schedule import local_datetime

WEEKS_BACK, WEEKS_AHEAD = 40, 12
INI, NPO = Booking.BookerKind.INITIATIVE, Booking.BookerKind.NON_PROFIT

# venue slug, room, weekday, start hour, end hour, purpose, kind, people, every n weeks,
# initiative title (the booking shows on its page) or ""
WEEKLY = [
    ("mfa-assen-oost", "Sportzaal", 0, 9, 11, "Gym voor 65-plussers", NPO, 25, 1, ""),
    ("mfa-assen-oost", "Ontmoetingsruimte", 2, 14, 16, "Koffie-inloop Assen-Oost", INI, 20, 1, ""),
    ("mfa-assen-oost", "Vergaderkamer", 3, 19, 21, "Vergadering wijkvereniging", INI, 10, 4, ""),
    (
        "buurthuis-lariks",
        "Grote zaal",
        1,
        9,
        12,
        "Buurtkamer: koffie op dinsdag",
        INI,
        25,
        1,
        "Buurtkamer Lariks: elke dinsdag koffie",
    ),
    ("buurthuis-lariks", "Tuinkamer", 3, 14, 16, "Breiclub", INI, 8, 1, ""),
    ("wijkcentrum-kloosterveen", "Zaal", 4, 19, 22, "Repetitie buurtkoor", NPO, 40, 1, ""),
    ("wijkcentrum-kloosterveen", "Atelier", 2, 10, 12, "Schilderclub", INI, 12, 1, ""),
    ("kerkzaal-pittelo", "Kerkzaal", 1, 19, 21, "Bewonersoverleg Pittelo", INI, 30, 4, ""),
    ("schoolzaal-peelo", "Speelzaal", 3, 19, 21, "Volleybal voor recreanten", NPO, 16, 1, ""),
    (
        "buurthuis-de-hertenkamp",
        "Grote zaal",
        5,
        10,
        13,
        "Repair café",
        INI,
        30,
        4,
        "Repair café Asserbos",
    ),
    ("buurthuis-de-hertenkamp", "Leeskamer", 2, 10, 12, "Taalcafé", NPO, 8, 1, ""),
    (
        "wijkcentrum-noorderpark",
        "Zaal Componist",
        3,
        11,
        12,
        "Wandelgroep: koffie na afloop",
        INI,
        18,
        1,
        "Wandelgroep Veningerland",
    ),
    ("wijkcentrum-noorderpark", "Keuken", 4, 16, 20, "Kookclub voor mannen", INI, 12, 2, ""),
    (
        "wijkcentrum-noorderpark",
        "Spreekkamer",
        1,
        9,
        12,
        "Spreekuur schuldmaatje",
        NPO,
        4,
        1,
        "",
    ),
    ("mfa-baggelhuizen", "Gymzaal", 0, 19, 21, "Badminton", NPO, 24, 1, ""),
    (
        "mfa-baggelhuizen",
        "Buurtkamer",
        5,
        14,
        16,
        "Fietsles: theorie en koffie",
        INI,
        10,
        1,
        "Fietsles voor volwassenen Baggelhuizen",
    ),
    ("wijkcentrum-de-hullen", "Marsdijkzaal", 2, 19, 22, "Bingo-avond", INI, 60, 2, ""),
    ("wijkcentrum-de-hullen", "Jongerenruimte", 4, 15, 18, "Jongereninloop", NPO, 20, 1, ""),
    ("dorpshuis-loon", "Zaal", 3, 20, 22, "Dorpsvergadering Loon", INI, 40, 4, ""),
    ("dorpshuis-loon", "Zaal", 1, 14, 16, "Koersbal", INI, 16, 1, ""),
    (
        "kantine-sportpark-kloosterveen",
        "Kantine",
        5,
        10,
        12,
        "Sportinstuif: koffie voor ouders",
        INI,
        20,
        1,
        "Sportinstuif Sterrenbeeldenbuurt",
    ),
    ("kantine-sportpark-kloosterveen", "Kantine", 2, 19, 21, "Ledenvergadering", NPO, 40, 4, ""),
    (
        "bibliotheekzaal-centrum",
        "Lezingenzaal",
        3,
        20,
        22,
        "Lezing oud-Assen",
        NPO,
        60,
        2,
        "",
    ),
    ("bibliotheekzaal-centrum", "Studiekamer", 0, 14, 16, "Huiswerkhulp", INI, 8, 1, ""),
]


def seed_year() -> int:
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    rooms = {
        (room.venue.slug, room.name): room
        for room in Room.objects.select_related("venue").filter(
            venue__slug__in={spec[0] for spec in WEEKLY}
        )
    }
    window = (
        local_datetime(monday - dt.timedelta(weeks=WEEKS_BACK), dt.time(0)),
        local_datetime(monday + dt.timedelta(weeks=WEEKS_AHEAD + 1), dt.time(0)),
    )
    taken: dict[int, list[tuple]] = {}  # active bookings, which a new one may not overlap
    there = set()  # every booking, also cancelled or declined ones
    for room_id, start, end, status in Booking.objects.filter(
        room__in=rooms.values(), start__lt=window[1], end__gt=window[0]
    ).values_list("room_id", "start", "end", "status"):
        there.add((room_id, start))
        if status in Booking.ACTIVE:
            taken.setdefault(room_id, []).append((start, end))
    bookers = demo_neighbours()
    initiatives = {
        i.title: i for i in Initiative.objects.filter(title__in={s[9] for s in WEEKLY if s[9]})
    }
    new = []
    for n, (slug, name, weekday, begin, end, purpose, kind, people, every, title) in enumerate(
        WEEKLY
    ):
        room = rooms.get((slug, name))
        if room is None:
            continue
        initiative = initiatives.get(title)
        booker = initiative.organisers.first() if initiative else bookers[n % len(bookers)]
        rate = room.rate_initiative if kind == INI else room.rate_non_profit
        series = uuid.uuid5(uuid.NAMESPACE_URL, f"mijnbuurt-demo:{slug}:{name}:{n}")
        for week in range(-WEEKS_BACK, WEEKS_AHEAD + 1, every):
            day = monday + dt.timedelta(weeks=week, days=weekday)
            start, stop = local_datetime(day, dt.time(begin)), local_datetime(day, dt.time(end))
            if (room.pk, start) in there or any(
                s < stop and start < e for s, e in taken.get(room.pk, [])
            ):
                continue
            status = _status(room, week, n)
            new.append(
                Booking(
                    room=room,
                    booker=booker,
                    initiative=initiative,
                    series=series,
                    start=start,
                    end=stop,
                    purpose=purpose,
                    attendees=min(people, room.capacity),
                    booker_kind=kind,
                    price=rate * (end - begin),
                    status=status,
                    decision_reason="Zaal niet beschikbaar: onderhoud"
                    if status == Booking.Status.DECLINED
                    else "",
                )
            )
            if status in Booking.ACTIVE:
                taken.setdefault(room.pk, []).append((start, stop))
    Booking.objects.bulk_create(new)
    BookingEvent.objects.bulk_create(
        BookingEvent(booking=booking, to_status=booking.status) for booking in new
    )
    return len(new)


def _status(room: Room, week: int, n: int) -> str:
    if week > WEEKS_AHEAD - 4 and not room.venue.auto_approve:
        return Booking.Status.PENDING  # the manager still has to decide
    if (week + n) % 17 == 0:
        return Booking.Status.CANCELLED if week < 0 else Booking.Status.DECLINED
    return Booking.Status.APPROVED
