"""Reports of listings and messages to the moderators, and the log of moderators
reading a conversation because a message in it was reported.

A listing with open reports from three different people is hidden until a moderator
decides (``exchange.moderation``); a message is hidden only by a moderator. Nothing
hidden is deleted: it keeps its text with ``hidden_at`` and ``hidden_by``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.moderation import MAX_REPORT_CHARS, ReportOutcome, ReportReason


class Report(models.Model):
    """Someone reports a listing or one message of a conversation they take part in."""

    Reason = ReportReason
    Outcome = ReportOutcome

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="exchange_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("explanation"), max_length=MAX_REPORT_CHARS, blank=True)
    listing = models.ForeignKey(
        "exchange.Listing",
        verbose_name=_("listing"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    message = models.ForeignKey(
        "exchange.Message",
        verbose_name=_("message"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("exchange report")
        verbose_name_plural = _("exchange reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(listing__isnull=False, message__isnull=True)
                    | Q(listing__isnull=True, message__isnull=False)
                ),
                name="exchange_report_exactly_one_item",
            ),
            *[
                models.UniqueConstraint(
                    fields=["reporter", field],
                    condition=Q(handled_at__isnull=True, **{f"{field}__isnull": False}),
                    name=f"exchange_report_one_open_per_{field}",
                )
                for field in ("listing", "message")
            ],
        ]
        indexes = [
            models.Index(fields=["handled_at", "created_at"], name="exchange_report_open"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} · {self.created_at:%Y-%m-%d}"

    @property
    def kind(self) -> str:
        return "listing" if self.listing_id else "message"


class ConversationAccess(models.Model):
    """Audit trail: a moderator read a conversation because of a reported message."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    conversation = models.ForeignKey(
        "exchange.Conversation",
        verbose_name=_("conversation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the conversation is deleted (retention, account deletion).
    conversation_number = models.PositiveBigIntegerField(_("conversation number"))
    report = models.ForeignKey(
        Report,
        verbose_name=_("report"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("conversation read by a moderator")
        verbose_name_plural = _("conversations read by moderators")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_id} #{self.conversation_number} {self.at:%Y-%m-%d %H:%M}"
