"""Figures of Vraag en aanbod for the reports (the wijkanalyse reads them): per wijk
and per month the listings placed, the replies (conversations started), the matches
confirmed and the match rate (matches per reply), and the median time from placing a
listing to its first reply. Counts only; nothing that names a person is selected.

A few grouped queries whatever the data size: one per count, one per median.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import Coalesce, TruncMonth

from mijnbuurt.core.aggregates import median, median_per

from .matches import Match
from .models import Conversation, Listing

TO_FIRST_REPLY = ExpressionWrapper(
    F("created_at") - F("listing__created_at"), output_field=DurationField()
)


def _wijk(path: str, wijk_id: int | None = None):
    """The row a listing counts in: its wijk; with ``wijk_id``, its buurt (or the wijk)."""
    if wijk_id is not None:
        return F(f"{path}neighbourhood_id")
    return Coalesce(f"{path}neighbourhood__wijk_id", f"{path}neighbourhood_id")


def _located(path: str, wijk_id: int | None) -> Q:
    if wijk_id is None:
        return Q()
    return Q(**{f"{path}neighbourhood_id": wijk_id}) | Q(
        **{f"{path}neighbourhood__wijk_id": wijk_id}
    )


def _counted(queryset, *, path: str, when: str, name: str, start, end, wijk_id=None) -> dict:
    rows = (
        queryset.filter(**{f"{when}__gte": start, f"{when}__lt": end})
        .filter(_located(path, wijk_id))
        .values(wijk=_wijk(path, wijk_id), month=TruncMonth(when))
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["wijk"], _day(row["month"])): {name: row["n"]} for row in rows}


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _rate(matches: int, replies: int) -> Decimal | None:
    if not replies:
        return None
    return (Decimal(100) * matches / replies).quantize(Decimal("0.1"))


def _hours(duration: dt.timedelta | None) -> Decimal | None:
    if duration is None:
        return None
    return (Decimal(str(duration.total_seconds())) / 3600).quantize(Decimal("0.1"))


def first_replies():
    """Each listing's first conversation (no earlier one about the same listing)."""
    earlier = Conversation.objects.filter(
        listing=OuterRef("listing"), created_at__lt=OuterRef("created_at")
    )
    return Conversation.objects.filter(~Exists(earlier))


def exchange_figures(*, start: dt.datetime, end: dt.datetime, wijk_id: int | None = None) -> dict:
    """Figures of listings placed in [start, end) (replies and matches by their own date).

    ``rows``: {(wijk id, first day of the month): {"listings", "replies", "matches",
    "match_rate"}}; ``median_first_reply``: {wijk id: hours};
    ``median_first_reply_per_month``: {first day of the month: hours}; ``total``: the
    same over all wijken, with ``median_first_reply`` in hours. With ``wijk_id``, only
    what lies in that wijk, a row per buurt (and one for the wijk as a whole).

    Replies are conversations (and the first reply a conversation's start), so the
    figures stay the same once the messages are deleted (``exchange.retention``).
    """
    period = {"start": start, "end": end, "wijk_id": wijk_id}
    parts = [
        _counted(Listing.objects, path="", when="created_at", name="listings", **period),
        _counted(
            Conversation.objects,
            path="listing__",
            when="created_at",
            name="replies",
            **period,
        ),
        _counted(
            Match.objects.filter(confirmed_at__isnull=False),
            path="conversation__listing__",
            when="confirmed_at",
            name="matches",
            **period,
        ),
    ]
    rows: dict = {}
    for part in parts:
        for key, values in part.items():
            rows.setdefault(key, {"listings": 0, "replies": 0, "matches": 0}).update(values)
    for values in rows.values():
        values["match_rate"] = _rate(values["matches"], values["replies"])
    total = {
        name: sum(v[name] for v in rows.values()) for name in ("listings", "replies", "matches")
    }
    total["match_rate"] = _rate(total["matches"], total["replies"])
    answered = first_replies().filter(
        _located("listing__", wijk_id),
        listing__created_at__gte=start,
        listing__created_at__lt=end,
    )
    by_wijk = median_per(answered, TO_FIRST_REPLY, key=_wijk("listing__", wijk_id))
    by_month = median_per(answered, TO_FIRST_REPLY, key=TruncMonth("listing__created_at"))
    total["median_first_reply"] = _hours(median(answered, TO_FIRST_REPLY))
    return {
        "rows": rows,
        "median_first_reply": {wijk: _hours(value) for wijk, value in by_wijk.items()},
        "median_first_reply_per_month": {
            _day(month): _hours(value) for month, value in by_month.items()
        },
        "total": total,
    }
