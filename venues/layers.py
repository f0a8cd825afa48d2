"""The "locaties" layer of the map (/kaart/lagen/locaties.geojson).

Registered in neighbourhoods.layers' registry (``LAYERS``) from VenuesConfig.ready(),
so the neighbourhoods app never imports venues.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from neighbourhoods.layers import LAYERS

from .selectors import venues_for_map

LAYER_NAME = "locaties"


def venues_layer() -> dict:
    queryset = venues_for_map().only("pk", "name", "slug", "owner_kind", "latitude", "longitude")
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": v.slug,
                "geometry": {"type": "Point", "coordinates": [v.longitude, v.latitude]},
                "properties": {
                    "name": v.name,
                    "kind": str(v.get_owner_kind_display()),
                    "url": reverse("venues:detail", kwargs={"slug": v.slug}),
                },
            }
            for v in queryset
        ],
    }


def register() -> None:
    LAYERS[LAYER_NAME] = (_("Community buildings"), "", venues_layer)
