"""Synthetic initiatives, support and grants for ``manage.py seed_scale`` (benchmarks only).

At factor 1 (Assen): 150 initiatives over the last three years, about 1,500 support
rows (ten per initiative on average) and about 30 grant requests; at factor 10 about
1,500 initiatives, 15,000 supports and 300 grant requests. The awarded grants go to a
synthetic budget line per year (code ``schaal-stimuleringsbudget``) that is large enough
for them, with a few allocations; the real lines are left alone. Organisers and
supporters are the synthetic residents of ``neighbourhoods.scale``. Deterministic,
bulk_create only; every synthetic initiative's title starts with ``[schaal]``.
"""

import contextlib
import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from neighbourhoods.scale import scale_buurten, scale_residents

from .models import (
    BudgetAllocation,
    BudgetLine,
    GrantRequest,
    Initiative,
    Organiser,
    Status,
    Support,
    Theme,
)

PREFIX = "[schaal]"
INITIATIVES_PER_FACTOR = 150
SUPPORTS_PER_INITIATIVE = 10
GRANT_SHARE = 0.2
LINE_CODE = "schaal-stimuleringsbudget"
# Most initiatives run or have run; a few wait, were declined or stopped.
STATUS_WEIGHTS = {
    Status.PUBLISHED: 40,
    Status.COMPLETED: 25,
    Status.SUBMITTED: 6,
    Status.IN_REVIEW: 5,
    Status.DRAFT: 10,
    Status.CHANGES_REQUESTED: 3,
    Status.DECLINED: 6,
    Status.STOPPED: 5,
}
GRANT_OUTCOMES = ["paid", "awarded", "declined", "requested"]
WORDS = ["Moestuin", "Buurtkamer", "Speeltuin", "Repair café", "Taalcafé", "Buurtfeest"]


@contextlib.contextmanager
def _keep_dates(*models):
    """Let bulk_create store the ``created_at`` we set instead of now."""
    fields = [model._meta.get_field("created_at") for model in models]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def reset(*, out) -> None:
    initiatives = Initiative.objects.filter(title__startswith=PREFIX)
    GrantRequest.objects.filter(initiative__in=initiatives).delete()
    BudgetAllocation.objects.filter(budget_line__code=LINE_CODE).delete()
    BudgetLine.objects.filter(code=LINE_CODE).delete()
    deleted, _by_model = initiatives.delete()
    out.write(f"Synthetic initiatives removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    if Initiative.objects.filter(title__startswith=PREFIX).exists():
        out.write("Synthetic initiatives already exist; use --reset to generate them again.")
        return
    rng = random.Random(20260301)
    buurten = scale_buurten(out)
    residents = scale_residents()
    if not residents:
        out.write("No synthetic residents (neighbourhoods.scale); initiatives skipped.")
        return
    now = timezone.now()
    first = timezone.make_aware(dt.datetime(timezone.localdate().year - 2, 1, 1))
    span = (now - first).total_seconds()
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    initiatives = []
    for n in range(max(1, round(INITIATIVES_PER_FACTOR * factor))):
        created = first + dt.timedelta(seconds=rng.random() * span)
        status = rng.choices(statuses, weights)[0]
        public = status in (Status.PUBLISHED, Status.COMPLETED, Status.STOPPED)
        initiatives.append(
            Initiative(
                title=f"{PREFIX} {rng.choice(WORDS)} {n}",
                summary="Een synthetisch initiatief voor de benchmark.",
                description="Synthetisch.",
                theme=rng.choice(Theme.values),
                neighbourhood=rng.choice(buurten),
                start_date=created.date(),
                status=status,
                created_at=created,
                submitted_at=None if status == Status.DRAFT else created,
                published_at=created + dt.timedelta(days=7) if public else None,
            )
        )
    with _keep_dates(Initiative, Support):
        initiatives = Initiative.objects.bulk_create(initiatives, batch_size=2000)
        Organiser.objects.bulk_create(
            (Organiser(initiative=i, user_id=rng.choice(residents)) for i in initiatives),
            batch_size=2000,
        )
        supports = []
        for initiative in initiatives:
            if initiative.published_at is None:
                continue
            count = min(len(residents), rng.randint(0, 2 * SUPPORTS_PER_INITIATIVE * 10 // 7))
            for user in rng.sample(residents, count):
                when = initiative.published_at + dt.timedelta(days=rng.uniform(0, 120))
                supports.append(
                    Support(initiative=initiative, user_id=user, created_at=min(when, now))
                )
        Support.objects.bulk_create(supports, batch_size=5000)
    grants = _seed_grants(rng, initiatives, residents)
    out.write(
        f"Synthetic initiatives: {len(initiatives)} initiatives, {len(supports)} supports, "
        f"{grants} grant requests."
    )


def _seed_grants(rng, initiatives, residents) -> int:
    grants, awarded_per_year = [], {}
    asking = [i for i in initiatives if i.status != Status.DRAFT]
    for initiative in rng.sample(asking, round(len(asking) * GRANT_SHARE)):
        requested = Decimal(rng.randrange(100, 5000))
        year = initiative.created_at.year
        status = rng.choices(GRANT_OUTCOMES, [45, 25, 15, 15])[0]
        awarded = requested if status in ("awarded", "paid") else None
        if awarded:
            awarded_per_year[year] = awarded_per_year.get(year, Decimal(0)) + awarded
        grants.append(
            GrantRequest(
                initiative=initiative,
                requested_by_id=rng.choice(residents),
                status=status,
                amount_requested=requested,
                amount_awarded=awarded,
                decided_at=None if status == "requested" else initiative.created_at,
                paid_at=initiative.created_at if status == "paid" else None,
            )
        )
    lines = {}
    for year, total in awarded_per_year.items():
        lines[year] = BudgetLine.objects.create(
            year=year,
            code=LINE_CODE,
            name="Stimuleringsbudget (synthetisch)",
            amount=(total * Decimal("1.5")).quantize(Decimal("1")),
            savings_target=(total * Decimal("0.2")).quantize(Decimal("1")),
        )
        for n, kind in enumerate(["expense", "commitment", "expense"]):
            BudgetAllocation.objects.create(
                budget_line=lines[year],
                description="Synthetische subsidie",
                recipient=f"Wijkvereniging {n}",
                amount=(total * Decimal("0.05")).quantize(Decimal("1")) + 1,
                kind=kind,
                date=dt.date(year, 1 + n, 1),
            )
    for grant in grants:
        if grant.amount_awarded:
            grant.budget_line = lines[grant.initiative.created_at.year]
    GrantRequest.objects.bulk_create(grants, batch_size=2000)
    return len(grants)
