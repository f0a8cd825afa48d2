"""Synthetic activities for ``manage.py seed_scale`` (benchmarks only).

Per factor: 500 activities at an address over a year (half of it past, half to come),
organised for one synthetic organisation, with 10 registrations each by the synthetic
residents of ``neighbourhoods.scale`` (a quarter of the activities full, with a waiting
list). Deterministic (a seeded random generator), written with bulk_create.
"""

import datetime as dt
import random

from django.utils import timezone

from neighbourhoods.models import Organisation
from neighbourhoods.scale import scale_buurten, scale_residents

from .models import Activity, Registration

ACTIVITIES_PER_FACTOR = 500
REGISTRATIONS_PER_ACTIVITY = 10
SLUG = "schaal-activiteiten"


def _synthetic():
    return Activity.objects.filter(organisation__slug=SLUG)


def reset(*, out) -> None:
    deleted, _by_model = _synthetic().delete()
    Organisation.objects.filter(slug=SLUG).delete()
    out.write(f"Synthetic activities removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    if _synthetic().exists():
        out.write("Synthetic activities already exist; use --reset to make them again.")
        return
    residents = scale_residents()
    if len(residents) < REGISTRATIONS_PER_ACTIVITY:
        out.write("No synthetic residents; activities skipped.")
        return
    rng = random.Random(20261203)
    buurten = scale_buurten(out)
    organisation, _created = Organisation.objects.get_or_create(
        slug=SLUG, defaults={"name": "Schaal: activiteiten", "is_approved": True}
    )
    now = timezone.now()
    activities = []
    for _n in range(max(1, round(ACTIVITIES_PER_FACTOR * factor))):
        start = now + dt.timedelta(days=rng.uniform(-182, 182))
        start = start.replace(minute=0, second=0, microsecond=0)
        free = rng.random() < 0.8
        activities.append(
            Activity(
                title=f"Activiteit {rng.randint(1, 99999)}",
                description="Synthetische activiteit in de buurt.",
                kind=rng.choice(Activity.Kind.values),
                audience=rng.choice(Activity.Audience.values),
                start=start,
                end=start + dt.timedelta(hours=rng.choice([1, 2, 3])),
                neighbourhood=rng.choice(buurten),
                place=Activity.Place.ADDRESS,
                address="Synthetische straat 1, Assen",
                step_free=rng.random() < 0.5,
                is_free=free,
                costs="" if free else "3 euro",
                organiser_kind=Activity.OrganiserKind.ORGANISATION,
                organisation=organisation,
                registration=Activity.Registration.PLATFORM,
                capacity=rng.choice([8, 12, 20, 40]),
            )
        )
    activities = Activity.objects.bulk_create(activities, batch_size=2000)
    registrations = []
    for activity in activities:
        for number, user in enumerate(rng.sample(residents, REGISTRATIONS_PER_ACTIVITY)):
            full = number >= activity.capacity
            registrations.append(
                Registration(
                    activity=activity,
                    user_id=user,
                    status=Registration.Status.WAITING if full else Registration.Status.REGISTERED,
                    created_at=activity.start - dt.timedelta(days=rng.uniform(1, 30)),
                    code=f"S{number:05d}",  # unique within the activity
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=5000)
    out.write(
        f"Synthetic activities: {len(activities)} activities, {len(registrations)} registrations."
    )
