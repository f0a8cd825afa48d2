"""Grants from the stimuleringsbudget: organisers request, reviewers award or decline,
staff mark as paid.

A budget line is never committed beyond its amount: an award, and an allocation that
staff enter (``budget_allocation_create``), lock the line's row (``select_for_update``)
and sum what is already committed on it inside the same transaction: grants awarded or
paid plus every allocation. Two people committing money on one line at the same moment
queue up on the lock, and the second one sees the first one's commitment.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..kinds import INITIATIVE_GRANT, INITIATIVE_GRANT_REQUESTED
from ..lifecycle import GRANT
from ..models import (
    BudgetAllocation,
    BudgetLine,
    GrantLineItem,
    GrantRequest,
    Initiative,
    Organiser,
    Status,
)
from ..money import MAX_GRANT, MAX_GRANT_ITEMS, ZERO, euros, money_parse
from ..rules import is_organiser

GRANT_STATUSES = (Status.SUBMITTED, Status.IN_REVIEW, Status.PUBLISHED)  # may ask for money
COMMITTED = (GrantRequest.Status.AWARDED, GrantRequest.Status.PAID)


def grant_budget_year(grant: GrantRequest) -> int:
    """The year whose budget lines may pay ``grant``: the year it was requested."""
    return timezone.localtime(grant.created_at).year


@transaction.atomic
def grant_request(*, initiative: Initiative, by, items: list[tuple[str, Decimal]]) -> GrantRequest:
    """Organisers ask for money, item by item; the request is the sum of its items."""
    if not is_organiser.test(by, initiative):
        raise ServiceError(_("Only the organisers can request a grant."), code="forbidden")
    if initiative.status not in GRANT_STATUSES:
        raise ServiceError(
            _("You can request a grant once the initiative has been submitted for review."),
            code="not_allowed",
        )
    # Lock the initiative so two requests sent at once cannot both be waiting.
    Initiative.objects.select_for_update().filter(pk=initiative.pk).first()
    if initiative.grants.filter(status=GrantRequest.Status.REQUESTED).exists():
        raise ServiceError(
            _("A grant request is already waiting for a decision. Send a new one after that."),
            code="pending",
        )
    if not items:
        raise ServiceError(
            _("Add at least one item: what it is for and what it costs."), code="empty"
        )
    if len(items) > MAX_GRANT_ITEMS:
        raise ServiceError(_("A grant request has at most 20 items."), code="too_many")
    clean = []
    for description, value in items:
        description = (description or "").strip()
        if not description:
            raise ServiceError(_("Say what each amount is for."), code="no_description")
        amount = money_parse(value)
        if amount <= 0:
            raise ServiceError(_("Each amount must be more than € 0."), code="not_positive")
        clean.append((description[:200], amount))
    total = sum((amount for _d, amount in clean), ZERO)
    if total > MAX_GRANT:
        raise ServiceError(
            _("A grant request can be at most € %(max)s in total.") % {"max": euros(MAX_GRANT)},
            code="too_much",
        )
    grant = GrantRequest.objects.create(
        initiative=initiative, requested_by=by, amount_requested=total
    )
    GrantLineItem.objects.bulk_create(
        GrantLineItem(grant=grant, description=description, amount=amount)
        for description, amount in clean
    )
    _notify_staff_of_request(grant, by=by)
    return grant


def _notify_staff_of_request(grant: GrantRequest, *, by) -> None:
    """Municipal staff decide on grants: each hears of a new request once (their
    preferences choose e-mail at once, the daily digest or nothing)."""
    initiative = grant.initiative
    context = {
        "initiative_id": initiative.pk,
        "title": initiative.title,
        "amount": euros(grant.amount_requested),
    }
    for recipient in (
        User.objects.filter(is_staff=True, is_active=True).exclude(pk=by.pk).order_by("pk")
    ):
        notify(
            recipient=recipient,
            kind=INITIATIVE_GRANT_REQUESTED.name,
            context=context,
            url_name="initiatives:detail",
            url_kwargs={"pk": initiative.pk},
            anchor="grants",
            once_key=f"grant_requested:{grant.pk}:{recipient.pk}",
        )


def _locked_grant(grant: GrantRequest) -> GrantRequest:
    return GrantRequest.objects.select_for_update().select_related("initiative").get(pk=grant.pk)


@transaction.atomic
def grant_award(*, grant: GrantRequest, by, budget_line: BudgetLine, amount) -> GrantRequest:
    """A reviewer awards at most the requested amount, within what the line has left."""
    locked = _locked_grant(grant)
    step = GRANT.check(locked, GrantRequest.Status.AWARDED, by=by)
    amount = money_parse(amount)
    if amount <= 0:
        raise ServiceError(_("The award must be more than € 0."), code="not_positive")
    if amount > locked.amount_requested:
        raise ServiceError(
            _("The award cannot be more than the amount requested (€ %(requested)s).")
            % {"requested": euros(locked.amount_requested)},
            code="above_request",
        )
    year = grant_budget_year(locked)
    if budget_line.year != year:
        raise ServiceError(
            _("Choose a budget line of %(year)s, the year the grant was requested.")
            % {"year": year},
            code="wrong_year",
        )
    line = _locked_line_with_room_for(budget_line, amount)
    step.apply(
        changes={
            "amount_awarded": amount,
            "budget_line": line,
            "decided_by": by,
            "decided_at": step.at,
        }
    )
    _notify_organisers(locked, by=by, context={"amount": euros(amount)})
    _refresh(grant, locked)
    return locked


def line_committed(line: BudgetLine) -> Decimal:
    """What is committed on ``line``: grants awarded or paid, plus every allocation."""
    grants = (
        GrantRequest.objects.filter(budget_line=line, status__in=COMMITTED).aggregate(
            total=Sum("amount_awarded")
        )["total"]
        or ZERO
    )
    allocated = (
        BudgetAllocation.objects.filter(budget_line=line).aggregate(total=Sum("amount"))["total"]
        or ZERO
    )
    return grants + allocated


def _locked_line_with_room_for(budget_line: BudgetLine, amount: Decimal) -> BudgetLine:
    """Lock the line's row, then refuse ``amount`` if it does not fit in what remains.

    Call inside a transaction: a second commitment on this line waits on the lock
    until the first one's transaction ends, and then counts it.
    """
    line = BudgetLine.objects.select_for_update().get(pk=budget_line.pk)
    remaining = line.amount - line_committed(line)
    if amount > remaining:
        raise ServiceError(
            _("There is not enough left on “%(line)s”: € %(remaining)s remains.")
            % {"line": line.name, "remaining": euros(remaining)},
            code="above_remaining",
        )
    return line


def _clean_allocation(*, by, description, recipient, amount, kind, date) -> dict:
    if not (by is not None and by.is_authenticated and by.is_active and by.is_staff):
        raise ServiceError(
            _("Only municipal staff can enter allocations on a budget line."), code="forbidden"
        )
    description = (description or "").strip()
    recipient = (recipient or "").strip()
    if not description or not recipient:
        raise ServiceError(
            _("Say what the money is for and who receives it."), code="no_description"
        )
    amount = money_parse(amount)
    if amount <= 0:
        raise ServiceError(_("The amount must be more than € 0."), code="not_positive")
    if kind not in BudgetAllocation.Kind.values:
        raise ServiceError(_("Choose a commitment or an expense."), code="bad_kind")
    if not isinstance(date, dt.date):
        raise ServiceError(_("Enter the date of the allocation."), code="bad_date")
    return {
        "description": description[:200],
        "recipient": recipient[:150],
        "amount": amount,
        "kind": kind,
        "date": date,
    }


@transaction.atomic
def budget_allocation_check(
    *, budget_line: BudgetLine, by, description, recipient, amount, kind, date
) -> None:
    """Validate an allocation and lock its line; raises ServiceError if it does not fit.

    The admin form calls this while validating; its lock lasts until the admin's
    transaction ends, and ``budget_allocation_create`` checks again under it.
    """
    clean = _clean_allocation(
        by=by, description=description, recipient=recipient, amount=amount, kind=kind, date=date
    )
    if clean["date"].year != budget_line.year:
        raise ServiceError(
            _("The date must fall in the budget line's year (%(year)s).")
            % {"year": budget_line.year},
            code="bad_date",
        )
    _locked_line_with_room_for(budget_line, clean["amount"])


@transaction.atomic
def budget_allocation_create(
    *, budget_line: BudgetLine, by, description: str, recipient: str, amount, kind: str, date
) -> BudgetAllocation:
    """Staff put money against a line (e.g. a subsidy to a neighbourhood association),
    never beyond what the line has left after grants and earlier allocations."""
    budget_allocation_check(
        budget_line=budget_line,
        by=by,
        description=description,
        recipient=recipient,
        amount=amount,
        kind=kind,
        date=date,
    )
    clean = _clean_allocation(
        by=by, description=description, recipient=recipient, amount=amount, kind=kind, date=date
    )
    return BudgetAllocation.objects.create(budget_line_id=budget_line.pk, created_by=by, **clean)


@transaction.atomic
def grant_decline(*, grant: GrantRequest, by, reason: str) -> GrantRequest:
    locked = _locked_grant(grant)
    step = GRANT.check(locked, GrantRequest.Status.DECLINED, by=by, note=reason)
    step.apply(changes={"decline_reason": step.note, "decided_by": by, "decided_at": step.at})
    _notify_organisers(locked, by=by, context={"reason": step.note})
    _refresh(grant, locked)
    return locked


@transaction.atomic
def grant_mark_paid(*, grant: GrantRequest, by) -> GrantRequest:
    """Municipal staff record that the awarded money was paid out."""
    locked = GrantRequest.objects.select_for_update().get(pk=grant.pk)
    step = GRANT.check(locked, GrantRequest.Status.PAID, by=by)
    step.apply(changes={"paid_at": step.at})
    _refresh(grant, locked)
    return locked


def _refresh(grant: GrantRequest, locked: GrantRequest) -> None:
    for field in (
        "status",
        "amount_awarded",
        "budget_line_id",
        "decided_by_id",
        "decided_at",
        "decline_reason",
        "paid_at",
    ):
        setattr(grant, field, getattr(locked, field))


def _notify_organisers(grant: GrantRequest, *, by, context: dict) -> None:
    initiative = grant.initiative
    ids = Organiser.objects.filter(initiative=initiative).values_list("user_id", flat=True)
    context = {
        "initiative_id": initiative.pk,
        "title": initiative.title,
        "status": grant.status,
        **context,
    }
    for recipient in (
        User.objects.filter(pk__in=ids, is_active=True).exclude(pk=by.pk).order_by("pk")
    ):
        notify(
            recipient=recipient,
            kind=INITIATIVE_GRANT.name,
            context=context,
            url_name="initiatives:detail",
            url_kwargs={"pk": initiative.pk},
            anchor="grants",
        )
