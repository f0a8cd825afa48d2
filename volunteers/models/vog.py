"""VOG gezien: an organiser of an approved organisation has seen a volunteer's VOG.

A volunteer's own VOG date on the profile is a statement anyone can type; a check is
recorded by a member of an approved organisation who saw the certificate itself. A
task can ask for such a check (``Task.requires_seen_vog``).
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VogCheckQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> "VogCheckQuerySet":
        """Checks that count on ``day``: the VOG was issued at most
        VOLUNTEER_VOG_VALID_DAYS before, and the organisation is still approved."""
        return self.filter(
            issued_on__lte=day,
            issued_on__gt=day - dt.timedelta(days=settings.VOLUNTEER_VOG_VALID_DAYS),
            organisation__is_approved=True,
        )


class VogCheck(models.Model):
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="vog_checks",
    )
    organisation = models.ForeignKey(
        "neighbourhoods.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="vog_checks",
    )
    issued_on = models.DateField(_("VOG issued on"))
    seen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("seen by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    seen_at = models.DateTimeField(_("seen at"), default=timezone.now)

    objects = VogCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("VOG seen")
        verbose_name_plural = _("VOGs seen")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "organisation", "issued_on"],
                name="one_vog_check_per_organisation_and_issue_date",
            ),
            models.CheckConstraint(
                condition=Q(seen_by__isnull=True) | ~Q(seen_by=F("volunteer")),
                name="vog_check_not_by_the_volunteer",
                violation_error_message=_("Someone else has to see your VOG."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer}: {self.organisation} ({self.issued_on:%Y-%m-%d})"

    @property
    def expires_on(self) -> dt.date:
        """The first day this VOG no longer counts."""
        return self.issued_on + dt.timedelta(days=settings.VOLUNTEER_VOG_VALID_DAYS)
