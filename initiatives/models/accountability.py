"""Accountability after an initiative: what was done, what it cost, photos, and
"how we did it" for others who want to do the same.

Organisers write one report per initiative once it is completed (or once a grant
was paid); reviewers accept it or ask for changes. What was done, how we did it and
the photos are public once submitted; the costs only organisers and reviewers see.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.storage import private_storage

from .initiatives import Initiative


class AccountabilityReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ACCEPTED = "accepted", _("Accepted")

    PUBLIC = (Status.SUBMITTED, Status.ACCEPTED)
    EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)

    initiative = models.OneToOneField(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="accountability_report",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    what_was_done = models.TextField(_("what was done"), blank=True)
    how_we_did_it = models.TextField(_("how we did it"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    changes_reason = models.TextField(_("changes requested"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Moves of the lifecycle (core.StatusChange); they go when this row goes.
    status_changes = GenericRelation("core.StatusChange", related_query_name="+")

    class Meta:
        verbose_name = _("accountability report")
        verbose_name_plural = _("accountability reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.status}"

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def cost_total(self) -> Decimal:
        """The sum of the (prefetched) cost lines."""
        return sum((cost.amount for cost in self.costs.all()), Decimal("0.00"))


class AccountabilityCost(models.Model):
    report = models.ForeignKey(
        AccountabilityReport,
        verbose_name=_("accountability report"),
        on_delete=models.CASCADE,
        related_name="costs",
    )
    description = models.CharField(_("what it was for"), max_length=200)
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = _("cost")
        verbose_name_plural = _("costs")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="accountability_cost_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.description}: € {self.amount}"


class AccountabilityPhoto(models.Model):
    report = models.ForeignKey(
        AccountabilityReport,
        verbose_name=_("accountability report"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ImageField(_("photo"), upload_to="initiatives/accountability/%Y/%m/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="initiatives/accountability/%Y/%m/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.image.name


class AccountabilityEvidence(models.Model):
    """A receipt or invoice for the costs: private, like the costs themselves.

    Stored in the private storage (no URL); ``views.accountability.evidence`` serves it
    to the organisers and reviewers only.
    """

    report = models.ForeignKey(
        AccountabilityReport,
        verbose_name=_("accountability report"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    file = models.FileField(
        _("file"), upload_to="initiatives/evidence/%Y/%m/", storage=private_storage
    )
    original_name = models.CharField(_("file name"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("receipt or invoice")
        verbose_name_plural = _("receipts and invoices")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
