"""Activities for the API: the activities' own public list (``activities_for_list``,
planned and not ended, with the number registered), never who registered."""

import datetime as dt

from django.db.models import QuerySet

from activities.models import Activity
from activities.selectors import activities_between, activities_for_list

from . import in_area


def activities_for_api() -> QuerySet[Activity]:
    """Planned activities that have not ended, soonest first, with their room, building,
    area and the names of whoever organises them (one query with the joins)."""
    return activities_for_list().select_related("initiative", "organisation", "venue", "area_team")


def activities_filtered(
    queryset: QuerySet[Activity],
    *,
    wijk: str | None = None,
    buurt: str | None = None,
    kind: str | None = None,
    audience: str | None = None,
    date_from: dt.date | None = None,
    date_until: dt.date | None = None,
) -> QuerySet[Activity]:
    """Filtered by area, kind, audience and the days it runs (overlapping the range)."""
    queryset = activities_between(
        queryset.filter(in_area(wijk=wijk, buurt=buurt)), date_from, date_until
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if audience:
        queryset = queryset.filter(audience=audience)
    return queryset
