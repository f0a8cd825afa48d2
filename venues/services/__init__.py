"""Writes and rules of venues; see the modules for each group."""

from .bookings import (
    booking_approve,
    booking_cancel,
    booking_decline,
    booking_preview,
    booking_request,
    booking_series_cancel,
)
from .management import (
    closure_add,
    closure_remove,
    opening_hours_add,
    opening_hours_remove,
    room_calendar_renew,
    room_save,
    user_calendar_renew,
    venue_manager_add,
    venue_manager_remove,
    venue_update,
)

__all__ = [
    "booking_approve",
    "booking_cancel",
    "booking_decline",
    "booking_preview",
    "booking_request",
    "booking_series_cancel",
    "closure_add",
    "closure_remove",
    "opening_hours_add",
    "opening_hours_remove",
    "room_calendar_renew",
    "room_save",
    "user_calendar_renew",
    "venue_manager_add",
    "venue_manager_remove",
    "venue_update",
]
