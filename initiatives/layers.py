"""The initiatives layer of the map (/kaart/lagen/initiatieven.geojson).

Registered in neighbourhoods' layer registry from InitiativesConfig.ready(), so the
neighbourhoods app never imports initiatives.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from neighbourhoods.layers import point_layer, register_layer

from .selectors.initiatives import initiatives_for_map

LAYER_NAME = "initiatieven"


def initiatives_layer() -> dict:
    return point_layer(
        initiatives_for_map(),
        properties=lambda initiative: {
            "name": initiative.title,
            "kind": str(initiative.get_theme_display()),
            "status": str(initiative.get_status_display()),
            "url": reverse("initiatives:detail", kwargs={"pk": initiative.pk}),
        },
    )


def register_layers() -> None:
    register_layer(LAYER_NAME, label=_("Initiatives"), build=initiatives_layer)
