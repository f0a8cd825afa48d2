"""Volunteering history for ``manage.py seed_scale``, so the reports have hours to count.

``volunteers.scale`` makes volunteers and open tasks with future shifts; the dashboard
counts what happened. This adds, for each synthetic task, a shift about every two
months over last year and this year until today, each with 1 to 4 confirmed
volunteers (85 % of them with confirmed or corrected hours, the rest only logged) and
now and then someone on the waiting list or cancelled. At factor 10 (3,000 tasks)
that is about 36,000 past shifts and 90,000 sign-ups. It runs last (reports is the
last app) and reads the synthetic tasks and volunteers; deterministic, bulk_create.
"""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from volunteers.models import Shift, SignUp, Task

TASKS = {"organisation__slug__startswith": "schaal-"}
VOLUNTEER_DOMAIN = "schaal.example"
SHIFTS_PER_TASK = 12


def _history():
    return Shift.objects.filter(
        task__in=Task.objects.filter(**TASKS), starts_at__lt=timezone.now()
    )


def reset(*, out) -> None:
    deleted, _by_model = _history().delete()
    out.write(f"Synthetic volunteering history removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    tasks = list(Task.objects.filter(**TASKS).order_by("pk").values_list("pk", flat=True))
    volunteers = list(
        get_user_model()
        .objects.filter(email__endswith=f"@{VOLUNTEER_DOMAIN}")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not tasks or len(volunteers) < 4:
        out.write("No synthetic tasks or volunteers (volunteers.scale); history skipped.")
        return
    if _history().exists():
        out.write("Synthetic volunteering history already exists.")
        return
    rng = random.Random(20260501)
    now = timezone.now()
    first = timezone.make_aware(dt.datetime(timezone.localdate().year - 1, 1, 1))
    span = (now - dt.timedelta(days=1) - first).total_seconds()
    shifts = []
    for task in tasks:
        for _n in range(SHIFTS_PER_TASK):
            start = first + dt.timedelta(seconds=rng.random() * span)
            start = start.replace(minute=0, second=0, microsecond=0)
            shifts.append(
                Shift(
                    task_id=task,
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=rng.choice([2, 3, 4])),
                    places=4,
                )
            )
    shifts = Shift.objects.bulk_create(shifts, batch_size=5000)
    signups = []
    for shift in shifts:
        length = Decimal((shift.ends_at - shift.starts_at).total_seconds() / 3600)
        people = rng.sample(volunteers, rng.randint(1, 4) + 1)
        for volunteer in people[:-1]:
            roll = rng.random()
            signups.append(
                SignUp(
                    shift=shift,
                    volunteer_id=volunteer,
                    status=SignUp.Status.CONFIRMED,
                    attended=True,
                    hours=length if roll < 0.8 else length - Decimal("0.5"),
                    hours_status=(
                        SignUp.Hours.CONFIRMED
                        if roll < 0.8
                        else SignUp.Hours.CORRECTED
                        if roll < 0.85
                        else SignUp.Hours.LOGGED
                    ),
                )
            )
        if rng.random() < 0.15:
            signups.append(
                SignUp(
                    shift=shift,
                    volunteer_id=people[-1],
                    status=rng.choice([SignUp.Status.WAITLISTED, SignUp.Status.CANCELLED]),
                )
            )
    SignUp.objects.bulk_create(signups, batch_size=5000)
    out.write(f"Synthetic volunteering history: {len(shifts)} shifts, {len(signups)} sign-ups.")
