"""Notification kinds of volunteering (declared in mijnbuurt.notifications' registry)."""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.notifications.registry import Channel, register_kind

SHIFT_PROMOTED = register_kind(
    "volunteer_shift_promoted",
    label=_("A place frees up in a shift I am on the waiting list for"),
    default_channel=Channel.EMAIL,
    template_prefix="volunteers/email/shift_promoted",
)
SIGNUP_CANCELLED = register_kind(
    "volunteer_signup_cancelled",
    label=_("An organiser cancels my sign-up for a shift"),
    default_channel=Channel.EMAIL,
    template_prefix="volunteers/email/signup_cancelled",
)
SHIFT_REMINDER = register_kind(
    "volunteer_shift_reminder",
    label=_("A reminder the day before a shift I signed up for"),
    default_channel=Channel.EMAIL,
    template_prefix="volunteers/email/shift_reminder",
)
NEW_SIGNUP = register_kind(
    "volunteer_new_signup",
    label=_("Someone signs up for a task I organise"),
    default_channel=Channel.DIGEST,
    template_prefix="volunteers/email/new_signup",
)
HOURS_CONFIRMED = register_kind(
    "volunteer_hours_confirmed",
    label=_("An organiser confirms or corrects my volunteer hours"),
    default_channel=Channel.DIGEST,
    template_prefix="volunteers/email/hours_confirmed",
)
TASK_INVITATION = register_kind(
    "volunteer_task_invitation",
    label=_("An organiser invites me to a volunteer task"),
    default_channel=Channel.EMAIL,
    template_prefix="volunteers/email/task_invitation",
)
NEW_SUGGESTIONS = register_kind(
    "volunteer_new_suggestions",
    label=_("Weekly: new volunteer tasks that suit me"),
    default_channel=Channel.EMAIL,
    template_prefix="volunteers/email/new_suggestions",
)
HANDOVER_CONFIRMED = register_kind(
    "volunteer_handover_confirmed",
    label=_("An area team confirms me as the volunteer for someone who asked for help"),
    default_channel=Channel.EMAIL,
    template_prefix="volunteers/email/handover_confirmed",
)
TRUSTED_BY_TEAM = register_kind(
    "volunteer_trusted_by_team",
    label=_("An area team adds me to the volunteers it trusts"),
    default_channel=Channel.EMAIL,
    template_prefix="volunteers/email/trusted_by_team",
)
