"""Reads: my notifications, unread counts, e-mail choices, work for the tasks."""

from datetime import datetime

from django.db.models import QuerySet

from .models import Notification, NotificationPreference, OutgoingEmail
from .registry import Kind, all_kinds, get_kind


def notifications_for_user(*, user) -> QuerySet[Notification]:
    """A person's notifications, newest first (the rows carry everything the list shows)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_channel(*, user, kind: Kind | str) -> str:
    """The e-mail channel ``user`` chose for ``kind``, or the kind's default."""
    kind = get_kind(kind) if isinstance(kind, str) else kind
    chosen = (
        NotificationPreference.objects.filter(user=user, kind=kind.name)
        .values_list("channel", flat=True)
        .first()
    )
    return chosen or kind.default_channel


def notification_channels(*, user) -> dict[str, str]:
    """Every registered kind's channel for ``user``, in one query."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {kind.name: chosen.get(kind.name, kind.default_channel) for kind in all_kinds()}


def notification_ids_to_sweep(*, created_before: datetime, limit: int = 1000) -> list[int]:
    """Notifications that should have been e-mailed by now but are still pending."""
    return list(
        Notification.objects.filter(
            delivery=Notification.Delivery.PENDING, created_at__lt=created_before
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )


def outgoing_email_ids_to_sweep(*, created_before: datetime, limit: int = 1000) -> list[int]:
    """Outgoing e-mails that should have been sent by now but are still pending."""
    return list(
        OutgoingEmail.objects.filter(
            delivery=OutgoingEmail.Delivery.PENDING, created_at__lt=created_before
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )


def digest_recipient_ids() -> list[int]:
    """People with notifications waiting for the daily digest."""
    return list(
        Notification.objects.filter(delivery=Notification.Delivery.DIGEST)
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
