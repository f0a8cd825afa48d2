"""Hours a volunteer gives outside a scheduled shift, for a task they volunteer on.

The volunteer logs them; an organiser of the task confirms or rejects them. Confirmed
hours count in the volunteer's totals, the certificate and the reports like shift hours.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OffShiftHours(models.Model):
    class Status(models.TextChoices):
        LOGGED = "logged", _("Logged, awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Not confirmed")

    task = models.ForeignKey(
        "volunteers.Task",
        verbose_name=_("task"),
        on_delete=models.CASCADE,
        related_name="off_shift_hours",
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="off_shift_hours",
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    description = models.CharField(_("what you did"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.LOGGED
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
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("hours outside a shift")
        verbose_name_plural = _("hours outside shifts")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0, hours__lte=24),
                name="off_shift_hours_within_a_day",
                violation_error_message=_("Hours must be more than 0 and at most 24."),
            ),
        ]
        indexes = [
            models.Index(fields=["task", "status"], name="offshift_task_status"),
            models.Index(fields=["volunteer", "date"], name="offshift_volunteer_date"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer}: {self.task} ({self.date:%Y-%m-%d})"
