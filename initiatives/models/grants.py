"""Money: the municipality's budget lines and grant requests from the stimuleringsbudget."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .initiatives import Initiative


class BudgetLine(models.Model):
    """One of the municipality's budget lines for a year (see the seed's "Bouwbudget")."""

    year = models.PositiveSmallIntegerField(_("year"))
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=120)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    savings_target = models.DecimalField(
        _("savings target"), max_digits=12, decimal_places=2, default=0
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["-year", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="budget_line_unique_code"),
            models.CheckConstraint(
                condition=Q(amount__gte=0) & Q(savings_target__gte=0),
                name="budget_line_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class GrantRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        AWARDED = "awarded", _("Awarded")
        DECLINED = "declined", _("Declined")
        PAID = "paid", _("Paid")

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="grants"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    amount_requested = models.DecimalField(_("amount requested"), max_digits=10, decimal_places=2)
    amount_awarded = models.DecimalField(
        _("amount awarded"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    budget_line = models.ForeignKey(
        BudgetLine,
        verbose_name=_("budget line"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Moves of the lifecycle (core.StatusChange); they go when this row goes.
    status_changes = GenericRelation("core.StatusChange", related_query_name="+")

    class Meta:
        verbose_name = _("grant request")
        verbose_name_plural = _("grant requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_requested__gte=0)
                & (Q(amount_awarded__isnull=True) | Q(amount_awarded__gte=0)),
                name="grant_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(amount_awarded__isnull=True)
                | Q(amount_awarded__lte=F("amount_requested")),
                name="grant_awarded_at_most_requested",
                violation_error_message=_("The award cannot be more than the amount requested."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id}: € {self.amount_requested} ({self.status})"


class GrantLineItem(models.Model):
    grant = models.ForeignKey(
        GrantRequest,
        verbose_name=_("grant request"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    description = models.CharField(_("what it is for"), max_length=200)
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = _("line item")
        verbose_name_plural = _("line items")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_item_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.description}: € {self.amount}"


class BudgetAllocation(models.Model):
    """Money staff put against a budget line outside the grant requests, such as the
    yearly subsidy to a neighbourhood association.

    A commitment is promised and still to be paid; an expense is paid. Both count as
    committed on the line, so together with awarded grants they never exceed its
    amount (``budget_allocation_create`` and ``grant_award`` check it under a row lock).
    """

    class Kind(models.TextChoices):
        COMMITMENT = "commitment", _("Commitment (to be paid)")
        EXPENSE = "expense", _("Expense (paid)")

    budget_line = models.ForeignKey(
        BudgetLine,
        verbose_name=_("budget line"),
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    description = models.CharField(_("description"), max_length=200)
    recipient = models.CharField(_("recipient"), max_length=150)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    date = models.DateField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("budget allocation")
        verbose_name_plural = _("budget allocations")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="budget_allocation_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: € {self.amount} ({self.budget_line})"
