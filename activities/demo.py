"""Demo activities: the demo venue manager plans coffee mornings, a course, sports and
an information evening in the rooms of their community buildings for the coming weeks
(each booking its room), the neighbourhood work organisation "Buurtwerk Assen (demo)"
does the same in the other buildings, and the demo resident registers for a coffee
morning. Last week's neighbourhood breakfast of "Buurtwerk Assen (demo)" is over: the
resident and two neighbours came (checked in at the door) and the organiser wrote how
it went.
Idempotent: an activity whose title and start exist is left alone."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from mijnbuurt.accounts.demo import RESIDENT_EMAIL, demo_user
from mijnbuurt.core.demo import DemoAccount
from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import Organisation
from venues.models import Venue

from .codes import new_code
from .models import Activity, Registration
from .services import activity_create, registration_create

MANAGER_EMAIL = "beheerder@example.org"
WORKER_EMAIL = "buurtwerk@example.org"

K, A = Activity.Kind, Activity.Audience
# (days from now, start hour, hours, kind, audience, title, description, free)
PLAN = [
    (
        2,
        10,
        2,
        K.COFFEE_MORNING,
        A.EVERYONE,
        "Koffieochtend",
        "Koffie, thee en een praatje met je buren. Iedereen is welkom.",
        True,
    ),
    (
        5,
        14,
        2,
        K.COURSE,
        A.SENIORS,
        "Computerles voor beginners",
        "Leer mailen, videobellen en veilig internetten, in kleine groepjes.",
        False,
    ),
    (
        8,
        15,
        1,
        K.SPORTS,
        A.CHILDREN,
        "Sport en spel voor kinderen",
        "Rennen, springen en spelletjes voor kinderen van 6 tot 12 jaar.",
        True,
    ),
    (
        12,
        19,
        2,
        K.INFORMATION,
        A.ADULTS,
        "Informatieavond energie besparen",
        "De energiecoach vertelt hoe je thuis energie bespaart.",
        True,
    ),
    (
        16,
        10,
        2,
        K.COFFEE_MORNING,
        A.EVERYONE,
        "Koffieochtend",
        "Koffie, thee en een praatje met je buren. Iedereen is welkom.",
        True,
    ),
    (
        20,
        16,
        3,
        K.FESTIVITY,
        A.EVERYONE,
        "Buurtborrel",
        "Proosten op de buurt, met hapjes van de buren.",
        True,
    ),
]


def _start(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@transaction.atomic
def seed(*, out) -> list[DemoAccount]:
    manager = demo_user(MANAGER_EMAIL, display_name="Bea (beheerder)")
    resident = demo_user(RESIDENT_EMAIL, display_name="Anne (bewoner)")
    worker = demo_user(WORKER_EMAIL, display_name="Wim (buurtwerker)")
    organisation, _created = Organisation.objects.get_or_create(
        slug="buurtwerk-assen-demo",
        defaults={
            "name": "Buurtwerk Assen (demo)",
            "kind": Organisation.Kind.WELFARE,
            "description": "Ontmoeting en activiteiten in alle wijken van Assen.",
            "is_approved": True,
        },
    )
    organisation.members.add(worker)
    venues = list(
        Venue.objects.filter(is_published=True)
        .select_related("neighbourhood")
        .prefetch_related("rooms", "managers")
        .order_by("pk")
    )
    made = refused = 0
    for number, venue in enumerate(venues):
        rooms = [room for room in venue.rooms.all() if room.is_bookable]
        if not rooms:
            continue
        if manager in venue.managers.all():
            organiser, acting_for = manager, f"venue:{venue.pk}"
        else:
            organiser, acting_for = worker, f"organisation:{organisation.pk}"
        for days, hour, hours, kind, audience, title, description, free in PLAN:
            start = _start(days + number, hour)
            if Activity.objects.filter(title=title, start=start, room__venue=venue).exists():
                continue
            try:
                activity_create(
                    organiser=organiser,
                    acting_for=acting_for,
                    neighbourhood=venue.neighbourhood,
                    start=start,
                    end=start + dt.timedelta(hours=hours),
                    place=Activity.Place.ROOM,
                    room=rooms[days % len(rooms)],
                    title=title,
                    description=description,
                    kind=kind,
                    audience=audience,
                    is_free=free,
                    costs="" if free else "5 euro voor vier lessen",
                    registration=Activity.Registration.PLATFORM
                    if kind in (K.COURSE, K.COFFEE_MORNING)
                    else Activity.Registration.NONE,
                )
                made += 1
            except ServiceError:
                refused += 1  # the room is taken or the building is closed then
    coffee = (
        Activity.objects.filter(
            kind=K.COFFEE_MORNING,
            registration=Activity.Registration.PLATFORM,
            status=Activity.Status.PLANNED,
            start__gt=timezone.now(),
        )
        .order_by("start", "pk")
        .first()
    )
    if coffee and not coffee.registrations.filter(user=resident).exists():
        registration_create(activity=coffee, user=resident)
    _past_breakfast(organisation, worker, [resident, *_neighbours()], venues)
    out.write(f"Activities: {made} planned ({refused} skipped: room taken or closed).")
    return [
        DemoAccount(
            role="neighbourhood worker (buurtwerk, organises activities)", email=WORKER_EMAIL
        )
    ]


PAST_TITLE = "Buurtontbijt"


def _neighbours() -> list:
    return [
        demo_user(f"buur{number}@example.org", display_name=name)
        for number, name in ((1, "Henk (buurman)"), (2, "Fatima (buurvrouw)"))
    ]


def _past_breakfast(organisation, worker, guests, venues) -> None:
    """Last week's breakfast, over: its guests checked in and the organiser's report.
    Written directly: the services plan only what is still to come."""
    if Activity.objects.filter(title=PAST_TITLE, organisation=organisation).exists() or not venues:
        return
    start = _start(-7, 9)
    activity = Activity.objects.create(
        title=PAST_TITLE,
        description="Samen ontbijten met de buren: brood, eieren en verse jus.",
        kind=K.FESTIVITY,
        audience=A.EVERYONE,
        start=start,
        end=start + dt.timedelta(hours=2),
        neighbourhood=venues[0].neighbourhood,
        place=Activity.Place.ADDRESS,
        address="Brink 1, Assen",
        organiser_kind=Activity.OrganiserKind.ORGANISATION,
        organisation=organisation,
        created_by=worker,
        registration=Activity.Registration.PLATFORM,
        capacity=30,
        attendance=len(guests) + 9,  # most came without registering
        report="Twaalf buren aan tafel, drie voor het eerst. Volgende maand weer!",
        reported_at=start + dt.timedelta(days=1),
    )
    codes: set[str] = set()
    for number, guest in enumerate(guests):
        code = new_code(codes)
        codes.add(code)
        Registration.objects.create(
            activity=activity,
            user=guest,
            status=Registration.Status.REGISTERED,
            code=code,
            created_at=start - dt.timedelta(days=3),
            attended_at=start + dt.timedelta(minutes=5 * number),
        )
