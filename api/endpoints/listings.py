"""Vraag en aanbod: the listings the exchange's public list shows, without their owner,
their conversations or anything else that names a person."""

import datetime as dt

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from exchange.models import Listing as ListingModel

from .. import selectors
from ..schemas import Listing, ListingList
from .common import ERRORS, SLUG, AreaQuery, area, choices, day_param, id_path, listing, site_url

router = Router(by_alias=True)


ListingDirection = choices("ListingDirection", ListingModel.Direction)
ListingKind = choices("ListingKind", ListingModel.Kind)


class ListingQuery(AreaQuery):
    direction: ListingDirection | None = None
    kind: ListingKind | None = None
    category: str | None = Field(
        None, max_length=90, pattern=SLUG, description="The slug of a category."
    )
    date_from: dt.date | None = day_param("Placed on or after this day.")
    date_until: dt.date | None = day_param("Placed on or before this day.")


class ListingId(Schema):
    id: int = id_path("The listing's id.")


def _listing(request, item) -> dict:
    paid = item.kind == ListingModel.Kind.PAID and item.organisation_id
    organisation = item.organisation if paid else None
    return {
        "id": item.pk,
        "title": item.title,
        "description": item.description,
        "direction": item.direction,
        "kind": item.kind,
        "category": {"slug": item.category.slug, "name": item.category.name},
        "neighbourhood": area(item.neighbourhood),
        "organisation": (
            {"slug": organisation.slug, "name": organisation.name} if organisation else None
        ),
        "price": (item.price_info or None) if paid else None,
        "created_at": item.created_at,
        "expires_at": item.expires_at,
        "url": site_url(request, "exchange:detail", pk=item.pk),
    }


@router.get("", response={200: ListingList, **ERRORS}, summary="List offers and requests")
def listing_list(request, query: Query[ListingQuery]):
    """Open offers and requests of Vraag en aanbod, the newest first (never who placed
    them); ``wijk`` includes its buurten."""
    queryset = selectors.listings_filtered(
        selectors.listings_for_api(),
        wijk=query.wijk,
        buurt=query.buurt,
        direction=query.direction,
        kind=query.kind,
        category=query.category,
        date_from=query.date_from,
        date_until=query.date_until,
    )
    return listing(request, queryset, query, name="listings", item=_listing)


@router.get("/{int:id}", response={200: Listing, **ERRORS}, summary="One offer or request")
def listing_detail(request, params: Path[ListingId]):
    """An open offer or request, with ``Last-Modified``."""
    item = selectors.listings_for_api().filter(pk=params.id).first()
    if item is None:
        raise Http404(_("There is no open offer or request with this id."))
    request.api_last_modified = item.updated_at
    return _listing(request, item)
