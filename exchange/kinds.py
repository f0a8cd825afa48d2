"""Notification kinds of the exchange (see mijnbuurt/notifications/registry.py).

The texts never say what a message says or who sent it: "you have a new message" and
a link to the conversation, for which the reader logs in.
"""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.notifications.registry import Channel, register_kind

EXCHANGE_MESSAGE = register_kind(
    "exchange_message",
    label=_("New messages about my listings and replies (Vraag en aanbod)"),
    default_channel=Channel.EMAIL,
    template_prefix="exchange/email/message",
)

EXCHANGE_MATCH = register_kind(
    "exchange_match",
    label=_("Matches and time credits to confirm (Vraag en aanbod)"),
    default_channel=Channel.EMAIL,
    template_prefix="exchange/email/match",
)

EXCHANGE_FEEDBACK = register_kind(
    "exchange_feedback",
    label=_('The question "did it work out?" after a listing closed (Vraag en aanbod)'),
    default_channel=Channel.EMAIL,
    template_prefix="exchange/email/feedback",
)

EXCHANGE_MODERATION = register_kind(
    "exchange_moderation",
    label=_("Decisions of the moderators about my listings (Vraag en aanbod)"),
    default_channel=Channel.EMAIL,
    template_prefix="exchange/email/moderation",
)
