"""Residents propose projects during the proposal phase; staff review them.

Only feasible proposals come on the ballot, at their final cost. The review moves the
status through ``buurtbudget.lifecycle.PROPOSAL``; once voting has started the ballot
no longer changes, so neither does a review.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.money import euros, money_parse
from mijnbuurt.core.exceptions import ServiceError

from ..lifecycle import PROPOSAL
from ..models import Phase, Proposal, Round

S = Proposal.Status


def _cost(value, round: Round):
    amount = money_parse(value)
    if amount <= 0:
        raise ServiceError(_("The cost must be more than € 0."), code="not_positive")
    if amount > round.amount:
        raise ServiceError(
            _("The cost cannot be more than the round's budget of € %(amount)s.")
            % {"amount": euros(round.amount)},
            code="above_budget",
        )
    return amount


def proposal_submit(
    *, round: Round, author, title: str, description: str, estimated_cost, neighbourhood
) -> Proposal:
    if not author.is_authenticated or not author.is_active:
        raise ServiceError(_("Log in to propose a project."), code="login")
    phase = round.phase
    if phase == Phase.UPCOMING:
        raise ServiceError(_("Proposals for this round are not open yet."), code="not_open")
    if phase != Phase.PROPOSALS:
        raise ServiceError(_("Proposals for this round are closed."), code="closed")
    title, description = (title or "").strip(), (description or "").strip()
    if not title:
        raise ServiceError(_("Give your project a title."), code="title")
    if not description:
        raise ServiceError(_("Describe your project."), code="description")
    cost = _cost(estimated_cost, round)
    if neighbourhood is None:
        raise ServiceError(_("Choose where the project is."), code="neighbourhood")
    wijk_id = neighbourhood.pk if neighbourhood.level == "wijk" else neighbourhood.wijk_id
    if not round.wijken.filter(pk=wijk_id).exists():
        raise ServiceError(
            _("Choose a place in one of the round's districts."), code="neighbourhood"
        )
    return Proposal.objects.create(
        round=round,
        author=author,
        title=title[:120],
        description=description[:4000],
        estimated_cost=cost,
        neighbourhood=neighbourhood,
        wijk_id=wijk_id,
    )


@transaction.atomic
def proposal_review(
    *, proposal: Proposal, by, feasible: bool, final_cost=None, reason: str = ""
) -> Proposal:
    """Staff decide: feasible at ``final_cost`` (the estimate when empty), or not
    feasible with a published ``reason``."""
    locked = Proposal.objects.select_for_update().select_related("round").get(pk=proposal.pk)
    to = S.FEASIBLE if feasible else S.NOT_FEASIBLE
    step = PROPOSAL.check(locked, to, by=by, note="" if feasible else reason)
    if locked.round.phase in (Phase.VOTING, Phase.COUNTING, Phase.RESULTS):
        raise ServiceError(
            _("Voting has started: the ballot can no longer change."), code="voting"
        )
    changes = {"reviewed_at": timezone.now()}
    if feasible:
        cost = locked.estimated_cost if final_cost in (None, "") else final_cost
        changes["final_cost"] = _cost(cost, locked.round)
    step.apply(changes=changes)
    return locked
