"""Check-in codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L),
unique within an activity, and their QR code as an SVG data URI (the
Content-Security-Policy allows ``data:`` images, no inline scripts or styles)."""

import secrets

import segno

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 6


def new_code(taken: set[str]) -> str:
    """A fresh code that is not in ``taken`` (the activity's codes so far)."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _n in range(LENGTH))
        if code not in taken:
            return code


def normalise_code(typed: str) -> str:
    """What someone typed or a scanner sent, as stored: upper case, no spaces or dashes."""
    return "".join(typed.split()).replace("-", "").upper()


def qr_data_uri(code: str) -> str:
    """The QR code of ``code`` as an ``<img src>``: black on white, with its quiet zone."""
    return segno.make(code, micro=False, error="m").svg_data_uri(scale=6, dark="#000")
