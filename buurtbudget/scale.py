"""Synthetic buurtbudget for ``manage.py seed_scale`` (benchmarks only).

Per factor: one round over every wijk, in its voting phase, with 200 feasible
proposals and a verified voter for each synthetic resident (of
``neighbourhoods.scale``), of whom half cast a vote for three projects of their wijk.
Deterministic (a seeded random generator), written with bulk_create; the round's
money is committed on a synthetic budget line, as the service does.
"""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from initiatives.models import BudgetAllocation, BudgetLine
from neighbourhoods.models import Neighbourhood
from neighbourhoods.scale import scale_buurten, scale_residents

from .models import LetterCode, Proposal, Round, Vote, Voter

PROPOSALS_PER_FACTOR = 200
NAME = "Schaal: buurtbudget"
LINE_CODE = "schaal-buurtbudget"


def _synthetic():
    return Round.objects.filter(name__startswith=NAME)


def reset(*, out) -> None:
    rounds = list(_synthetic())
    allocations = [r.allocation_id for r in rounds if r.allocation_id]
    deleted, _by_model = _synthetic().delete()
    BudgetAllocation.objects.filter(pk__in=allocations).delete()
    BudgetLine.objects.filter(code=LINE_CODE).delete()
    out.write(f"Synthetic buurtbudget removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    if _synthetic().exists():
        out.write("Synthetic buurtbudget already exists; use --reset to make it again.")
        return
    residents = scale_residents()
    if not residents:
        out.write("No synthetic residents; buurtbudget skipped.")
        return
    rng = random.Random(20261204)
    buurten = [b for b in scale_buurten(out) if b.wijk_id]
    wijken = list(Neighbourhood.objects.filter(pk__in={b.wijk_id for b in buurten}))
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    amount = Decimal("50000.00") * max(1, round(factor))
    line = BudgetLine.objects.create(
        year=today.year, code=LINE_CODE, name="Schaal: buurtbudget", amount=amount
    )
    allocation = BudgetAllocation.objects.create(
        budget_line=line,
        description=NAME,
        recipient="Schaal",
        amount=amount,
        kind=BudgetAllocation.Kind.COMMITMENT,
        date=today,
    )
    budget_round = Round.objects.create(
        name=NAME,
        amount=amount,
        budget_line=line,
        allocation=allocation,
        proposals_from=today - 60 * day,
        proposals_until=today - 30 * day,
        voting_from=today - 5 * day,
        voting_until=today + 20 * day,
        results_on=today + 22 * day,
        rule=Round.Rule.KNAPSACK,
    )
    budget_round.wijken.set(wijken)
    proposals = []
    for number in range(max(1, round(PROPOSALS_PER_FACTOR * factor))):
        buurt = rng.choice(buurten)
        cost = Decimal(rng.randrange(500, 15000))
        proposals.append(
            Proposal(
                round=budget_round,
                title=f"Plan {number + 1}",
                description="Synthetisch plan voor de wijk.",
                estimated_cost=cost,
                final_cost=cost,
                status=Proposal.Status.FEASIBLE,
                neighbourhood=buurt,
                wijk_id=buurt.wijk_id,
            )
        )
    proposals = Proposal.objects.bulk_create(proposals, batch_size=2000)
    by_wijk: dict[int, list[Proposal]] = {}
    for proposal in proposals:
        by_wijk.setdefault(proposal.wijk_id, []).append(proposal)
    codes, voters = [], []
    for user_id in residents:
        buurt = rng.choice([b for b in buurten if b.wijk_id in by_wijk])
        codes.append(LetterCode(round=budget_round, buurt=buurt, digest=f"{user_id:064x}"))
    codes = LetterCode.objects.bulk_create(codes, batch_size=5000)
    for user_id, code in zip(residents, codes, strict=True):
        code.used_at = timezone.now()
        voters.append(
            Voter(
                round=budget_round,
                user_id=user_id,
                code=code,
                buurt=code.buurt,
                wijk_id=code.buurt.wijk_id,
            )
        )
    LetterCode.objects.bulk_update(codes, ["used_at"], batch_size=5000)
    voters = Voter.objects.bulk_create(voters, batch_size=5000)
    votes = Vote.objects.bulk_create(
        [Vote(round=budget_round, voter=v, wijk_id=v.wijk_id) for v in voters[::2]],
        batch_size=5000,
    )
    through = Vote.proposals.through
    choices = [
        through(vote_id=vote.pk, proposal_id=p.pk)
        for vote in votes
        for p in rng.sample(by_wijk[vote.wijk_id], min(3, len(by_wijk[vote.wijk_id])))
    ]
    through.objects.bulk_create(choices, batch_size=5000)
    out.write(
        f"Synthetic buurtbudget: {len(proposals)} proposals, {len(voters)} voters, "
        f"{len(votes)} votes."
    )
