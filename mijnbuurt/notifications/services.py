"""Notification services: notify, read, choose e-mail channels, unsubscribe, personal data."""

from functools import partial

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError

from .delivery import DELIVERY_FOR_CHANNEL
from .emails import notification_title, read_unsubscribe_token
from .models import Notification, NotificationPreference, OutgoingEmail
from .registry import Channel, Kind, all_kinds, get_kind
from .selectors import notification_channel
from .tasks import enqueue_delivery, enqueue_outgoing_email


def notify(
    *,
    recipient: User,
    kind: str,
    context: dict,
    url_name: str = "",
    url_kwargs: dict | None = None,
    query: dict | None = None,
    anchor: str = "",
    once_key: str = "",
) -> Notification | None:
    """Write a notification in the caller's transaction; e-mail it after commit.

    ``context`` (JSON) is what the kind's templates get. The link is given by URL name
    (``url_name="initiatives:detail", url_kwargs={"pk": 1}, anchor="reacties"``) and
    stored as a path in the site's language, whatever language the actor browses in;
    the e-mail, the digest and the notifications page show it in the reader's language.
    With ``once_key``, a second notification with the same key is not written (returns
    None), also when two workers try at the same moment. A rolled-back change sends nothing.
    """
    spec = get_kind(kind)
    channel = notification_channel(user=recipient, kind=spec)
    fields = {
        "recipient": recipient,
        "kind": spec.name,
        "context": context,
        "link": site_path(url_name, kwargs=url_kwargs, query=query, anchor=anchor),
        "delivery": DELIVERY_FOR_CHANNEL[channel],
    }
    if once_key:
        try:
            with transaction.atomic():
                notification = Notification.objects.create(once_key=once_key, **fields)
        except IntegrityError:
            return None  # written before, or by another worker just now
    else:
        notification = Notification.objects.create(**fields)
    if notification.delivery == Notification.Delivery.PENDING:
        transaction.on_commit(partial(enqueue_delivery, notification.pk))
    return notification


def site_path(
    url_name: str, *, kwargs: dict | None = None, query: dict | None = None, anchor: str = ""
) -> str:
    """A path in the site's language (no /en/ prefix); "" without ``url_name``."""
    if not url_name:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(url_name, kwargs=kwargs)
    if query:
        path += "?" + urlencode(query)
    if anchor:
        path += "#" + anchor.removeprefix("#")
    return path


def outgoing_email_queue(
    *, to: str, subject_template: str, body_template: str, context: dict, language: str
) -> OutgoingEmail:
    """Write an e-mail to an address without an account in the caller's transaction.

    Rendered now in ``language``; sent after commit by the same worker, retries and
    sweeper as notifications. A rolled-back change sends nothing.
    """
    with translation.override(language):
        subject = render_to_string(subject_template, context)
        body = render_to_string(body_template, context)
    return outgoing_email_write(to=to, subject=subject, body=body)


def outgoing_email_write(*, to: str, subject: str, body: str) -> OutgoingEmail:
    """Write an e-mail rendered elsewhere (allauth's account e-mails) to the outbox.

    Sent after commit by the worker, like every other message: a request never waits
    on the mail server, and an outage is retried by the sweeper.
    """
    email = OutgoingEmail.objects.create(to=to, subject=" ".join(subject.split())[:300], body=body)
    transaction.on_commit(partial(enqueue_outgoing_email, email.pk))
    return email


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notification_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def notification_preferences_update(*, user: User, channels: dict[str, str]) -> None:
    """Store ``user``'s e-mail channel per kind (``{kind name: channel}``)."""
    for name, channel in channels.items():
        kind = get_kind(name)
        if channel not in Channel.values:
            raise ServiceError(_("Choose one of the options."), code="invalid_channel")
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind.name, defaults={"channel": channel}
        )


@transaction.atomic
def notification_unsubscribe(*, token: str) -> list[Kind]:
    """Turn e-mail off for the kinds in a signed unsubscribe token; returns those kinds."""
    error = ServiceError(
        _("This unsubscribe link is not valid. Nothing was changed."), code="bad_token"
    )
    try:
        user_id, names = read_unsubscribe_token(token)
    except signing.BadSignature:
        raise error from None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    kinds = [kind for kind in all_kinds() if kind.name in names]
    if user is None or not kinds:
        raise error
    notification_preferences_update(user=user, channels={kind.name: Channel.OFF for kind in kinds})
    return kinds


def notifications_personal_data_export(user: User) -> dict:
    """The notifications section of "download my data"."""
    return {
        "preferences": [
            {"kind": kind, "channel": channel}
            for kind, channel in NotificationPreference.objects.filter(user=user)
            .order_by("kind")
            .values_list("kind", "channel")
        ],
        "notifications": [
            {
                "kind": n.kind,
                "title": notification_title(n),
                "link": n.link,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
                "emailed_at": n.delivered_at.isoformat() if n.delivered_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("created_at", "pk")
        ],
    }


def notifications_personal_data_erase(user: User) -> None:
    """A deleted account keeps no notifications and no preferences."""
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
