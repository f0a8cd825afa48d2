"""Active volunteers (distinct people) and their confirmed hours, per wijk, per month
and in all.

Distinct counts do not add up: someone active in two wijken or two months is one
volunteer in the total. The rows are shift sign-ups and hours outside shifts in one
``UNION ALL`` of the ORM's own queries. PostgreSQL counts everything in one pass with
``GROUPING SETS`` (one query); SQLite, the development database, has no grouping sets
and runs three grouped queries over the same rows.

Active: a confirmed sign-up for a shift that starts in the year, or confirmed hours
outside shifts on a day of the year. Hours: shift hours the organiser confirmed or
corrected (``COUNTED_HOURS``), by the date of the shift, and confirmed hours outside
shifts, by their day.
"""

from decimal import Decimal

from django.db import connection
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import ExtractMonth

from volunteers.models import OffShiftHours, SignUp

from .scope import Scope, row_of

PATH, WHEN = "shift__task__", "shift__starts_at"
OFF_PATH, OFF_WHEN = "task__", "date"
COUNTED_HOURS = (SignUp.Hours.CONFIRMED, SignUp.Hours.CORRECTED)
CONFIRMED = SignUp.Status.CONFIRMED
COLUMNS = ("w", "m", "v", "s", "h", "hs")


def _rows(scope: Scope):
    """(wijk or buurt, month, volunteer, status, hours, hours status) of both kinds."""
    signups = (
        SignUp.objects.filter(scope.within(PATH, WHEN))
        .filter(Q(status=CONFIRMED) | Q(hours_status__in=COUNTED_HOURS))
        .annotate(
            w=row_of(scope, PATH),
            m=ExtractMonth(WHEN),
            v=F("volunteer_id"),
            s=F("status"),
            h=F("hours"),
            hs=F("hours_status"),
        )
        .values_list(*COLUMNS)
        .order_by()
    )
    confirmed = Value(CONFIRMED.value, output_field=CharField())
    off_shift = (
        OffShiftHours.objects.filter(scope.within(OFF_PATH, OFF_WHEN))
        .filter(status=OffShiftHours.Status.CONFIRMED)
        .annotate(
            w=row_of(scope, OFF_PATH),
            m=ExtractMonth(OFF_WHEN),
            v=F("volunteer_id"),
            s=confirmed,
            h=F("hours"),
            hs=confirmed,
        )
        .values_list(*COLUMNS)
        .order_by()
    )
    return signups.union(off_shift, all=True)


def _figures(volunteers, hours) -> dict:
    if hours is not None and not isinstance(hours, Decimal):  # SQLite sums as float
        hours = Decimal(str(round(hours, 2)))
    return {"volunteers": volunteers or 0, "volunteer_hours": hours or 0}


AGGREGATES = (
    "COUNT(DISTINCT CASE WHEN s = %s THEN v END), SUM(CASE WHEN hs IN (%s, %s) THEN h END)"
)


def volunteer_figures(scope: Scope) -> tuple[dict, dict, dict]:
    """({wijk id: figures}, {month: figures}, figures in all), figures being
    ``{"volunteers": distinct people, "volunteer_hours": confirmed hours}``."""
    sql, params = _rows(scope).query.sql_with_params()
    counted = (CONFIRMED.value, *[c.value for c in COUNTED_HOURS])
    source = f"FROM ({sql}) AS hours_rows"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return _with_grouping_sets(cursor, source, (*counted, *params))
        by_wijk, by_month = {}, {}
        for key, target in (("w", by_wijk), ("m", by_month)):
            # ``source`` is the ORM's compiled query; every value stays in the parameters.
            cursor.execute(
                f"SELECT {key}, {AGGREGATES} {source} GROUP BY {key}",
                (*counted, *params),
            )
            for value, count, hours in cursor.fetchall():
                target[int(value) if key == "m" else value] = _figures(count, hours)
        cursor.execute(f"SELECT {AGGREGATES} {source}", (*counted, *params))
        count, hours = cursor.fetchone()
    return by_wijk, by_month, _figures(count, hours)


def _with_grouping_sets(cursor, source: str, params: tuple) -> tuple[dict, dict, dict]:
    by_wijk, by_month, total = {}, {}, _figures(0, 0)
    cursor.execute(
        f"SELECT w, m, GROUPING(w, m), {AGGREGATES} {source} "
        "GROUP BY GROUPING SETS ((w), (m), ())",
        params,
    )
    for wijk, month, grouping, count, hours in cursor.fetchall():
        if grouping == 1:  # grouped by wijk only
            by_wijk[wijk] = _figures(count, hours)
        elif grouping == 2:  # by month only
            by_month[int(month)] = _figures(count, hours)
        else:
            total = _figures(count, hours)
    return by_wijk, by_month, total
