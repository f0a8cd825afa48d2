"""Numbers read from a request (query string or form field), range-checked.

``int()`` accepts any length of digits, and a number too large for a date or a
database column then fails deep inside with a 500. Views read numbers from
``request.GET`` and ``request.POST`` through these functions instead: a value that is
not a number, or out of range, becomes the caller's default (``None`` for an id).
"""

import re
from functools import wraps

from django.http import HttpResponseRedirect

# Ids are BigAutoField: a signed 64-bit integer.
MAX_ID = 2**63 - 1
# Years a page may show (a calendar month, a certificate); date() itself ends at 9999.
FIRST_YEAR = 2000
LAST_YEAR = 2100


def int_param(raw, *, minimum: int, maximum: int, default: int | None = None) -> int | None:
    """``raw`` as an int within ``minimum``..``maximum``, else ``default``."""
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):  # also digits beyond Python's conversion limit
        return default
    return value if minimum <= value <= maximum else default


def id_param(raw) -> int | None:
    """A database id from the request, or None."""
    return int_param(raw, minimum=1, maximum=MAX_ID)


def month_param(raw, *, default: tuple[int, int]) -> tuple[int, int]:
    """``YYYY-MM`` as (year, month) with a year from 2000 to 2100, else ``default``."""
    parts = str(raw or "").split("-")
    if len(parts) != 2:
        return default
    year = int_param(parts[0], minimum=FIRST_YEAR, maximum=LAST_YEAR)
    month = int_param(parts[1], minimum=1, maximum=12)
    if year is None or month is None:
        return default
    return year, month


DRILLDOWN_PARAM = re.compile(r"__(year|month|day)$")
DRILLDOWN_RANGES = {"year": (1, 9998), "month": (1, 12), "day": (1, 31)}


def date_drilldown_checked(view):
    """The admin's date drill-down (``?start__year=...``) with numbers it can handle.

    Django's change list computes the end of the chosen year, month or day: for year
    9999, or a year too large for a date, that fails with a 500. Such a link gets the
    admin's own answer to a bad filter instead (``?e=1``: the list with a notice).
    """

    @wraps(view)
    def checked(request, *args, **kwargs):
        for key, values in request.GET.lists():
            match = DRILLDOWN_PARAM.search(key)
            if match is None:
                continue
            low, high = DRILLDOWN_RANGES[match.group(1)]
            if any(int_param(v, minimum=low, maximum=high) is None for v in values):
                return HttpResponseRedirect(f"{request.path}?e=1")
        return view(request, *args, **kwargs)

    return checked
