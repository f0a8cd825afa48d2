"""The budget report: per line of a year, what is committed, spent and left, and the
savings realised against the target.

Definitions (the page says the same):

- committed: grants awarded or paid on the line, plus every allocation staff entered
  (commitments and expenses);
- spent: grants paid, plus allocations of kind expense;
- remaining: amount minus committed (never below zero: the services refuse it);
- expected savings (forecast): the part of the amount that is not committed, i.e.
  amount minus committed. During the year it is a forecast: money still free may yet be
  committed. It is compared with the line's savings target: the target is met when the
  forecast >= target; "still to find" is target minus the forecast when positive;
- savings realised (to date): only a closed year realises a saving, so it is the
  forecast once the year is over and zero while the year runs. The page shows both
  figures side by side, so a forecast is never read as money already saved.

The seed's "Bouwbudget" is EUR 3.8 million in all, with a saving of EUR 800,000 to
1,000,000 agreed; the totals are shown against those figures. One query.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

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
    closed: bool = False  # the year is over: what is not committed now is saved

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
    def savings_forecast(self) -> Decimal:
        """Amount minus committed: what the municipality expects not to spend on this line."""
        return self.amount - self.committed

    @property
    def savings_realised(self) -> Decimal:
        """Saved for real: the forecast once the year is closed, nothing before."""
        return self.savings_forecast if self.closed else ZERO

    @property
    def savings_to_find(self) -> Decimal:
        return max(self.savings_target - self.savings_forecast, ZERO)

    @property
    def target_met(self) -> bool:
        return self.savings_forecast >= self.savings_target


@dataclass
class BudgetReport:
    year: int
    lines: list[LineFigures]
    total: LineFigures

    @property
    def closed(self) -> bool:
        return self.total.closed

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
    closed = year < timezone.localdate().year
    lines = [LineFigures(**row, closed=closed) for row in rows]
    total = LineFigures(
        pk=0,
        code="",
        name="",
        closed=closed,
        **{name: sum((getattr(line, name) for line in lines), ZERO) for name in FIELDS},
    )
    return BudgetReport(year=year, lines=lines, total=total)
