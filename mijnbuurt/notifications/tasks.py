"""Celery tasks: deliver one notification, sweep up stragglers, send daily digests.

Tasks take ids, re-fetch and are safe to run twice (see delivery.py).
"""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from mijnbuurt.core.redis import redis_is_away, redis_went_away

from .delivery import (
    notification_deliver_email,
    notification_digest_send,
    outgoing_email_deliver_email,
)
from .selectors import digest_recipient_ids, notification_ids_to_sweep, outgoing_email_ids_to_sweep

logger = logging.getLogger(__name__)

# A pending notification older than this was not delivered on the first attempt
# (broker down, worker lost, SMTP away): the sweeper, every minute, enqueues it again.
# That is the one retry mechanism, so an outage never piles up retrying tasks.
SWEEP_AFTER = timedelta(minutes=1)


@shared_task
def notification_deliver(notification_id: int) -> bool:
    """E-mail one notification; when sending fails it stays pending for the sweeper."""
    try:
        return notification_deliver_email(notification_id=notification_id)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning(
            "E-mailing notification %s failed (%s); the sweeper tries again.",
            notification_id,
            type(error).__name__,
        )
        return False


@shared_task
def outgoing_email_deliver(email_id: int) -> bool:
    """Send one outgoing e-mail; when sending fails it stays pending for the sweeper."""
    try:
        return outgoing_email_deliver_email(email_id=email_id)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning(
            "Sending outgoing e-mail %s failed (%s); the sweeper tries again.",
            email_id,
            type(error).__name__,
        )
        return False


def enqueue_outgoing_email(email_id: int) -> None:
    """Hand an outgoing e-mail to the workers; as ``enqueue_delivery``."""
    _enqueue(outgoing_email_deliver, email_id, "outgoing e-mail")


def enqueue_delivery(notification_id: int) -> None:
    """Hand a notification to the workers; if the broker is unreachable, leave it pending.

    Runs after the causing transaction committed. The request that caused the
    notification must still succeed, within about a second, when Redis is down or
    hangs: publishing tries once, and not at all while Redis is known to be away
    (``mijnbuurt.core.redis``); the row stays pending and the sweeper sends it later.
    """
    _enqueue(notification_deliver, notification_id, "notification")


def _enqueue(task, pk: int, what: str) -> None:
    if redis_is_away():
        logger.warning("Redis is away; %s %s stays pending for the sweeper.", what, pk)
        return
    try:
        task.delay(pk)
    except Exception:
        redis_went_away()
        logger.warning(
            "Could not enqueue %s %s; it stays pending for the sweeper.", what, pk, exc_info=True
        )


@shared_task
def notification_sweep() -> int:
    """Enqueue again every notification and outgoing e-mail still pending after ``SWEEP_AFTER``."""
    created_before = timezone.now() - SWEEP_AFTER
    ids = notification_ids_to_sweep(created_before=created_before)
    for notification_id in ids:
        enqueue_delivery(notification_id)
    email_ids = outgoing_email_ids_to_sweep(created_before=created_before)
    for email_id in email_ids:
        enqueue_outgoing_email(email_id)
    if ids or email_ids:
        logger.info(
            "Re-enqueued %d undelivered notifications and e-mails.", len(ids) + len(email_ids)
        )
    return len(ids) + len(email_ids)


@shared_task(autoretry_for=(smtplib.SMTPException, OSError), retry_backoff=60, max_retries=5)
def notification_digest_user(user_id: int) -> int:
    return notification_digest_send(user_id=user_id)


@shared_task
def notification_digest() -> int:
    """Daily: one digest task per person with waiting items; nobody else gets mail."""
    user_ids = digest_recipient_ids()
    for user_id in user_ids:
        notification_digest_user.delay(user_id)
    return len(user_ids)
