"""Active volunteers (distinct people) and their confirmed hours, per wijk, per month
and in all.

Distinct counts do not add up: someone active in two wijken or two months is one
volunteer in the total. PostgreSQL counts everything in one pass with ``GROUPING SETS``
over the ORM's own query (one query); SQLite, the development database, has no
grouping sets and runs three grouped queries.

Active: a confirmed sign-up for a shift that starts in the year. Hours: hours the
organiser confirmed or corrected (``COUNTED_HOURS``), by the date of the shift.
"""

from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth

from volunteers.models import SignUp

from .scope import Scope, row_of

PATH, WHEN = "shift__task__", "shift__starts_at"
COUNTED_HOURS = (SignUp.Hours.CONFIRMED, SignUp.Hours.CORRECTED)
CONFIRMED = SignUp.Status.CONFIRMED


def _signups(scope: Scope):
    return SignUp.objects.filter(scope.within(PATH, WHEN)).filter(
        Q(status=CONFIRMED) | Q(hours_status__in=COUNTED_HOURS)
    )


def _figures(volunteers, hours) -> dict:
    return {"volunteers": volunteers or 0, "volunteer_hours": hours or 0}


def volunteer_figures(scope: Scope) -> tuple[dict, dict, dict]:
    """({wijk id: figures}, {month: figures}, figures in all), figures being
    ``{"volunteers": distinct people, "volunteer_hours": confirmed hours}``."""
    if connection.vendor == "postgresql":
        return _with_grouping_sets(scope)
    aggregates = {
        "n": Count("volunteer", distinct=True, filter=Q(status=CONFIRMED)),
        "h": Sum("hours", filter=Q(hours_status__in=COUNTED_HOURS)),
    }
    by_wijk, by_month = (
        {
            row["key"]: _figures(row["n"], row["h"])
            for row in _signups(scope).values(key=key).annotate(**aggregates).order_by()
        }
        for key in (row_of(scope, PATH), ExtractMonth(WHEN))
    )
    total = _signups(scope).aggregate(**aggregates)
    return by_wijk, by_month, _figures(total["n"], total["h"])


def _with_grouping_sets(scope: Scope) -> tuple[dict, dict, dict]:
    rows = (
        _signups(scope)
        .annotate(w=row_of(scope, PATH), m=ExtractMonth(WHEN))
        .values_list("w", "m", "volunteer_id", "status", "hours", "hours_status")
        .order_by()
    )
    sql, params = rows.query.sql_with_params()
    by_wijk, by_month, total = {}, {}, _figures(0, 0)
    with connection.cursor() as cursor:
        # ``sql`` is the ORM's compiled query; every value stays in the parameters.
        cursor.execute(
            "SELECT w, m, GROUPING(w, m), "  # noqa: S608
            "COUNT(DISTINCT v) FILTER (WHERE s = %s), "
            "SUM(h) FILTER (WHERE hs IN (%s, %s)) "
            f"FROM ({sql}) AS signups (w, m, v, s, h, hs) "
            "GROUP BY GROUPING SETS ((w), (m), ())",
            (CONFIRMED.value, *[c.value for c in COUNTED_HOURS], *params),
        )
        for wijk, month, grouping, count, hours in cursor.fetchall():
            if grouping == 1:  # grouped by wijk only
                by_wijk[wijk] = _figures(count, hours)
            elif grouping == 2:  # by month only
                by_month[int(month)] = _figures(count, hours)
            else:
                total = _figures(count, hours)
    return by_wijk, by_month, total
