"""Synthetic volunteers and open tasks for ``manage.py seed_scale`` (benchmarks only).

At factor 1 about 700 volunteers and 300 open tasks (Assen's size, with a generous
share of residents volunteering); at factor 10 about 7,000 and 3,000. Everything is
written with bulk_create and drawn from a seeded random generator, so two runs at the
same factor give the same data. Synthetic accounts use ``@schaal.example`` addresses
and cannot log in; their tasks belong to organisations whose slug starts ``schaal-``.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from initiatives.models import Theme
from neighbourhoods.models import Neighbourhood, Organisation

from .models import Availability, Shift, Skill, Task, TaskKind, VogCheck, VolunteerProfile
from .services.next_shift import next_shift_refresh_deferred, tasks_next_shift_refresh

VOLUNTEERS_PER_FACTOR = 700
TASKS_PER_FACTOR = 300
ORGANISATIONS = 20
EMAIL_DOMAIN = "schaal.example"
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
    "Fietsen repareren",
    "Voorlezen",
    "Huiswerkbegeleiding",
    "Schilderen",
    "Naaien",
    "Boodschappen doen",
    "Social media",
    "Evenementen organiseren",
]
KIND = "Schaaltest"
TITLES = ["Hulp bij", "Vrijwilliger voor", "Handen nodig bij", "Meedoen met"]
ACTIVITIES = [
    "de buurtmoestuin",
    "het koffie-uurtje",
    "de voedselbank",
    "de speeltuin",
    "het taalcafé",
    "de repair café",
    "de seniorenmiddag",
    "het buurtfeest",
    "de zwerfvuilactie",
    "de huiswerkklas",
]


def _neighbourhoods(out) -> list[Neighbourhood]:
    buurten = list(Neighbourhood.objects.filter(level=Neighbourhood.Level.BUURT).order_by("code"))
    if not buurten:
        from neighbourhoods.demo import BOUNDARY_FILES
        from neighbourhoods.services import neighbourhood_import

        result = neighbourhood_import(paths=BOUNDARY_FILES)
        out.write(f"Neighbourhoods imported: {result.created} created.")
        buurten = list(
            Neighbourhood.objects.filter(level=Neighbourhood.Level.BUURT).order_by("code")
        )
    return [b for b in buurten if b.latitude is not None] or buurten


def reset(*, out) -> None:
    tasks = Task.objects.filter(organisation__slug__startswith="schaal-")
    with next_shift_refresh_deferred():  # one refresh, not one per shift
        Shift.objects.filter(task__in=tasks).delete()
        tasks.delete()
    Organisation.objects.filter(slug__startswith="schaal-").delete()
    users = get_user_model().objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
    VolunteerProfile.objects.filter(user__in=users).delete()
    deleted, _by_model = users.delete()
    out.write(f"Synthetic volunteering data removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    User = get_user_model()
    if User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        out.write("Synthetic volunteers already exist; use --reset to generate them again.")
        return
    rng = random.Random(20260101)
    buurten = _neighbourhoods(out)
    skills = [
        Skill.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in SKILLS
    ]
    kind = TaskKind.objects.get_or_create(slug=slugify(KIND), defaults={"name": KIND})[0]
    n_volunteers = max(1, round(VOLUNTEERS_PER_FACTOR * factor))
    n_tasks = max(1, round(TASKS_PER_FACTOR * factor))
    _seed_volunteers(rng, n_volunteers, buurten, skills)
    _seed_tasks(rng, n_tasks, buurten, skills, kind)
    _seed_vog_checks()
    out.write(f"Synthetic volunteering: {n_volunteers} volunteers, {n_tasks} open tasks.")


def _seed_volunteers(rng, count, buurten, skills) -> None:
    User = get_user_model()
    today = timezone.localdate()
    users = User.objects.bulk_create(
        [
            User(
                email=f"vrijwilliger-{n:06d}@{EMAIL_DOMAIN}",
                display_name=f"Vrijwilliger {n}",
                password=make_password(None),
                home_neighbourhood=rng.choice(buurten) if rng.random() < 0.9 else None,
            )
            for n in range(count)
        ],
        batch_size=2000,
    )
    themes = list(Theme.values)
    profiles = []
    for user in users:
        has_vog = rng.random() < 0.25
        profiles.append(
            VolunteerProfile(
                user=user,
                tags=[rng.choice(SKILLS).lower()] if rng.random() < 0.2 else [],
                interests=rng.sample(themes, rng.randint(0, 3)),
                max_distance_km=rng.choice([2, 3, 5, 10]) if rng.random() < 0.3 else None,
                availability=sum(
                    Availability.bit(day, part)
                    for day, part in {(rng.randrange(7), rng.randrange(3)) for _ in range(6)}
                ),
                vog_date=today - dt.timedelta(days=rng.randrange(900)) if has_vog else None,
                birth_date=(
                    today - dt.timedelta(days=rng.randrange(16 * 365, 85 * 365))
                    if rng.random() < 0.8
                    else None
                ),
                is_findable=rng.random() < 0.6,
            )
        )
    profiles = VolunteerProfile.objects.bulk_create(profiles, batch_size=2000)
    SkillLink = VolunteerProfile.skills.through
    PlaceLink = VolunteerProfile.neighbourhoods.through
    SkillLink.objects.bulk_create(
        [
            SkillLink(volunteerprofile_id=profile.pk, skill_id=skill.pk)
            for profile in profiles
            for skill in rng.sample(skills, rng.randint(0, 4))
        ],
        batch_size=5000,
    )
    PlaceLink.objects.bulk_create(
        [
            PlaceLink(volunteerprofile_id=profile.pk, neighbourhood_id=place.pk)
            for profile in profiles
            for place in rng.sample(buurten, min(len(buurten), rng.choice([0, 0, 1, 1, 2])))
        ],
        batch_size=5000,
    )


def _seed_tasks(rng, count, buurten, skills, kind) -> None:
    organisations = []
    for n in range(ORGANISATIONS):
        organisations.append(
            Organisation.objects.get_or_create(
                slug=f"schaal-{n}",
                defaults={"name": f"Schaalorganisatie {n}", "is_approved": True},
            )[0]
        )
    now = timezone.now()
    themes = list(Theme.values)
    tasks = []
    for n in range(count):
        place = rng.choice(buurten)
        located = rng.random() < 0.5 and place.latitude is not None
        tasks.append(
            Task(
                title=f"{rng.choice(TITLES)} {rng.choice(ACTIVITIES)} ({n})",
                description="Synthetische taak voor de benchmark.",
                kind=kind,
                theme=rng.choice(themes),
                neighbourhood=place,
                latitude=place.latitude + rng.uniform(-0.004, 0.004) if located else None,
                longitude=place.longitude + rng.uniform(-0.006, 0.006) if located else None,
                requires_vog=(vog := rng.random()) < 0.15,
                requires_seen_vog=vog < 0.05,
                min_age=rng.choice([16, 18, 21]) if rng.random() < 0.2 else None,
                organisation=rng.choice(organisations),
                status=Task.Status.PUBLISHED,
                published_at=now,
            )
        )
    tasks = Task.objects.bulk_create(tasks, batch_size=2000)
    Link = Task.skills.through
    Link.objects.bulk_create(
        [
            Link(task_id=task.pk, skill_id=skill.pk)
            for task in tasks
            for skill in rng.sample(skills, rng.randint(0, 3))
        ],
        batch_size=5000,
    )
    today = timezone.localdate()
    shifts = []
    for task in tasks:
        for _n in range(rng.randint(1, 4)):
            day = today + dt.timedelta(days=rng.randint(1, 42))
            start = timezone.make_aware(
                dt.datetime.combine(day, dt.time(rng.choice([9, 10, 14, 19])))
            )
            shifts.append(
                Shift(
                    task=task,
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=rng.choice([2, 3, 4])),
                    places=rng.randint(1, 10),
                )
            )
    Shift.objects.bulk_create(shifts, batch_size=5000)
    tasks_next_shift_refresh(task_ids=[task.pk for task in tasks])


def _seed_vog_checks() -> None:
    """A VOG seen by an organisation for about one volunteer in ten (its own generator,
    so the data drawn before stays the same)."""
    rng = random.Random(20260102)
    organisations = list(Organisation.objects.filter(slug__startswith="schaal-").order_by("pk"))
    today = timezone.localdate()
    volunteers = get_user_model().objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
    VogCheck.objects.bulk_create(
        [
            VogCheck(
                volunteer_id=pk,
                organisation=rng.choice(organisations),
                issued_on=today - dt.timedelta(days=rng.randrange(900)),
            )
            for pk in volunteers.order_by("pk").values_list("pk", flat=True)
            if rng.random() < 0.1
        ],
        batch_size=5000,
    )
