"""Synthetic residents and help requests for ``manage.py seed_scale`` (benchmarks only).

At factor 1 (Assen, about 68,000 residents): 1,000 resident accounts that the other
scale modules use to support initiatives and book rooms, and 1,200 help requests over
last year and this year (about 600 a year). At factor 10: 10,000 accounts and 12,000
help requests. Deterministic (a seeded random generator) and written with
bulk_create. The accounts use ``@schaal-buurt.example`` addresses and cannot log in;
the help requests hold no real person's data.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from .models import HelpKind, HelpRequest, HelpStatus, Neighbourhood

EMAIL_DOMAIN = "schaal-buurt.example"
RESIDENTS_PER_FACTOR = 1000
HELP_REQUESTS_PER_FACTOR = 1200
CONTACTED = [HelpStatus.RESOLVED, HelpStatus.CLOSED_NOT_NEEDED, HelpStatus.IN_TRIAGE]
CONTACTED += [HelpStatus.HANDED_TO_VOLUNTEER, HelpStatus.LIGHT_INTERVENTION]
CONTACTED += [HelpStatus.REFERRED]


def scale_buurten(out) -> list[Neighbourhood]:
    """Assen's buurten, imported first if the database has none."""
    buurten = list(Neighbourhood.objects.filter(level=Neighbourhood.Level.BUURT).order_by("code"))
    if not buurten:
        from .demo import BOUNDARY_FILES
        from .services import neighbourhood_import

        result = neighbourhood_import(paths=BOUNDARY_FILES)
        out.write(f"Neighbourhoods imported: {result.created} created.")
        buurten = list(
            Neighbourhood.objects.filter(level=Neighbourhood.Level.BUURT).order_by("code")
        )
    return buurten


def scale_residents() -> list[int]:
    """Ids of the synthetic resident accounts, in a stable order."""
    return list(
        get_user_model()
        .objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def reset(*, out) -> None:
    users = get_user_model().objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
    HelpRequest.objects.filter(requester__in=users).delete()
    deleted, _by_model = users.delete()
    out.write(f"Synthetic residents and help requests removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    User = get_user_model()
    if User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        out.write("Synthetic residents already exist; use --reset to generate them again.")
        return
    rng = random.Random(20260201)
    buurten = scale_buurten(out)
    password = make_password(None)
    count = max(1, round(RESIDENTS_PER_FACTOR * factor))
    User.objects.bulk_create(
        (
            User(
                email=f"bewoner-{n:06d}@{EMAIL_DOMAIN}",
                display_name=f"Bewoner {n}",
                password=password,
            )
            for n in range(count)
        ),
        batch_size=2000,
    )
    residents = scale_residents()
    now = timezone.now()
    first = timezone.make_aware(dt.datetime(timezone.localdate().year - 1, 1, 1))
    span = (now - first).total_seconds()
    requests = []
    for _n in range(max(1, round(HELP_REQUESTS_PER_FACTOR * factor))):
        created = first + dt.timedelta(seconds=rng.random() * span)
        due = created + dt.timedelta(days=3)
        contacted = rng.random() < 0.85 and created < now - dt.timedelta(hours=2)
        contact = created + dt.timedelta(hours=rng.uniform(0.5, 96)) if contacted else None
        if contact is not None and contact > now:
            contact = None
        requests.append(
            HelpRequest(
                requester_id=rng.choice(residents),
                kind=rng.choice(HelpKind.values),
                description="Synthetische hulpvraag voor de benchmark.",
                neighbourhood=rng.choice(buurten),
                status=rng.choice(CONTACTED) if contact else HelpStatus.NEW,
                created_at=created,
                due_at=due,
                first_contact_at=contact,
            )
        )
    HelpRequest.objects.bulk_create(requests, batch_size=2000)
    out.write(f"Synthetic residents: {len(residents)} accounts, {len(requests)} help requests.")
