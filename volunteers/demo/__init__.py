"""Demo volunteering: skills, kinds of task, volunteers and tasks with shifts across Assen.

Idempotent: lists are updated in place; a task whose title exists keeps its shifts,
and gets new ones when all of them lie in the past. An approved organisation has a
member who saw the demo volunteer's VOG (VOG gezien), which one of its tasks asks for.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from helprequests.models import HelpKind, HelpRequest, HelpStatus
from initiatives.models import Initiative, Theme
from mijnbuurt.accounts.demo import demo_neighbours, demo_user
from mijnbuurt.core.demo import DemoAccount
from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import Neighbourhood, Organisation

from ..matching import match
from ..models import (
    Availability,
    Shift,
    SignUp,
    Skill,
    Task,
    TaskKind,
    VogCheck,
    VolunteerProfile,
)
from ..services import shift_sign_up
from ..services.handover import handover_create, handover_invite, trusted_volunteer_add
from ..services.next_shift import tasks_next_shift_refresh
from ..services.vog import vog_check_record
from .history import seed_history, seed_off_shift_hours
from .tasks import ORGANISATION, SEEN_VOG, TASKS

__all__ = ["TASKS", "VolunteerProfile", "seed"]

VOLUNTEER_EMAIL = "vrijwilliger@example.org"
ORGANISATION_MEMBER_EMAIL = "welzijn@example.org"

SKILLS = [
    "Koken",
    "Autorijden",
    "Tuinieren",
    "Klussen",
    "Taalcoaching",
    "Administratie",
    "Computerhulp",
    "Muziek maken",
    "Sport en spel begeleiden",
    "Gezelschap bieden",
    "Fotografie",
    "EHBO",
]
# name, professional only, explanation
KINDS = [
    ("Ontmoeting en activiteiten", False, ""),
    ("Groen en buitenruimte", False, ""),
    ("Vervoer en boodschappen", False, ""),
    ("Huiswerk- en taalhulp", False, ""),
    ("Klussen in en om huis", False, ""),
    (
        "Persoonlijke verzorging",
        True,
        "Wassen, aankleden en medicijnen geven is werk voor de thuiszorg of de "
        "wijkverpleging. Het gebiedsteam helpt bewoners daarbij.",
    ),
    (
        "Schuldhulpverlening",
        True,
        "Schuldhulp vraagt een professional met een vergunning. Vrijwilligers kunnen wel "
        "helpen met de administratie op orde houden; gebruik daarvoor 'Klussen' of "
        "'Ontmoeting'. Verwijs voor schulden naar het gebiedsteam.",
    ),
]


def _skills() -> dict[str, Skill]:
    return {
        name: Skill.objects.update_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in SKILLS
    }


def _kinds() -> dict[str, TaskKind]:
    return {
        name: TaskKind.objects.update_or_create(
            slug=slugify(name),
            defaults={"name": name, "professional_only": only, "explanation": why},
        )[0]
        for name, only, why in KINDS
    }


def _neighbourhood(name: str) -> Neighbourhood | None:
    return Neighbourhood.objects.filter(Q(name=name)).order_by("-level").first()


def _next(weekday: int, hour: int) -> dt.datetime:
    today = timezone.localdate()
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _task(spec, kinds, skills) -> Task | None:
    title, kind, theme, owner, place, wanted, vog, weekday, hour, hours, places, weeks = spec
    neighbourhood = _neighbourhood(place)
    initiative = Initiative.objects.filter(title=owner).first()
    organisation = Organisation.objects.filter(name=owner).first()
    if neighbourhood is None or (initiative is None and organisation is None):
        return None
    task = Task.objects.filter(title=title).first()
    if task is None:
        task = Task.objects.create(
            title=title,
            description=(
                f"{title}: samen met buren, in je eigen tempo. Je krijgt uitleg van de "
                "organisatoren; ervaring is niet nodig. Meld je aan voor een of meer diensten."
            ),
            kind=kinds[kind],
            theme=theme,
            neighbourhood=neighbourhood,
            latitude=neighbourhood.latitude,
            longitude=neighbourhood.longitude,
            requires_vog=vog is not None,
            requires_seen_vog=vog == SEEN_VOG,
            is_recurring=weeks > 1,
            initiative=initiative,
            organisation=organisation,
            created_by=(initiative.organisers if initiative else organisation.members).first(),
            status=Task.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        task.skills.set([skills[name] for name in wanted])
    if not task.shifts.filter(starts_at__gt=timezone.now()).exists():
        first = _next(weekday, hour)
        Shift.objects.bulk_create(
            Shift(
                task=task,
                starts_at=first + dt.timedelta(weeks=week),
                ends_at=first + dt.timedelta(weeks=week, hours=hours),
                places=places,
            )
            for week in range(weeks)
        )
        tasks_next_shift_refresh(task_ids=[task.pk])
    return task


def _volunteer(
    email: str, name: str, skills: list[Skill], place: str, vog: bool
) -> VolunteerProfile:
    return _profile(demo_user(email, display_name=name), skills, place, vog)


def _profile(user, skills: list[Skill], place: str, vog: bool) -> VolunteerProfile:
    neighbourhood = _neighbourhood(place)
    if neighbourhood and user.home_neighbourhood_id is None:
        user.home_neighbourhood = neighbourhood
        user.save(update_fields=["home_neighbourhood"])
    evenings_and_saturday = sum(Availability.bit(day, Availability.EVENING) for day in range(5))
    evenings_and_saturday |= Availability.bit(5, Availability.MORNING)
    profile, _created = VolunteerProfile.objects.update_or_create(
        user=user,
        defaults={
            "interests": [Theme.GREEN, Theme.MEETING, Theme.ELDERLY],
            "availability": evenings_and_saturday | Availability.bit(1, Availability.MORNING),
            "languages": ["nl", "en"],
            "vog_date": timezone.localdate() - dt.timedelta(days=200) if vog else None,
            "max_hours_per_month": 12,
            "is_findable": True,
        },
    )
    profile.skills.set(skills)
    if neighbourhood:
        profile.neighbourhoods.set([neighbourhood])
    return profile


def _organisation_member() -> tuple[Organisation | None, object]:
    """A member of the approved demo organisation: posts its task and records VOGs."""
    organisation = Organisation.objects.filter(name=ORGANISATION, is_approved=True).first()
    if organisation is None:
        return None, None
    member = demo_user(ORGANISATION_MEMBER_EMAIL, display_name="Wendy (Welzijn Assen)")
    organisation.members.add(member)
    return organisation, member


def _vog_seen(organisation: Organisation | None, member, volunteer, tasks: list[Task]) -> bool:
    """The organisation saw the demo volunteer's VOG (once: a valid check stays), and the
    volunteer signs up for the organisation's task that asks for it."""
    if organisation is None:
        return False
    today = timezone.localdate()
    valid = VogCheck.objects.valid_on(today).filter(volunteer=volunteer, organisation=organisation)
    if valid.exists():
        return False
    vog_check_record(
        by=member,
        volunteer=volunteer,
        organisation=organisation,
        issued_on=today - dt.timedelta(days=200),
    )
    for task in tasks:
        if task.requires_seen_vog and task.organisation_id == organisation.pk:
            shift = task.shifts.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
            try:
                shift_sign_up(shift=shift, volunteer=volunteer)
            except ServiceError:
                continue
    return True


def _past_hours(tasks: list[Task], people: list) -> None:
    """Three past shifts of the first task, attended, with hours the organiser confirmed:
    what "my hours", the certificate and the municipal reports show."""
    if not tasks or tasks[0].shifts.filter(starts_at__lt=timezone.now()).exists():
        return
    task = tasks[0]
    for weeks_ago in (2, 4, 6):
        start = _next(5, 10) - dt.timedelta(weeks=weeks_ago + 1)
        shift = Shift.objects.create(
            task=task, starts_at=start, ends_at=start + dt.timedelta(hours=3), places=4
        )
        SignUp.objects.bulk_create(
            SignUp(
                shift=shift,
                volunteer=person,
                status=SignUp.Status.CONFIRMED,
                attended=True,
                hours=Decimal("3.00"),
                hours_status=SignUp.Hours.CONFIRMED,
            )
            for person in people[:3]
        )


def _handover(volunteer, kinds: dict[str, TaskKind]) -> bool:
    """The area team hands the demo request for company to a volunteer: an anonymised,
    private task; the demo volunteer is trusted by the team and invited."""
    request = (
        HelpRequest.objects.filter(
            kind=HelpKind.COMPANY,
            status=HelpStatus.IN_TRIAGE,
            consent_share_anonymised=True,
            team__isnull=False,
            anonymised_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    if request is None or request.volunteer_handovers.exists():
        return False
    membership = request.team.memberships.select_related("user").order_by("pk").first()
    if membership is None:
        return False
    start = _next(2, 14)
    handover = handover_create(
        help_request=request,
        by=membership.user,
        kind=kinds["Ontmoeting en activiteiten"],
        title="Wandelmaatje gezocht",
        description=(
            "Een buurtbewoner zoekt iemand om eens per week een uur mee te wandelen en "
            "een praatje te maken. Rustig tempo; een vaste dag is fijn."
        ),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
    )
    trusted_volunteer_add(team=request.team, by=membership.user, email=volunteer.email)
    handover_invite(handover=handover, by=membership.user, volunteer_id=volunteer.pk)
    return True


def seed(*, out) -> list[DemoAccount]:
    skills = _skills()
    kinds = _kinds()
    organisation, member = _organisation_member()
    tasks = [task for spec in TASKS if (task := _task(spec, kinds, skills))]
    volunteer = _volunteer(
        VOLUNTEER_EMAIL,
        "Joost (vrijwilliger)",
        [skills["Tuinieren"], skills["Autorijden"], skills["Koken"]],
        "Brinkkwartier",
        vog=True,
    )
    seen = _vog_seen(organisation, member, volunteer.user, tasks)
    # Fictional neighbours who already signed up: the Noorderpark shift is full, so the
    # demo shows the waiting list.
    neighbours = [
        _volunteer(
            f"vrijwilliger{n}@example.org",
            name,
            [skills["Tuinieren"]],
            "Componistenbuurt Oost",
            vog=False,
        ).user
        for n, name in enumerate(["Fatima (buur)", "Henk (buur)", "Iris (buur)"], start=1)
    ]
    signed = 0
    for task in tasks:
        shift = task.shifts.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
        for person in neighbours:
            try:
                shift_sign_up(shift=shift, volunteer=person, join_waitlist=True)
                signed += 1
            except ServiceError:
                continue  # signed up on an earlier run, or the task asks for a VOG
    _past_hours(tasks, [volunteer.user, *neighbours])
    # Fictional residents (no login) who volunteer too, and a season of past shifts.
    places = ["Asserbos", "Luchiesland Noord", "Pittelo Noord", "De Hullen"]
    helpers = [
        _profile(person, [skills["Klussen"], skills["Koken"]], place, vog=False).user
        for person, place in zip(demo_neighbours()[1:5], places, strict=True)
    ]
    history = seed_history(tasks, volunteer.user, [*neighbours, *helpers])
    off_shift = seed_off_shift_hours(volunteer.user, neighbours)
    handed = _handover(volunteer.user, kinds)
    run = match()  # what the nightly job does, so "Suggested for you" is filled at once
    out.write(
        f"Volunteering: {len(skills)} skills, {len(kinds)} kinds of task, {len(tasks)} tasks, "
        f"{signed} new sign-ups, past shifts for {history} tasks, "
        f"{off_shift} entries of hours outside shifts, "
        f"suggestions for {run.volunteers} volunteers"
        f"{', a help request handed to a volunteer' if handed else ''}"
        f"{', a VOG seen by an organisation' if seen else ''}."
    )
    accounts = [DemoAccount(role="volunteer (vrijwilliger)", email=volunteer.user.email)]
    if member is not None:
        accounts.append(DemoAccount(role="organisation member (organisatie)", email=member.email))
    return accounts
