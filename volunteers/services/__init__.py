from .signups import (
    can_cancel_own,
    cancellation_deadline,
    shift_sign_up,
    signup_cancel,
    signup_check,
    waitlist_promote,
)

__all__ = [
    "can_cancel_own",
    "cancellation_deadline",
    "shift_sign_up",
    "signup_cancel",
    "signup_check",
    "waitlist_promote",
]
