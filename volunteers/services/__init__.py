from .signups import can_cancel_own, shift_sign_up, signup_cancel

__all__ = [
    "can_cancel_own",
    "shift_sign_up",
    "signup_cancel",
]
