"""Notification kinds of help requests (see mijnbuurt/notifications/registry.py).

Help requests hold special personal data: the texts of these kinds never say anything
about a request. The resident gets "you have a new message about your request" and a
link; the team gets a link to the queue or the request; coordinators get counts.
"""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.notifications.registry import Channel, register_kind

HELP_REQUEST_NEWS = register_kind(
    "help_request_news",
    label=_("News about my help requests"),
    default_channel=Channel.EMAIL,
    template_prefix="helprequests/email/news",
)

HELP_REQUEST_TEAM = register_kind(
    "help_request_team",
    label=_("New help requests and replies for my area team"),
    default_channel=Channel.EMAIL,
    template_prefix="helprequests/email/team",
)

HELP_REQUEST_OVERDUE = register_kind(
    "help_request_overdue",
    label=_("Daily count of overdue help requests (team coordinators)"),
    default_channel=Channel.EMAIL,
    template_prefix="helprequests/email/overdue",
)
