"""Matches, "is het gelukt?" and time credits: what a conversation led to.

A match belongs to one conversation: one side proposes, the other confirms. Time
credits are kept as double-entry movements: a confirmed transfer writes two rows,
``+hours`` for the person who gave the time and ``-hours`` for the one who received
it, so the sum over all movements is always zero.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Match(models.Model):
    conversation = models.OneToOneField(
        "exchange.Conversation",
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="match",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")

    def __str__(self) -> str:
        return str(self.conversation_id)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Feedback(models.Model):
    """One side's answer to "is het gelukt?" about a conversation, after the listing
    closed: with a confirmed match, or (``match`` empty) a conversation in which both
    sides wrote. One answer per person per conversation.

    ``conversation`` is empty only on rows written before it existed, until migration
    0007 fills it in; every answer since has one.
    """

    class Outcome(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    conversation = models.ForeignKey(
        "exchange.Conversation",
        verbose_name=_("conversation"),
        null=True,
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    match = models.ForeignKey(
        Match,
        verbose_name=_("match"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    outcome = models.CharField(_("did it work out?"), max_length=8, choices=Outcome.choices)
    thanks = models.TextField(_("thank-you message"), max_length=1000, blank=True)
    thanks_shown = models.BooleanField(
        _("shown on the receiver's profile"),
        default=False,
        help_text=_("Only when the person thanked agrees."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["match", "author"], name="exchange_feedback_once"),
            models.UniqueConstraint(
                fields=["conversation", "author"], name="exchange_feedback_once_per_conversation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id} · {self.outcome}"


class CreditTransfer(models.Model):
    """Hours one side gave the other in a matched conversation; counted once confirmed."""

    conversation = models.ForeignKey(
        "exchange.Conversation",
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="credit_transfers",
    )
    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gave the time"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received the time"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=2)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("time credit transfer")
        verbose_name_plural = _("time credit transfers")
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="exchange_transfer_positive"),
            models.CheckConstraint(
                condition=~Q(giver=models.F("receiver")), name="exchange_transfer_two_people"
            ),
            models.UniqueConstraint(
                fields=["conversation"],
                condition=Q(confirmed_at__isnull=True),
                name="exchange_one_open_transfer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id} · {self.hours}"


class CreditMovement(models.Model):
    """One leg of a confirmed transfer: +hours for the giver, -hours for the receiver.
    Both legs go with their transfer (a person erased), so the total stays zero."""

    transfer = models.ForeignKey(
        CreditTransfer,
        verbose_name=_("transfer"),
        on_delete=models.CASCADE,
        related_name="movements",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="exchange_credit_movements",
    )
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("time credit movement")
        verbose_name_plural = _("time credit movements")
        constraints = [
            models.CheckConstraint(condition=~Q(hours=0), name="exchange_movement_not_zero"),
            models.UniqueConstraint(
                fields=["transfer", "person"], name="exchange_movement_once_per_leg"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.transfer_id} · {self.hours}"
