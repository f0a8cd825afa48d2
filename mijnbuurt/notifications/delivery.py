"""Sending e-mail for notifications: one at once, or a person's daily digest.

Both lock the rows they send inside a transaction (``select_for_update`` with
``skip_locked`` on PostgreSQL; SQLite serialises writing transactions), so a second
attempt at the same work finds nothing left to do and sends nothing. When sending
fails, the transaction rolls back and the rows stay waiting for the next attempt.
"""

import logging
import smtplib

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .emails import SUBJECT_PREFIX, digest_email, notification_email
from .models import Notification, OutgoingEmail
from .registry import Channel
from .selectors import notification_channel, notification_channels

logger = logging.getLogger(__name__)

Delivery = Notification.Delivery
# After this many failed sends (SMTP refusing, e.g. an address that no longer
# exists) a notification is set aside as failed; it stays visible in the app.
MAX_FAILED_ATTEMPTS = 20
DELIVERY_FOR_CHANNEL = {
    Channel.EMAIL: Delivery.PENDING,
    Channel.DIGEST: Delivery.DIGEST,
    Channel.OFF: Delivery.SKIPPED,
}


# The server refused this message (an address that does not exist, content refused).
# Other failures (no connection, the server went away, a time-out) are outages: they
# say nothing about the message, so they never count towards giving up on it.
MESSAGE_REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def notification_deliver_email(*, notification_id: int) -> bool:
    """E-mail one pending notification; True when this call sent it.

    A failed send leaves the notification pending for the sweeper. A refusal of the
    message is counted; after ``MAX_FAILED_ATTEMPTS`` refusals it is set aside.
    """
    try:
        return _deliver(notification_id)
    except MESSAGE_REFUSED:
        _count_failure(notification_id)
        raise


def _count_failure(notification_id: int, model=Notification) -> None:
    pending = model.objects.filter(pk=notification_id, delivery=Delivery.PENDING)
    pending.update(failed_attempts=F("failed_attempts") + 1)
    if pending.filter(failed_attempts__gte=MAX_FAILED_ATTEMPTS).update(delivery=Delivery.FAILED):
        logger.error(
            "Gave up e-mailing %s %s after %d failed attempts.",
            model._meta.model_name,
            notification_id,
            MAX_FAILED_ATTEMPTS,
        )


def _deliver(notification_id: int) -> bool:
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, delivery=Delivery.PENDING)
            .first()
        )
        if notification is None:
            return False  # already sent, set aside, or being sent by another worker
        recipient = notification.recipient
        channel = notification_channel(user=recipient, kind=notification.kind)
        if not recipient.is_active:
            channel = Channel.OFF
        if channel != Channel.EMAIL:
            notification.delivery = DELIVERY_FOR_CHANNEL[channel]
            notification.save(update_fields=["delivery"])
            return False
        notification_email(notification).send()
        notification.delivery = Delivery.SENT
        notification.delivered_at = timezone.now()
        notification.save(update_fields=["delivery", "delivered_at"])
    return True


def outgoing_email_deliver_email(*, email_id: int) -> bool:
    """Send one pending outgoing e-mail; True when this call sent it (as notifications)."""
    try:
        return _deliver_outgoing(email_id)
    except MESSAGE_REFUSED:
        _count_failure(email_id, OutgoingEmail)
        raise


def _deliver_outgoing(email_id: int) -> bool:
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, delivery=Delivery.PENDING)
            .first()
        )
        if email is None:
            return False  # already sent, set aside, or being sent by another worker
        EmailMessage(subject=SUBJECT_PREFIX + email.subject, body=email.body, to=[email.to]).send()
        email.delivery = Delivery.SENT
        email.delivered_at = timezone.now()
        email.body = ""  # sent: the text (sign-in and reset links among them) is not kept
        email.save(update_fields=["delivery", "delivered_at", "body"])
    return True


def notification_digest_send(*, user_id: int) -> int:
    """E-mail one person's waiting digest items in one message; returns how many."""
    with transaction.atomic():
        notifications = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(recipient_id=user_id, delivery=Delivery.DIGEST)
            .order_by("created_at", "pk")
        )
        if not notifications:
            return 0
        recipient = notifications[0].recipient
        channels = notification_channels(user=recipient)
        to_send = [
            n
            for n in notifications
            if recipient.is_active and channels.get(n.kind) in (Channel.DIGEST, Channel.EMAIL)
        ]
        if to_send:
            digest_email(recipient=recipient, notifications=to_send).send()
        now = timezone.now()
        Notification.objects.filter(pk__in=[n.pk for n in to_send]).update(
            delivery=Delivery.SENT, delivered_at=now
        )
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).exclude(
            pk__in=[n.pk for n in to_send]
        ).update(delivery=Delivery.SKIPPED)
    return len(to_send)
