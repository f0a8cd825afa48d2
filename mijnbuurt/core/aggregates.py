"""The median of a duration, overall or per group, in one query on every database.

PostgreSQL computes it itself with ``percentile_cont(0.5)`` (the ordered-set aggregate;
it averages the two middle values of an even count). SQLite has no percentile function:
there the query reads only the group key and the duration of the matching rows (no
other column) and ``statistics.median`` takes the middle in Python, with the same
interpolation. SQLite is the development database; production runs on PostgreSQL.
"""

import datetime as dt
import statistics
from collections import defaultdict

from django.db import connection
from django.db.models import Aggregate, DurationField, Expression, QuerySet


class Median(Aggregate):
    """PostgreSQL's ``percentile_cont(0.5) WITHIN GROUP (ORDER BY ...)`` of a duration."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _duration(value) -> dt.timedelta | None:
    if value is None or isinstance(value, dt.timedelta):
        return value
    return dt.timedelta(microseconds=int(value))  # SQLite's raw microseconds


def median(queryset: QuerySet, duration: Expression) -> dt.timedelta | None:
    """The median of ``duration`` (an expression over ``queryset``), None without rows."""
    if connection.vendor == "postgresql":
        return _duration(queryset.aggregate(m=Median(duration))["m"])
    found = [_duration(v) for v in queryset.annotate(d=duration).values_list("d", flat=True)]
    found = [value for value in found if value is not None]
    return statistics.median(found) if found else None


def median_per(queryset: QuerySet, duration: Expression, *, key: Expression) -> dict:
    """The median of ``duration`` per value of the ``key`` expression (groups with rows only)."""
    if connection.vendor == "postgresql":
        rows = queryset.values(key=key).annotate(m=Median(duration)).order_by()
        return {row["key"]: _duration(row["m"]) for row in rows}
    values = defaultdict(list)
    for group, value in queryset.annotate(key=key, d=duration).values_list("key", "d"):
        if value is not None:
            values[group].append(_duration(value))
    return {group: statistics.median(found) for group, found in values.items()}
