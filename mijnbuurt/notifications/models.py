"""Notifications (an outbox per person) and each person's e-mail choice per kind."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .registry import Channel


class Notification(models.Model):
    class Delivery(models.TextChoices):
        PENDING = "pending", _("Waiting to be e-mailed")
        DIGEST = "digest", _("Waiting for the daily digest")
        SENT = "sent", _("E-mailed")
        SKIPPED = "skipped", _("Not e-mailed")
        FAILED = "failed", _("E-mail failed, given up")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=64)
    context = models.JSONField(_("context"), default=dict, blank=True)
    # A site path in the site's language (Dutch, no prefix); e-mails and the app show
    # it in the reader's language (emails.localised_path). notify() builds it.
    link = models.CharField(_("link"), max_length=500, blank=True)
    # Set for messages that go out once only (a reminder per sign-up, a list per day):
    # the second writer of the same key gets an IntegrityError and sends nothing.
    once_key = models.CharField(_("sent once for"), max_length=200, blank=True)
    delivery = models.CharField(
        _("e-mail delivery"), max_length=16, choices=Delivery, default=Delivery.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("failed e-mail attempts"), default=0)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notif_recipient_created"),
            models.Index(fields=["delivery", "created_at"], name="notif_delivery_created"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["once_key"], condition=~models.Q(once_key=""), name="notif_once_key_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class OutgoingEmail(models.Model):
    """An e-mail that is no notification, sent via the outbox: an invitation to an
    address without an account, or one of allauth's account e-mails (verification,
    password reset; ``accounts/adapter.py``).

    Rendered when written, in the caller's transaction; delivered by the same tasks,
    retries and sweeper as notifications (delivery.py, tasks.py). Once sent, only the
    address, subject and times are kept: the text is cleared.
    """

    Delivery = Notification.Delivery

    to = models.EmailField(_("e-mail address"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    delivery = models.CharField(
        _("e-mail delivery"), max_length=16, choices=Delivery, default=Delivery.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("failed e-mail attempts"), default=0)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(fields=["delivery", "created_at"], name="outgoing_delivery_created"),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=64)
    channel = models.CharField(_("e-mail"), max_length=16, choices=Channel)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notif_pref_user_kind_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.channel}"
