"""Activity services: every write of the app goes through here, split by subject:
activities (plan, change, cancel), registrations (register, cancel, the waiting list),
attendance (check-in at the door), organisers (a message to everyone with a place, the
report afterwards)."""

from .activities import DETAILS, activity_cancel, activity_create, activity_update
from .attendance import registration_check_in, registration_check_in_undo
from .organisers import activity_message_send, activity_report_save
from .registrations import registration_cancel, registration_create

__all__ = [
    "DETAILS",
    "activity_cancel",
    "activity_create",
    "activity_message_send",
    "activity_report_save",
    "activity_update",
    "registration_cancel",
    "registration_check_in",
    "registration_check_in_undo",
    "registration_create",
]
