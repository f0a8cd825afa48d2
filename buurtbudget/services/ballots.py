"""A verified resident's ballot: the basket (kept across sessions) and the vote.

Every change locks the voter's row, so one person's basket and vote change one
request at a time; a vote is final once cast (the page says so before confirming)
and each voter casts one (the lock, and the unique voter of ``Vote`` behind it).
The rule of the round is checked as projects are chosen and again when the vote is
cast: knapsack, the chosen costs fit the amount; approval, at most N projects; and
the round's fewest projects, if it has one.
"""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from initiatives.money import euros
from mijnbuurt.core.exceptions import ServiceError

from ..models import BallotItem, Phase, Proposal, Round, Vote, Voter


def _locked_open(voter: Voter) -> Voter:
    locked = Voter.objects.select_for_update().select_related("round").get(pk=voter.pk)
    if Vote.objects.filter(voter=locked).exists():
        raise ServiceError(_("You have already voted in this round."), code="voted")
    if locked.round.phase != Phase.VOTING:
        raise ServiceError(_("Voting is not open."), code="not_voting")
    return locked


def _on_ballot(voter: Voter, proposal: Proposal) -> None:
    if (
        proposal.round_id != voter.round_id
        or proposal.status != Proposal.Status.FEASIBLE
        or proposal.wijk_id != voter.wijk_id
    ):
        raise ServiceError(_("This project is not on your ballot."), code="not_on_ballot")


def _chosen(voter: Voter) -> list[Proposal]:
    return list(Proposal.objects.filter(pk__in=voter.items.values("proposal_id")).order_by("pk"))


def _total(proposals) -> Decimal:
    return sum((p.cost for p in proposals), Decimal("0.00"))


def _check_room(round: Round, chosen: list[Proposal], proposal: Proposal) -> None:
    if round.is_knapsack:
        left = round.amount - _total(chosen)
        if proposal.cost > left:
            raise ServiceError(
                _("This project does not fit: € %(left)s is left to spend.")
                % {"left": euros(left)},
                code="does_not_fit",
            )
    elif len(chosen) >= round.max_choices:
        raise ServiceError(
            ngettext(
                "You have already chosen %(count)s project, the most for this round.",
                "You have already chosen %(count)s projects, the most for this round.",
                round.max_choices,
            )
            % {"count": round.max_choices},
            code="too_many",
        )


@transaction.atomic
def ballot_add(*, voter: Voter, proposal: Proposal) -> BallotItem:
    locked = _locked_open(voter)
    proposal = Proposal.objects.get(pk=proposal.pk)
    _on_ballot(locked, proposal)
    chosen = _chosen(locked)
    if any(p.pk == proposal.pk for p in chosen):
        raise ServiceError(_("This project is already in your basket."), code="already")
    _check_room(locked.round, chosen, proposal)
    return BallotItem.objects.create(voter=locked, proposal=proposal)


@transaction.atomic
def ballot_remove(*, voter: Voter, proposal: Proposal) -> None:
    locked = _locked_open(voter)
    deleted, _by_model = BallotItem.objects.filter(voter=locked, proposal=proposal).delete()
    if not deleted:
        raise ServiceError(_("This project is not in your basket."), code="not_chosen")


def vote_cast(*, voter: Voter) -> Vote:
    """Cast the basket as the vote: final, once."""
    try:
        with transaction.atomic():
            locked = _locked_open(voter)
            round = locked.round
            chosen = _chosen(locked)
            if not chosen:
                raise ServiceError(_("Choose at least one project."), code="empty")
            if round.min_choices and len(chosen) < round.min_choices:
                raise ServiceError(
                    ngettext(
                        "Choose at least %(count)s project.",
                        "Choose at least %(count)s projects.",
                        round.min_choices,
                    )
                    % {"count": round.min_choices},
                    code="too_few",
                )
            for proposal in chosen:
                _on_ballot(locked, proposal)
            if round.is_knapsack and _total(chosen) > round.amount:
                raise ServiceError(
                    _("Your choice costs more than the budget."), code="does_not_fit"
                )
            if not round.is_knapsack and len(chosen) > round.max_choices:
                raise ServiceError(_("You chose too many projects."), code="too_many")
            vote = Vote.objects.create(round=round, voter=locked, wijk_id=locked.wijk_id)
            vote.proposals.set(chosen)
            BallotItem.objects.filter(voter=locked).delete()
            return vote
    except IntegrityError:
        raise ServiceError(_("You have already voted in this round."), code="voted") from None
