"""The budget report: per line of a year, what is committed, spent and left, and the
savings realised against the target.

Definitions (the page says the same):

- committed: grants awarded or paid on the line, plus every allocation staff entered
  (commitments and expenses);
- spent: grants paid, plus allocations of kind expense;
- remaining: amount minus committed (never below zero: the services refuse it);
- savings realised: the part of the amount that is not committed, i.e. amount minus
  committed. It is compared with the line's savings target: the target is met when
  savings realised >= target; "still to find" is target minus realised when positive.
  During the year the realised figure is provisional: money still free may yet be
  committed.

The seed's "Bouwbudget" is EUR 3.8 million in all, with a saving of EUR 800,000 to
1,000,000 agreed; the totals are shown against those figures. One query.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from initiatives.models import BudgetAllocation, BudgetLine, GrantRequest

AGENDA_BUDGET = Decimal("3800000")
AGREED_SAVING_MIN = Decimal("800000")
AGREED_SAVING_MAX = Decimal("1000000")
MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


def _sum(model, field: str, condition: Q) -> Coalesce:
    rows = (
        model.objects.filter(condition, budget_line=OuterRef("pk"))
        .order_by()
        .values("budget_line")
        .annotate(total=Sum(field))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=MONEY), Value(ZERO), output_field=MONEY)


@dataclass
class LineFigures:
    pk: int
    code: str
    name: str
    amount: Decimal
    grants_committed: Decimal
    allocations_committed: Decimal
    grants_paid: Decimal
    allocations_spent: Decimal
    savings_target: Decimal

    @property
    def committed(self) -> Decimal:
        return self.grants_committed + self.allocations_committed

    @property
    def spent(self) -> Decimal:
        return self.grants_paid + self.allocations_spent

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.committed

    @property
    def savings_realised(self) -> Decimal:
        """Amount minus committed: what the municipality will not spend on this line."""
        return self.amount - self.committed

    @property
    def savings_to_find(self) -> Decimal:
        return max(self.savings_target - self.savings_realised, ZERO)

    @property
    def target_met(self) -> bool:
        return self.savings_realised >= self.savings_target


@dataclass
class BudgetReport:
    year: int
    lines: list[LineFigures]
    total: LineFigures

    agenda_budget = AGENDA_BUDGET
    agreed_saving_min = AGREED_SAVING_MIN
    agreed_saving_max = AGREED_SAVING_MAX

    @property
    def within_agreed_saving(self) -> bool:
        return AGREED_SAVING_MIN <= self.total.savings_target <= AGREED_SAVING_MAX


FIELDS = (
    "amount",
    "grants_committed",
    "allocations_committed",
    "grants_paid",
    "allocations_spent",
    "savings_target",
)


def budget_report(*, year: int) -> BudgetReport:
    committed = Q(status__in=(GrantRequest.Status.AWARDED, GrantRequest.Status.PAID))
    rows = (
        BudgetLine.objects.filter(year=year)
        .annotate(
            grants_committed=_sum(GrantRequest, "amount_awarded", committed),
            grants_paid=_sum(GrantRequest, "amount_awarded", Q(status=GrantRequest.Status.PAID)),
            allocations_committed=_sum(BudgetAllocation, "amount", Q()),
            allocations_spent=_sum(
                BudgetAllocation, "amount", Q(kind=BudgetAllocation.Kind.EXPENSE)
            ),
        )
        .order_by("name", "pk")
        .values("pk", "code", "name", *FIELDS)
    )
    lines = [LineFigures(**row) for row in rows]
    total = LineFigures(
        pk=0,
        code="",
        name="",
        **{name: sum((getattr(line, name) for line in lines), ZERO) for name in FIELDS},
    )
    return BudgetReport(year=year, lines=lines, total=total)
