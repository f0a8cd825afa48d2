"""A help request handed to a volunteer through a private task.

The task holds only the anonymised text the professional wrote; the resident's
contact details stay on the help request and are shown to the matched volunteer
only while the hand-over is confirmed (and the request open, not anonymised).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _


class HandOver(models.Model):
    class Status(models.TextChoices):
        OFFERED = "offered", _("Looking for a volunteer")
        CONFIRMED = "confirmed", _("Volunteer confirmed")
        ENDED = "ended", _("Ended")

    task = models.OneToOneField(
        "volunteers.Task",
        verbose_name=_("task"),
        on_delete=models.CASCADE,
        related_name="handover",
    )
    # SET_NULL: deleting a request (by the resident, or retention) keeps the task, which
    # holds nothing personal, and cuts the only way to the contact details.
    help_request = models.ForeignKey(
        "helprequests.HelpRequest",
        verbose_name=_("help request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer_handovers",
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handovers",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OFFERED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    # Moves of the lifecycle (core.StatusChange); they go when this row goes.
    status_changes = GenericRelation("core.StatusChange", related_query_name="+")

    class Meta:
        verbose_name = _("hand-over to a volunteer")
        verbose_name_plural = _("hand-overs to volunteers")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        # Never anything of the request: this shows in the admin and in logs.
        return _("Hand-over %(number)s") % {"number": self.pk}


class TrustedVolunteer(models.Model):
    """A volunteer an area team trusts: they see the team's open hand-over tasks listed."""

    team = models.ForeignKey(
        "neighbourhoods.AreaTeam",
        verbose_name=_("area team"),
        on_delete=models.CASCADE,
        related_name="trusted_volunteers",
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="trusted_by_teams",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer the team trusts")
        verbose_name_plural = _("volunteers the team trusts")
        ordering = ["team", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["team", "volunteer"], name="one_trust_per_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.team} → {self.volunteer}"
