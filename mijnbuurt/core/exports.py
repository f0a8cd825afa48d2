"""Cells for spreadsheet downloads (CSV and Excel), safe to open.

A spreadsheet reads a text cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a
tab or carriage return before one) as a formula: a name like
``=HYPERLINK("http://...")`` would become a live link in the download (CSV or formula
injection). As OWASP advises, such text gets a single quote in front, which
spreadsheets take as "this is text". Numbers stay numbers, negative ones included:
only text is touched. Every export writes its cells through ``spreadsheet_cell``.
"""

import datetime as dt
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def neutralise_formula(text: str) -> str:
    """``text`` with a single quote in front if a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_cell(value):
    """A value ready for a CSV row or an Excel cell: numbers as numbers, the rest as text."""
    if value is None or isinstance(value, (bool, int, float, dt.date, dt.time)):
        return value
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return neutralise_formula(str(value))
