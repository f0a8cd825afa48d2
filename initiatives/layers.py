"""The initiatives layer of the map (/kaart/lagen/initiatieven.geojson).

neighbourhoods/layers.py keeps the registry of layers (``LAYERS``: name in the URL ->
label, attribution, builder); this app adds its own entry to it at start-up, so
neighbourhoods never imports initiatives.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from neighbourhoods.layers import LAYERS

from .selectors import initiatives_for_map

LAYER_NAME = "initiatieven"


def initiatives_layer() -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": initiative.pk,
                "geometry": {
                    "type": "Point",
                    "coordinates": [initiative.longitude, initiative.latitude],
                },
                "properties": {
                    "name": initiative.title,
                    "kind": str(initiative.get_theme_display()),
                    "status": str(initiative.get_status_display()),
                    "url": reverse("initiatives:detail", kwargs={"pk": initiative.pk}),
                },
            }
            for initiative in initiatives_for_map()
        ],
    }


def register_layers() -> None:
    LAYERS[LAYER_NAME] = (_("Initiatives"), "", initiatives_layer)
