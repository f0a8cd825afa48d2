"""Medians of a duration, per group and overall, in three queries on every database.

PostgreSQL computes them itself with ``percentile_cont(0.5)`` (the ordered-set
aggregate; it averages the two middle values of an even count). SQLite has no
percentile function: there each query reads only the group key and the duration of
the matching rows (no other column) and the middle is taken in Python, with the same
interpolation. SQLite is the development database; production and the benchmark run
on PostgreSQL.
"""

import datetime as dt
from collections import defaultdict
from statistics import median

from django.db import connection
from django.db.models import Aggregate, DurationField, QuerySet


class Median(Aggregate):
    """PostgreSQL's ``percentile_cont(0.5) WITHIN GROUP (ORDER BY ...)``."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _seconds(value) -> float | None:
    if value is None:
        return None
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value) / 1_000_000  # SQLite's raw microseconds


def medians(queryset: QuerySet, duration, *, keys: tuple) -> tuple[dict, dict, float | None]:
    """The median of ``duration`` (an expression over ``queryset``) in seconds, grouped by
    each of the two ``keys`` expressions, and over all rows."""
    grouped = []
    if connection.vendor == "postgresql":
        for key in keys:
            rows = queryset.values(key=key).annotate(m=Median(duration)).order_by()
            grouped.append({row["key"]: _seconds(row["m"]) for row in rows})
        overall = _seconds(queryset.aggregate(m=Median(duration))["m"])
        return grouped[0], grouped[1], overall
    for key in keys:
        values = defaultdict(list)
        for group, value in queryset.annotate(key=key, d=duration).values_list("key", "d"):
            values[group].append(_seconds(value))
        grouped.append({group: median(found) for group, found in values.items()})
    found = [_seconds(v) for v in queryset.annotate(d=duration).values_list("d", flat=True)]
    return grouped[0], grouped[1], (median(found) if found else None)
