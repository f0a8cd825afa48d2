"""Celery tasks: deliver one notification, sweep up stragglers, send daily digests.

Tasks take ids, re-fetch and are safe to run twice (see delivery.py).
"""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from mijnbuurt.core.redis import redis_is_away, redis_went_away

from .delivery import (
    notification_deliver_email,
    notification_digest_send,
    outgoing_email_deliver_email,
)
from .selectors import digest_recipient_ids, notification_ids_to_sweep, outgoing_email_ids_to_sweep

logger = logging.getLogger(__name__)


def sweep_after() -> timedelta:
    """A pending notification older than this was not delivered on the first attempt
    (broker down, worker lost, SMTP away): the sweeper enqueues it again. That is the one
    retry mechanism, so an outage never piles up retrying tasks."""
    return timedelta(seconds=settings.NOTIFICATION_SWEEP_AFTER_SECONDS)


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
    """Enqueue again each notification and outgoing e-mail pending over ``sweep_after()``."""
    created_before = timezone.now() - sweep_after()
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


# Retries wait 60, 120, 240, 240, 240 s: always less than the broker's visibility
# timeout (300 s), after which Redis would hand the waiting task out a second time.
@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=60,
    retry_backoff_max=240,
    max_retries=5,
)
def notification_digest_user(user_id: int) -> int:
    return notification_digest_send(user_id=user_id)


@shared_task
def notification_digest() -> int:
    """Daily: one digest task per person with waiting items; nobody else gets mail."""
    user_ids = digest_recipient_ids()
    for user_id in user_ids:
        notification_digest_user.delay(user_id)
    return len(user_ids)
