"""Reads of buurtbudget: rounds, proposals, a voter's ballot, the results."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from neighbourhoods.models import Neighbourhood

from .models import BallotItem, Phase, Proposal, Round, Vote, Voter


def rounds_for_list() -> QuerySet[Round]:
    return Round.objects.prefetch_related(
        Prefetch("wijken", queryset=Neighbourhood.objects.only("pk", "name", "slug"))
    ).order_by("-voting_from", "pk")


def round_for_page() -> QuerySet[Round]:
    return rounds_for_list().annotate(
        proposal_count=Count("proposals", distinct=True),
        feasible_count=Count(
            "proposals", filter=Q(proposals__status=Proposal.Status.FEASIBLE), distinct=True
        ),
    )


def proposals_of(round: Round) -> QuerySet[Proposal]:
    return (
        Proposal.objects.filter(round=round)
        .select_related("neighbourhood", "wijk")
        .order_by("wijk__name", "created_at", "pk")
    )


def proposal_for_page() -> QuerySet[Proposal]:
    return Proposal.objects.select_related("round", "neighbourhood", "wijk")


def buurten_of(round: Round) -> QuerySet[Neighbourhood]:
    return (
        Neighbourhood.objects.filter(level="buurt", wijk__in=round.wijken.all())
        .select_related("wijk")
        .order_by("name")
    )


def places_of(round: Round) -> QuerySet[Neighbourhood]:
    """Where a project of ``round`` may be: its wijken and their buurten."""
    wijken = round.wijken.all()
    return (
        Neighbourhood.objects.filter(Q(pk__in=wijken) | Q(wijk__in=wijken))
        .select_related("wijk")
        .defer("boundary", "wijk__boundary")
        .order_by("level", "name")
    )


def voter_of(*, round: Round, user) -> Voter | None:
    if not user.is_authenticated:
        return None
    return (
        Voter.objects.filter(round=round, user=user)
        .select_related("wijk", "buurt", "vote")
        .first()
    )


@dataclass
class Ballot:
    voter: Voter
    options: list[Proposal]  # the feasible projects of the voter's wijk
    chosen: list[Proposal]
    total: Decimal
    left: Decimal | None  # knapsack: what is left to spend
    choices_left: int | None  # approval: how many more may be chosen

    @property
    def chosen_ids(self) -> set[int]:
        return {p.pk for p in self.chosen}


def ballot_of(voter: Voter) -> Ballot:
    """The voter's options and basket (two queries)."""
    round = voter.round
    options = list(
        Proposal.objects.filter(
            round=round, wijk_id=voter.wijk_id, status=Proposal.Status.FEASIBLE
        )
        .select_related("neighbourhood")
        .order_by("final_cost", "pk")
    )
    chosen_ids = set(BallotItem.objects.filter(voter=voter).values_list("proposal_id", flat=True))
    chosen = [p for p in options if p.pk in chosen_ids]
    total = sum((p.cost for p in chosen), Decimal("0.00"))
    return Ballot(
        voter=voter,
        options=options,
        chosen=chosen,
        total=total,
        left=round.amount - total if round.is_knapsack else None,
        choices_left=None if round.is_knapsack else max(round.max_choices - len(chosen), 0),
    )


def vote_choices(vote: Vote) -> list[Proposal]:
    return list(vote.proposals.order_by("title", "pk"))


@dataclass
class ResultRow:
    proposal: Proposal
    votes: int
    won: bool


@dataclass
class Results:
    rows: list[ResultRow]
    votes: int
    spent: Decimal
    left: Decimal


def round_results(round: Round) -> Results:
    """Votes per feasible proposal and the winners (two queries).

    Knapsack: by votes, most first, every project that still fits the amount wins
    (one that does not fit is passed over). Approval: by votes, most first, projects
    win until the next one no longer fits ("until the money runs out"). Ties go to the
    cheaper project, then the earlier one. A project without votes does not win.
    """
    proposals = list(
        Proposal.objects.filter(round=round, status=Proposal.Status.FEASIBLE)
        .select_related("wijk")
        .annotate(vote_count=Count("votes"))
    )
    proposals.sort(key=lambda p: (-p.vote_count, p.cost, p.pk))
    left = round.amount
    rows, stopped = [], False
    for proposal in proposals:
        won = not stopped and proposal.vote_count > 0 and proposal.cost <= left
        if won:
            left -= proposal.cost
        elif not round.is_knapsack and proposal.vote_count > 0:
            stopped = True
        rows.append(ResultRow(proposal=proposal, votes=proposal.vote_count, won=won))
    return Results(
        rows=rows,
        votes=Vote.objects.filter(round=round).count(),
        spent=round.amount - left,
        left=left,
    )


def rounds_open_in(neighbourhood, *, limit: int = 5) -> list[Round]:
    """For a neighbourhood's page: rounds of its wijk that have not ended."""
    wijk_id = neighbourhood.wijk_id or neighbourhood.pk
    return list(
        Round.objects.filter(wijken=wijk_id, results_on__gte=timezone.localdate()).order_by(
            "voting_from", "pk"
        )[:limit]
    )


def round_count_per_wijk() -> dict[int, int]:
    rows = (
        Round.objects.filter(results_on__gte=timezone.localdate())
        .values("wijken")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["wijken"]: row["count"] for row in rows if row["wijken"]}


PHASES_WITH_BALLOT = (Phase.VOTING,)
