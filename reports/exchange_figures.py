"""Vraag en aanbod in the wijkanalyse: listings placed, replies (conversations started),
matches confirmed, the match rate (matches per reply) and the median hours from placing
a listing to its first reply, per row (wijk, or buurt of the chosen wijk), per month
and in all. Counts only; the exchange computes them (``exchange.figures``, six queries
whatever the data size), kept in the cache until listings, conversations or matches
change (``reports.cache``)."""

from decimal import Decimal

from exchange.figures import exchange_figures

from .cache import EXCHANGE, cached
from .scope import Scope

COUNTS = ("listings", "replies", "matches")


def _rate(matches, replies) -> Decimal | None:
    if not replies:
        return None
    return (Decimal(100) * matches / replies).quantize(Decimal("0.1"))


def _values(counts: dict, median) -> dict:
    values = {f"exchange_{name}": counts.get(name, 0) for name in COUNTS}
    values["exchange_match_rate"] = _rate(counts.get("matches", 0), counts.get("replies", 0))
    values["exchange_first_reply"] = median
    return values


def exchange_values(scope: Scope) -> tuple[dict, dict, dict]:
    """({row id: values}, {month number: values}, values in all), the values keyed
    ``exchange_listings``, ``exchange_replies``, ``exchange_matches``,
    ``exchange_match_rate`` and ``exchange_first_reply`` (hours)."""
    found = cached(
        "exchange",
        scope,
        lambda: exchange_figures(start=scope.start, end=scope.end, wijk_id=scope.wijk_id),
        group=EXCHANGE,
    )
    by_row: dict = {}
    by_month: dict = {}
    for (row, month), counts in found["rows"].items():
        for target, key in ((by_row, row), (by_month, month.month)):
            summed = target.setdefault(key, dict.fromkeys(COUNTS, 0))
            for name in COUNTS:
                summed[name] += counts[name]
    medians_per_month = {
        month.month: hours for month, hours in found["median_first_reply_per_month"].items()
    }
    return (
        {row: _values(c, found["median_first_reply"].get(row)) for row, c in by_row.items()},
        {m: _values(c, medians_per_month.get(m)) for m, c in by_month.items()},
        _values(found["total"], found["total"]["median_first_reply"]),
    )


def add_exchange(scope: Scope, per_wijk: dict, per_month: dict, total) -> None:
    """Put the exchange's figures into the dashboard's rows (zero where nothing happened)."""
    by_row, by_month, overall = exchange_values(scope)
    empty = _values({}, None)
    for rows, target in ((by_row, per_wijk), (by_month, per_month)):
        for key, figures in target.items():
            figures.values.update(rows.get(key) or empty)
    total.values.update(overall)
