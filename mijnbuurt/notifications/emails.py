"""Rendering notifications: titles for the app, e-mails in the recipient's language."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse, translate_url
from django.utils import translation

from .models import Notification
from .registry import get_kind

UNSUBSCRIBE_SALT = "mijnbuurt.notifications.unsubscribe"
SUBJECT_PREFIX = "[Mijn buurt Assen] "


def render_plain(template_name: str, context: dict) -> str:
    """A one-line text (subject, title) without HTML escaping: "Koffie & thee" stays so.

    Pages escape it once where they show it; e-mail subjects are plain text.
    """
    text = get_template(template_name).template.render(Context(context, autoescape=False))
    return " ".join(text.split())


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def unsubscribe_token(*, user_id: int, kinds: list[str]) -> str:
    """A signed token that turns e-mail off for ``kinds``; works without logging in."""
    return signing.dumps({"u": user_id, "k": sorted(set(kinds))}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, list[str]]:
    """The user id and kinds in ``token``; raises ``signing.BadSignature`` when tampered."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise signing.BadSignature("Malformed unsubscribe token.")
    kinds = data.get("k")
    if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
        raise signing.BadSignature("Malformed unsubscribe token.")
    return data["u"], kinds


def notification_title(notification: Notification) -> str:
    """One line that says what happened, in the active language."""
    kind = get_kind(notification.kind)
    return render_plain(kind.subject_template, _template_context(notification))


def _template_context(notification: Notification) -> dict:
    return {**notification.context, "kind": notification.kind}


def localised_path(path: str, language: str) -> str:
    """A stored (Dutch, unprefixed) site path in ``language``: ``/x/`` -> ``/en/x/``."""
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, language)


def link_in_language(link: str, language: str) -> str:
    """A stored link as an absolute URL for a reader of ``language``: a site path (Dutch,
    unprefixed, as ``site_path`` gives) in that language; a full URL as it is."""
    if link.startswith(("http://", "https://")):
        return link
    return absolute_url(localised_path(link, language))


def _link_url(link: str, language: str) -> str:
    if not link:
        return absolute_url(reverse("notifications:list"))
    return link_in_language(link, language)


def _message(*, recipient, subject: str, text: str, html: str, unsubscribe_url: str):
    message = EmailMultiAlternatives(
        subject=SUBJECT_PREFIX + " ".join(subject.split()),
        body=text,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _common_context(*, recipient, kinds: list[str]) -> dict:
    token = unsubscribe_token(user_id=recipient.pk, kinds=kinds)
    return {
        "recipient": recipient,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": absolute_url(reverse("notifications:unsubscribe", args=[token])),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
        "notifications_url": absolute_url(reverse("notifications:list")),
    }


def notification_email(notification: Notification) -> EmailMultiAlternatives:
    """The e-mail for one notification, in its recipient's language."""
    recipient = notification.recipient
    kind = get_kind(notification.kind)
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            **_template_context(notification),
            **_common_context(recipient=recipient, kinds=[kind.name]),
            "link_url": _link_url(notification.link, language),
            "notification": notification,
        }
        return _message(
            recipient=recipient,
            subject=render_plain(kind.subject_template, context),
            text=render_to_string(kind.body_template, context),
            html=render_to_string(kind.html_template, context),
            unsubscribe_url=context["unsubscribe_url"],
        )


def digest_email(*, recipient, notifications: list[Notification]) -> EmailMultiAlternatives:
    """One e-mail that bundles ``notifications``, in the recipient's language."""
    kinds = sorted({n.kind for n in notifications})
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        items = [
            {
                "title": notification_title(n),
                "link_url": _link_url(n.link, language),
                "created_at": n.created_at,
                "kind_label": get_kind(n.kind).label,
            }
            for n in notifications
        ]
        context = {
            **_common_context(recipient=recipient, kinds=kinds),
            "items": items,
            "count": len(items),
        }
        return _message(
            recipient=recipient,
            subject=render_plain("notifications/email/digest_subject.txt", context),
            text=render_to_string("notifications/email/digest_body.txt", context),
            html=render_to_string("notifications/email/digest_body.html", context),
            unsubscribe_url=context["unsubscribe_url"],
        )
