"""Demo buurtbudget: one round in its voting phase for the demo resident's wijk (or
Assen's first wijk), with feasible proposals and one that is not feasible, and the
demo resident verified with a letter code, ready to fill the ballot.

The round is opened, proposed and reviewed through the services while its proposal
phase runs, then its dates are moved back so that voting runs now (the phase follows
the dates). Idempotent: the round is found by its name and left alone.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from initiatives.models import BudgetLine
from mijnbuurt.accounts.demo import (
    RESIDENT_EMAIL,
    STAFF_EMAIL,
    STAFF_TOTP_SECRET,
    demo_user,
)
from mijnbuurt.accounts.models import User
from mijnbuurt.core.demo import DemoAccount
from neighbourhoods.models import Neighbourhood

from .eligibility import letter_codes_generate, verify
from .models import Round
from .services import proposal_review, proposal_submit, round_create

NAME = "Buurtbudget {wijk} (demo)"
LINE_CODE = "buurtbudget"
# (title, description, estimated cost, final cost or None for "not feasible")
PROPOSALS = [
    (
        "Speeltuin opknappen",
        "Nieuwe schommels en een zandbak met afdak bij het grasveld.",
        "12000.00",
        "12500.00",
    ),
    (
        "Bankjes langs het wandelpad",
        "Zes bankjes, zodat ouderen onderweg kunnen uitrusten.",
        "4800.00",
        "4800.00",
    ),
    (
        "Moestuin voor de buurt",
        "Bakken, aarde, gereedschap en een waterton voor een gezamenlijke moestuin.",
        "3500.00",
        "3200.00",
    ),
    (
        "Jeu-de-boulesbaan",
        "Een baan bij het buurthuis, voor jong en oud.",
        "7000.00",
        "7400.00",
    ),
    (
        "Overdekte skatebaan",
        "Een overdekte skatehal voor de jongeren van de wijk.",
        "20000.00",
        None,
    ),
]
NOT_FEASIBLE = "Een overdekte hal vraagt een vergunning en kost meer dan geschat."


def _staff() -> User:
    staff = User.objects.filter(email=STAFF_EMAIL, is_staff=True).first()
    return staff or demo_user(
        STAFF_EMAIL,
        display_name="Gemeente Assen (demo)",
        is_staff=True,
        totp_secret=STAFF_TOTP_SECRET,
    )


def _line(year: int) -> BudgetLine:
    line, _created = BudgetLine.objects.get_or_create(
        year=year,
        code=LINE_CODE,
        defaults={"name": "Buurtbudget", "amount": Decimal("100000.00")},
    )
    return line


@transaction.atomic
def seed(*, out) -> list[DemoAccount]:
    resident = demo_user(RESIDENT_EMAIL, display_name="Anne (bewoner)")
    home = resident.home_neighbourhood
    wijk = (home.wijk if home and home.wijk_id else home) or (
        Neighbourhood.objects.filter(level="wijk", buurten__isnull=False).order_by("name").first()
    )
    if wijk is None:
        out.write("Buurtbudget: no wijken; skipped.")
        return []
    name = NAME.format(wijk=wijk.name)
    if Round.objects.filter(name=name).exists():
        out.write("Buurtbudget: the demo round exists.")
        return []
    staff = _staff()
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    round = round_create(
        by=staff,
        name=name,
        description="Bewoners bedenken plannen voor de wijk en kiezen samen wat er gebeurt.",
        wijken=[wijk],
        amount=Decimal("25000.00"),
        budget_line=_line(today.year),
        proposals_from=today,
        proposals_until=today,
        voting_from=today + day,
        voting_until=today + 21 * day,
        results_on=today + 23 * day,
        minimum_age=16,
        rule=Round.Rule.KNAPSACK,
        max_choices=None,
        min_choices=None,
    )
    buurten = list(wijk.buurten.order_by("name")) or [wijk]
    for number, (title, description, estimate, final) in enumerate(PROPOSALS):
        proposal = proposal_submit(
            round=round,
            author=resident,
            title=title,
            description=description,
            estimated_cost=Decimal(estimate),
            neighbourhood=buurten[number % len(buurten)],
        )
        proposal_review(
            proposal=proposal,
            by=staff,
            feasible=final is not None,
            final_cost=Decimal(final) if final else None,
            reason=NOT_FEASIBLE,
        )
    # Voting runs now: the proposal phase lies behind.
    Round.objects.filter(pk=round.pk).update(
        proposals_from=today - 42 * day, proposals_until=today - 14 * day, voting_from=today - day
    )
    round.refresh_from_db()
    buurt = home if home and home.level == "buurt" and home.wijk_id == wijk.pk else buurten[0]
    if buurt.level == "buurt":
        [code] = letter_codes_generate(round=round, buurt=buurt, count=1, by=staff)
        verify(round, resident, code)
        spare = letter_codes_generate(round=round, buurt=buurt, count=2, by=staff)
        out.write(f"Buurtbudget: letter codes to try ({buurt.name}): {', '.join(spare)}.")
    out.write(f"Buurtbudget: {name}, voting now; the demo resident is verified.")
    return []
