"""Notification kinds of activities (see mijnbuurt/notifications/registry.py).

Subjects name no activity and no person: the reader follows the link to see more.
"""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.notifications.registry import Channel, register_kind

ACTIVITY_PLACE = register_kind(
    "activity_place",
    label=_("A place came free for an activity I am on the waiting list for"),
    default_channel=Channel.EMAIL,
    template_prefix="activities/email/place",
)

ACTIVITY_CANCELLED = register_kind(
    "activity_cancelled",
    label=_("An activity I registered for is cancelled"),
    default_channel=Channel.EMAIL,
    template_prefix="activities/email/cancelled",
)

ACTIVITY_REMINDER = register_kind(
    "activity_reminder",
    label=_("A reminder the day before an activity I registered for"),
    default_channel=Channel.EMAIL,
    template_prefix="activities/email/reminder",
)

# What the organisers wrote is in the body only; the subject says nothing of it.
ACTIVITY_MESSAGE = register_kind(
    "activity_message",
    label=_("A message from the organisers of an activity I registered for"),
    default_channel=Channel.EMAIL,
    template_prefix="activities/email/message",
)
