"""The generic record of a lifecycle move (``mijnbuurt.core.transitions``).

Lifecycles whose history people see on a page keep their own log (an initiative's
status changes, a help request's events, a booking's events); every other lifecycle
records its moves here: who, when, from, to and a note.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatusChange(models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of object"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    obj = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=40, default="status")
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "at"], name="status_change_object_at"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.content_type_id}/{self.object_id}: {self.from_state or '-'} → {self.to_state}"
        )
