"""Comments on initiatives, and moderation: abuse reports, decisions, posting blocks.

Hidden content is never deleted: it keeps its text and gets ``hidden_at``,
``hidden_by`` and ``hidden_reason``; every decision is written to ModerationAction.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.moderation import MAX_REPORT_CHARS, ReportOutcome, ReportReason

from .initiatives import Hideable

MAX_COMMENT_CHARS = 2000


class Comment(Hideable):
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="initiative_comments",
    )
    body = models.TextField(_("comment"), max_length=MAX_COMMENT_CHARS)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class AbuseReport(models.Model):
    """Someone reports a comment, a news update or an initiative; staff handle it."""

    Reason = ReportReason
    Outcome = ReportOutcome

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="abuse_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("explanation"), max_length=MAX_REPORT_CHARS, blank=True)
    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    update = models.ForeignKey(
        "initiatives.InitiativeUpdate",
        verbose_name=_("news update"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
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
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(comment__isnull=False, update__isnull=True, initiative__isnull=True)
                    | Q(comment__isnull=True, update__isnull=False, initiative__isnull=True)
                    | Q(comment__isnull=True, update__isnull=True, initiative__isnull=False)
                ),
                name="abuse_report_exactly_one_item",
            ),
            *[
                models.UniqueConstraint(
                    fields=["reporter", field],
                    condition=Q(handled_at__isnull=True, **{f"{field}__isnull": False}),
                    name=f"abuse_report_one_open_per_{field}",
                )
                for field in ("comment", "update", "initiative")
            ],
        ]
        indexes = [models.Index(fields=["handled_at", "created_at"], name="abuse_report_open")]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} · {self.created_at:%Y-%m-%d}"


class PostingBlock(models.Model):
    """A person who kept posting abuse may no longer comment, post news or start initiatives."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="posting_block",
    )
    reason = models.TextField(_("reason"))
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("posting block")
        verbose_name_plural = _("posting blocks")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(self.user)


class ModerationAction(models.Model):
    """The record of every moderation decision, with who, when and why."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        DISMISS = "dismiss", _("Reports dismissed")
        BLOCK = "block", _("Blocked from posting")
        UNBLOCK = "unblock", _("Block lifted")

    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), null=True, blank=True, on_delete=models.CASCADE
    )
    update = models.ForeignKey(
        "initiatives.InitiativeUpdate",
        verbose_name=_("news update"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d}"
