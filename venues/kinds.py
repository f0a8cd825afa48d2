"""Notification kinds of venue bookings (declared in mijnbuurt.notifications' registry)."""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.notifications.registry import Channel, register_kind

BOOKING_REQUESTED = register_kind(
    "venue_booking_requested",
    label=_("Someone requests a room in a venue I manage"),
    default_channel=Channel.EMAIL,
    template_prefix="venues/email/booking_requested",
)
BOOKING_APPROVED = register_kind(
    "venue_booking_approved",
    label=_("My room booking is approved"),
    default_channel=Channel.EMAIL,
    template_prefix="venues/email/booking_approved",
)
BOOKING_DECLINED = register_kind(
    "venue_booking_declined",
    label=_("My room booking is declined"),
    default_channel=Channel.EMAIL,
    template_prefix="venues/email/booking_declined",
)
BOOKING_CANCELLED = register_kind(
    "venue_booking_cancelled",
    label=_("A room booking is cancelled by the other side"),
    default_channel=Channel.EMAIL,
    template_prefix="venues/email/booking_cancelled",
)
MANAGER_ADDED = register_kind(
    "venue_manager_added",
    label=_("I am made a manager of a venue"),
    default_channel=Channel.EMAIL,
    template_prefix="venues/email/manager_added",
)
BOOKING_REMINDER = register_kind(
    "venue_booking_reminder",
    label=_("A reminder the day before my room booking"),
    default_channel=Channel.EMAIL,
    template_prefix="venues/email/booking_reminder",
)
BOOKINGS_TOMORROW = register_kind(
    "venue_bookings_tomorrow",
    label=_("Every afternoon: tomorrow's bookings in the venues I manage"),
    default_channel=Channel.EMAIL,
    template_prefix="venues/email/bookings_tomorrow",
)
