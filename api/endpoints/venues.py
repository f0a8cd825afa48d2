"""Community buildings that are published, with their bookable rooms and opening hours."""

import datetime as dt

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from venues.models import Accessibility, Facility
from venues.models import Venue as VenueModel

from .. import selectors
from ..schemas import Occupancy, Venue, VenueList
from .common import ERRORS, SLUG, AreaQuery, area, day_param, listing, refuse, site_url

router = Router(by_alias=True)


class VenueQuery(AreaQuery):
    owner_kind: VenueModel.OwnerKind | None = None
    facility: Facility | None = Field(None, description="Has a bookable room with it.")


class VenueSlug(Schema):
    slug: str = Field(..., max_length=170, pattern=SLUG)


def _venue(request, venue) -> dict:
    return {
        "slug": venue.slug,
        "name": venue.name,
        "description": venue.description,
        "address": venue.address,
        "latitude": venue.latitude,
        "longitude": venue.longitude,
        "owner_kind": venue.owner_kind,
        "neighbourhood": area(venue.neighbourhood),
        "accessibility": [value for value in Accessibility.values if getattr(venue, value)],
        "rooms": [
            {
                "name": room.name,
                "capacity": room.capacity,
                "description": room.description,
                "facilities": [value for value in Facility.values if getattr(room, value)],
            }
            for room in venue.rooms.all()
        ],
        "opening_hours": [
            {
                "weekday": hours.weekday,
                "opens": hours.opens.isoformat("seconds"),
                "closes": hours.closes.isoformat("seconds"),
            }
            for hours in venue.opening_hours.all()
        ],
        "url": site_url(request, "venues:detail", slug=venue.slug),
    }


@router.get("", response={200: VenueList, **ERRORS}, summary="List community buildings")
def venue_list(request, query: Query[VenueQuery]):
    """Published community buildings by name, with rooms, facilities and opening hours."""
    queryset = selectors.venues_filtered(
        selectors.venues_for_api(),
        wijk=query.wijk,
        buurt=query.buurt,
        owner_kind=query.owner_kind,
        facility=query.facility,
    )
    return listing(request, queryset, query, name="venues", item=_venue)


@router.get("/{slug}", response={200: Venue, **ERRORS}, summary="One community building")
def venue_detail(request, params: Path[VenueSlug]):
    """A published community building with its bookable rooms and opening hours."""
    venue = selectors.venues_for_api().filter(slug=params.slug).first()
    if venue is None:
        raise Http404(_("There is no published community building with this slug."))
    return _venue(request, venue)


MAX_DAYS = 31


class OccupancyQuery(Schema):
    date: dt.date | None = day_param("One day (today if no day is given).")
    date_from: dt.date | None = day_param("The first day of a range.")
    date_until: dt.date | None = day_param(
        f"The last day of a range, at most {MAX_DAYS} days in all."
    )


def _days(query: OccupancyQuery) -> tuple[dt.date, dt.date]:
    """The days asked for; a ValidationError (400) names the parameter that is wrong."""
    if query.date and (query.date_from or query.date_until):
        refuse("date", _("Give either date or date_from and date_until, not both."))
    if query.date:
        return query.date, query.date
    first = query.date_from or query.date_until or timezone.localdate()
    last = query.date_until or first
    if last < first:
        refuse("date_until", _("date_until is before date_from."))
    if (last - first).days + 1 > MAX_DAYS:
        refuse(
            "date_until",
            _("At most %(days)s days at a time.") % {"days": MAX_DAYS},
        )
    return first, last


@router.get(
    "/{slug}/occupancy",
    response={200: Occupancy, **ERRORS},
    summary="When a community building's rooms are taken",
)
def venue_occupancy(request, params: Path[VenueSlug], query: Query[OccupancyQuery]):
    """Per day the building's opening hours and each bookable room's busy stretches
    (bookings waiting for approval or approved), never who booked or why."""
    first, last = _days(query)
    venue = selectors.venues_for_api().filter(slug=params.slug).first()
    if venue is None:
        raise Http404(_("There is no published community building with this slug."))
    return {
        "venue": {"slug": venue.slug, "name": venue.name, "address": venue.address},
        "date_from": first,
        "date_until": last,
        "days": selectors.venue_occupancy(venue, first=first, last=last),
    }
