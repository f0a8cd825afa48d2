"""The "locaties" layer of the map (/kaart/lagen/locaties.geojson).

Registered in neighbourhoods' layer registry from VenuesConfig.ready(), so the
neighbourhoods app never imports venues.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from neighbourhoods.layers import point_layer, register_layer

from .selectors import venues_for_map

LAYER_NAME = "locaties"


def venues_layer() -> dict:
    queryset = venues_for_map().only("pk", "name", "slug", "owner_kind", "latitude", "longitude")
    return point_layer(
        queryset,
        properties=lambda venue: {
            "name": venue.name,
            "kind": str(venue.get_owner_kind_display()),
            "url": reverse("venues:detail", kwargs={"slug": venue.slug}),
        },
    )


def register() -> None:
    register_layer(LAYER_NAME, label=_("Community buildings"), build=venues_layer)
