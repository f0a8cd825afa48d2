"""What the matching job stores, and organisers' invitations to volunteers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Suggestion(models.Model):
    """One of a volunteer's top-scoring open tasks, with the reasons shown on the pages."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="task_suggestions",
    )
    task = models.ForeignKey(
        "volunteers.Task",
        verbose_name=_("task"),
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    computed_at = models.DateTimeField(_("computed at"))
    notified_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "task"], name="one_suggestion_per_pair"),
        ]
        indexes = [models.Index(fields=["task", "-score"], name="suggestion_task_score")]

    def __str__(self) -> str:
        return f"{self.task} → {self.volunteer} ({self.score:.2f})"


class TaskInvitation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    task = models.ForeignKey(
        "volunteers.Task",
        verbose_name=_("task"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="task_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation to a task")
        verbose_name_plural = _("invitations to tasks")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["task", "volunteer"], name="one_invitation_per_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.task} → {self.volunteer}"
