"""Staff open a round: its amount is committed on a budget line in the same
transaction (``initiatives.services.grants.budget_allocation_create``, kind
commitment), so the line is never overspent; a round above what the line has left is
refused with that service's message."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.models import BudgetAllocation
from initiatives.money import money_parse
from initiatives.services.grants import budget_allocation_check, budget_allocation_create
from mijnbuurt.core.exceptions import ServiceError

from ..models import Phase, Round

DATES = ("proposals_from", "proposals_until", "voting_from", "voting_until", "results_on")
CHANGEABLE = ("name", "description", *DATES, "minimum_age", "rule", "max_choices", "min_choices")


def _staff(by) -> None:
    if not (by is not None and by.is_authenticated and by.is_active and by.is_staff):
        raise ServiceError(_("Only municipal staff open budget rounds."), code="forbidden")


def round_rules_check(data: dict) -> None:
    """The name, the dates in order and the voting rule; ServiceError otherwise."""
    if not (data.get("name") or "").strip():
        raise ServiceError(_("Give the round a name."), code="name")
    dates = [data.get(name) for name in DATES]
    if not all(isinstance(value, dt.date) for value in dates):
        raise ServiceError(_("Enter every date of the round."), code="dates")
    p_from, p_until, v_from, v_until, results = dates
    if not (p_from <= p_until < v_from <= v_until < results):
        raise ServiceError(
            _(
                "The phases follow each other: proposals, then voting (starting after the "
                "proposals close), then the results (after voting closes)."
            ),
            code="dates",
        )
    if data.get("rule") not in Round.Rule.values:
        raise ServiceError(_("Choose the voting rule."), code="rule")
    most, fewest = data.get("max_choices"), data.get("min_choices")
    if data["rule"] == Round.Rule.APPROVAL and not most:
        raise ServiceError(
            _("Say how many projects a resident may choose at most."), code="max_choices"
        )
    if most and fewest and fewest > most:
        raise ServiceError(
            _("The fewest projects to choose cannot be more than the most."), code="min_choices"
        )


def _allocation_date(budget_line) -> dt.date:
    today = timezone.localdate()
    return max(today, dt.date(budget_line.year, 1, 1))


def _allocation_fields(*, name: str, budget_line, amount) -> dict:
    return {
        "budget_line": budget_line,
        "description": _("Buurtbudget: %(name)s") % {"name": name.strip()[:180]},
        "recipient": _("Residents' projects (buurtbudget)"),
        "amount": amount,
        "kind": BudgetAllocation.Kind.COMMITMENT,
        "date": _allocation_date(budget_line),
    }


def round_check(*, by, wijken, amount, budget_line, **data) -> dict:
    """Validate a new round and lock its budget line (inside the caller's transaction,
    e.g. the admin's); return the cleaned amount. ServiceError if anything is wrong."""
    _staff(by)
    round_rules_check(data)
    wijken = list(wijken or [])
    if not wijken or any(w.level != "wijk" for w in wijken):
        raise ServiceError(_("Choose the districts (wijken) of the round."), code="wijken")
    if budget_line is None:
        raise ServiceError(_("Choose the budget line."), code="budget_line")
    amount = money_parse(amount)
    if amount <= 0:
        raise ServiceError(_("The amount must be more than € 0."), code="not_positive")
    budget_allocation_check(
        by=by, **_allocation_fields(name=data["name"], budget_line=budget_line, amount=amount)
    )
    return {"amount": amount, "wijken": wijken}


@transaction.atomic
def round_create(*, by, wijken, amount, budget_line, **data) -> Round:
    """Open a round: commit its amount on ``budget_line`` and make it, together."""
    clean = round_check(by=by, wijken=wijken, amount=amount, budget_line=budget_line, **data)
    allocation = budget_allocation_create(
        by=by,
        **_allocation_fields(name=data["name"], budget_line=budget_line, amount=clean["amount"]),
    )
    fields = {name: data.get(name) for name in CHANGEABLE}
    fields["name"] = fields["name"].strip()
    fields["description"] = (fields["description"] or "").strip()
    round = Round.objects.create(
        **fields,
        amount=clean["amount"],
        budget_line=budget_line,
        allocation=allocation,
        created_by=by,
    )
    round.wijken.set(clean["wijken"])
    return round


@transaction.atomic
def round_update(*, round: Round, by, **data) -> Round:
    """Change a round's name, dates and rules; its amount, line and wijken stay."""
    _staff(by)
    locked = Round.objects.select_for_update().get(pk=round.pk)
    values = {name: data.get(name, getattr(locked, name)) for name in CHANGEABLE}
    round_rules_check(values)
    ballot_rules = ("rule", "max_choices", "min_choices", "voting_from")
    if locked.phase in (Phase.VOTING, Phase.COUNTING, Phase.RESULTS) and any(
        values[name] != getattr(locked, name) for name in ballot_rules
    ):
        raise ServiceError(
            _("Voting has started: its rules and start no longer change."), code="voting"
        )
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save(update_fields=list(CHANGEABLE))
    return locked
