"""Reads of the money: budget lines with what is committed and left, grant requests."""

from decimal import Decimal

from django.db.models import DecimalField, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ..models import BudgetAllocation, BudgetLine, GrantRequest, Initiative

COMMITTED_GRANT_STATUSES = (GrantRequest.Status.AWARDED, GrantRequest.Status.PAID)
MONEY = DecimalField(max_digits=14, decimal_places=2)


def budget_lines_with_totals() -> QuerySet[BudgetLine]:
    """Budget lines annotated with ``committed`` (grants awarded or paid, plus the
    allocations staff entered) and ``remaining``."""
    committed = (
        GrantRequest.objects.filter(
            budget_line=OuterRef("pk"), status__in=COMMITTED_GRANT_STATUSES
        )
        .order_by()
        .values("budget_line")
        .annotate(total=Sum("amount_awarded"))
        .values("total")
    )
    allocated = (
        BudgetAllocation.objects.filter(budget_line=OuterRef("pk"))
        .order_by()
        .values("budget_line")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    zero = Value(Decimal("0"))
    return BudgetLine.objects.annotate(
        committed=Coalesce(Subquery(committed, output_field=MONEY), zero, output_field=MONEY)
        + Coalesce(Subquery(allocated, output_field=MONEY), zero, output_field=MONEY)
    ).annotate(remaining=F("amount") - F("committed"))


def budget_line_remaining(line: BudgetLine) -> Decimal:
    """What is still free on ``line`` (one query)."""
    return budget_lines_with_totals().values_list("remaining", flat=True).get(pk=line.pk)


def grants_of(initiative: Initiative) -> list[GrantRequest]:
    """An initiative's grant requests with their items and budget line (two queries)."""
    return list(
        GrantRequest.objects.filter(initiative=initiative)
        .select_related("budget_line")
        .prefetch_related("items")
        .order_by("-created_at", "-pk")
    )


def grant_open_total() -> Subquery:
    """What an initiative asks for in grant requests not yet decided (None if nothing)."""
    asked = (
        GrantRequest.objects.filter(
            initiative=OuterRef("pk"), status=GrantRequest.Status.REQUESTED
        )
        .order_by()
        .values("initiative")
        .annotate(total=Sum("amount_requested"))
        .values("total")
    )
    return Subquery(asked, output_field=MONEY)
