"""Vraag en aanbod for the API: the exchange's own public list (``listings_for_list``,
what its list page shows anyone), never the owner or the conversations."""

import datetime as dt

from django.db.models import QuerySet

from exchange.models import Listing
from exchange.selectors import listings_for_list

from . import AREA_FIELDS, in_area


def listings_for_api() -> QuerySet[Listing]:
    """The exchange's public list, newest first, with category, area and organisation.

    Only the fields the API shows are read (never the owner's): whatever the exchange
    leaves out of its public list (closed, expired, hidden by the moderators) is left
    out here too.
    """
    return (
        listings_for_list()
        .select_related(None)
        .select_related("category", "neighbourhood", "organisation")
        .only(
            "pk",
            "title",
            "description",
            "direction",
            "kind",
            "price_info",
            "created_at",
            "expires_at",
            "updated_at",
            "organisation_id",
            "category__name",
            "category__slug",
            "organisation__name",
            "organisation__slug",
            *(f"neighbourhood__{name}" for name in AREA_FIELDS),
        )
    )


def listings_filtered(
    queryset: QuerySet[Listing],
    *,
    wijk: str | None = None,
    buurt: str | None = None,
    direction: str | None = None,
    kind: str | None = None,
    category: str | None = None,
    date_from: dt.date | None = None,
    date_until: dt.date | None = None,
) -> QuerySet[Listing]:
    """Filtered by area, offer or request, kind, category (slug) and the day placed."""
    queryset = queryset.filter(in_area(wijk=wijk, buurt=buurt))
    if direction:
        queryset = queryset.filter(direction=direction)
    if kind:
        queryset = queryset.filter(kind=kind)
    if category:
        queryset = queryset.filter(category__slug=category)
    if date_from:
        queryset = queryset.filter(created_at__date__gte=date_from)
    if date_until:
        queryset = queryset.filter(created_at__date__lte=date_until)
    return queryset
