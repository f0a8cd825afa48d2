"""Notification kinds of the initiatives app (see mijnbuurt/notifications/registry.py)."""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.notifications.registry import Channel, register_kind

INITIATIVE_STATUS = register_kind(
    "initiative_status",
    label=_("News about initiatives I organise or follow (submitted, approved, completed)"),
    default_channel=Channel.EMAIL,
    template_prefix="initiatives/email/status",
)

INITIATIVE_UPDATE = register_kind(
    "initiative_update",
    label=_("News posted by the organisers of initiatives I follow"),
    default_channel=Channel.DIGEST,
    template_prefix="initiatives/email/update",
)

INITIATIVE_INVITATION = register_kind(
    "initiative_invitation",
    label=_("Invitations to organise an initiative together"),
    default_channel=Channel.EMAIL,
    template_prefix="initiatives/email/invitation",
)

INITIATIVE_GRANT = register_kind(
    "initiative_grant",
    label=_("Decisions on grant requests for initiatives I organise"),
    default_channel=Channel.EMAIL,
    template_prefix="initiatives/email/grant",
)

INITIATIVE_MODERATION = register_kind(
    "initiative_moderation",
    label=_("Decisions of the moderators about what I posted (hidden or shown again)"),
    default_channel=Channel.EMAIL,
    template_prefix="initiatives/email/moderation",
)

INITIATIVE_ACCOUNTABILITY = register_kind(
    "initiative_accountability",
    label=_("Decisions on the accountability report of initiatives I organise"),
    default_channel=Channel.EMAIL,
    template_prefix="initiatives/email/accountability",
)

INITIATIVE_GRANT_REQUESTED = register_kind(
    "initiative_grant_requested",
    label=_("New grant requests waiting for a decision (municipal staff)"),
    default_channel=Channel.DIGEST,
    template_prefix="initiatives/email/grant_requested",
)
