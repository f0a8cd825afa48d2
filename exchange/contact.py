"""Does a message carry contact details (a phone number or an e-mail address)?

The relay never shows anyone's contact details; people may share them in a message,
but the form asks them to confirm first.
"""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Nine or more digits, possibly split by spaces, dashes, dots or brackets, optionally
# after + or 00: Dutch (06-12345678, 0592 123 456) and international numbers.
PHONE = re.compile(r"(?:\+|\b00|\b0)?\d(?:[\s\-.()]{0,2}\d){8,}")


def contains_contact_details(text: str) -> bool:
    return bool(EMAIL.search(text) or PHONE.search(text))
