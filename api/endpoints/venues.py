"""Community buildings that are published, with their bookable rooms and opening hours."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from venues.models import Accessibility, Facility
from venues.models import Venue as VenueModel

from .. import selectors
from ..schemas import Venue, VenueList
from .common import ERRORS, SLUG, AreaQuery, area, listing, site_url

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
            {"weekday": hours.weekday, "opens": hours.opens, "closes": hours.closes}
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
    venue = selectors.venues_for_api().filter(slug=params.slug).first()
    if venue is None:
        raise Http404(_("There is no published community building with this slug."))
    return _venue(request, venue)
