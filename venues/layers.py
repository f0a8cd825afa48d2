"""The "locaties" layer of the map (/kaart/lagen/locaties.geojson).

Registered in neighbourhoods' layer registry from VenuesConfig.ready(), so the
neighbourhoods app never imports venues.
"""

from django.utils.translation import gettext_lazy as _

from neighbourhoods.layers import choice_labels, point_layer, register_layer, url_maker

from .models import Venue
from .selectors import venues_for_map

LAYER_NAME = "locaties"


def venues_layer() -> dict:
    queryset = venues_for_map().only("pk", "name", "slug", "owner_kind", "latitude", "longitude")
    kinds = choice_labels(Venue.OwnerKind.choices)
    url = url_maker("venues:detail", "slug")
    return point_layer(
        queryset,
        properties=lambda venue: {
            "name": venue.name,
            "kind": kinds.get(venue.owner_kind, venue.owner_kind),
            "url": url(venue.slug),
        },
    )


def register() -> None:
    register_layer(
        LAYER_NAME, label=_("Community buildings"), build=venues_layer, sources=(Venue,)
    )
