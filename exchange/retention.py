"""Retention of the relay: the messages of a closed listing (done, withdrawn, expired)
are deleted ``EXCHANGE_MESSAGE_RETENTION_DAYS`` after it closed (the listing's last
status change, ``core.StatusChange``). The conversation stays, with its match and time
credits, so the figures (replies are conversations) do not change; its page says the
messages were removed. Deleted in batches, so no transaction holds many rows."""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from mijnbuurt.core.models import StatusChange

from .models import Listing, Message
from .reciprocity import FEEDBACK_STATUSES

log = logging.getLogger(__name__)

BATCH = 1000


def listings_closed_before(cutoff: dt.datetime):
    """Ids of closed listings whose last status change lies before ``cutoff``."""
    closed = Listing.objects.filter(status__in=FEEDBACK_STATUSES).values("pk")
    return (
        StatusChange.objects.filter(
            content_type=ContentType.objects.get_for_model(Listing),
            field="status",
            object_id__in=closed,
        )
        .values("object_id")
        .annotate(last=Max("at"))
        .filter(last__lt=cutoff)
        .values("object_id")
    )


def messages_expire(*, now: dt.datetime | None = None, batch: int = BATCH) -> int:
    """Delete the messages of listings closed longer than the retention period, ``batch``
    at a time; returns how many went. Safe to run twice (the second deletes nothing)."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.EXCHANGE_MESSAGE_RETENTION_DAYS)
    due = Message.objects.filter(conversation__listing_id__in=listings_closed_before(cutoff))
    deleted = 0
    while True:
        ids = list(due.order_by("pk").values_list("pk", flat=True)[:batch])
        if not ids:
            break
        with transaction.atomic():
            count, _rows = Message.objects.filter(pk__in=ids).delete()
        deleted += count
    if deleted:
        log.info("exchange retention: %s messages deleted", deleted)
    return deleted


def messages_removed(conversation, messages) -> bool:
    """The conversation had messages (it starts with one) and none are left: retention
    removed them."""
    return conversation.last_message_at is not None and not messages
