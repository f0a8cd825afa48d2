"""Activities ("Wat is er te doen"): planned ones that have not ended, with their place
and the places left, never who registered and never the link of an online activity."""

import datetime as dt

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Schema

from activities.models import Activity as ActivityModel

from .. import selectors
from ..schemas import Activity, ActivityList
from .common import ERRORS, AreaQuery, area, choices, day_param, id_path, listing, site_url

router = Router(by_alias=True)
# An address is public when a building or an organisation gave it (its own premises);
# one given for an initiative or an area team may be someone's home.
PUBLIC_ADDRESS_OF = {ActivityModel.OrganiserKind.ORGANISATION, ActivityModel.OrganiserKind.VENUE}


ActivityKind = choices("ActivityKind", ActivityModel.Kind)
ActivityAudience = choices("ActivityAudience", ActivityModel.Audience)


class ActivityQuery(AreaQuery):
    kind: ActivityKind | None = None
    audience: ActivityAudience | None = None
    date_from: dt.date | None = day_param("Running on or after this day.")
    date_until: dt.date | None = day_param("Starting on or before this day.")


class ActivityId(Schema):
    id: int = id_path("The activity's id.")


def _place(activity) -> dict:
    Place = ActivityModel.Place
    if activity.place == Place.ROOM and activity.room_id:
        venue = activity.room.venue
        return {
            "kind": activity.place,
            "venue": {"slug": venue.slug, "name": venue.name, "address": venue.address},
            "room": activity.room.name,
            "address": venue.address,
        }
    public = activity.place == Place.ADDRESS and activity.organiser_kind in PUBLIC_ADDRESS_OF
    return {
        "kind": activity.place,
        "venue": None,
        "room": None,
        "address": (activity.address or None) if public else None,
    }


def _activity(request, activity) -> dict:
    places_left = None
    if activity.capacity is not None:
        places_left = max(activity.capacity - activity.registered_count, 0)
    return {
        "id": activity.pk,
        "title": activity.title,
        "description": activity.description,
        "kind": activity.kind,
        "audience": activity.audience,
        "start": activity.start,
        "end": activity.end,
        "neighbourhood": area(activity.neighbourhood),
        "place": _place(activity),
        "organiser": {"kind": activity.organiser_kind, "name": activity.organiser_name},
        "step_free": activity.step_free,
        "is_free": activity.is_free,
        "costs": activity.costs,
        "registration": activity.registration,
        "places": activity.capacity,
        "places_left": places_left,
        "url": site_url(request, "activities:detail", pk=activity.pk),
    }


@router.get("", response={200: ActivityList, **ERRORS}, summary="List activities")
def activity_list(request, query: Query[ActivityQuery]):
    """Planned activities that have not ended, the soonest first; ``wijk`` includes its
    buurten, ``date_from`` and ``date_until`` keep those that run in the range."""
    queryset = selectors.activities_filtered(
        selectors.activities_for_api(),
        wijk=query.wijk,
        buurt=query.buurt,
        kind=query.kind,
        audience=query.audience,
        date_from=query.date_from,
        date_until=query.date_until,
    )
    return listing(request, queryset, query, name="activities", item=_activity)


@router.get("/{int:id}", response={200: Activity, **ERRORS}, summary="One activity")
def activity_detail(request, params: Path[ActivityId]):
    """A planned activity that has not ended."""
    activity = selectors.activities_for_api().filter(pk=params.id).first()
    if activity is None:
        raise Http404(_("There is no planned activity with this id."))
    return _activity(request, activity)
