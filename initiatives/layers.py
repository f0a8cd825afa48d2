"""The initiatives layer of the map (/kaart/lagen/initiatieven.geojson).

Registered in neighbourhoods' layer registry from InitiativesConfig.ready(), so the
neighbourhoods app never imports initiatives.
"""

from django.utils.translation import gettext_lazy as _

from neighbourhoods.layers import choice_labels, point_layer, register_layer, url_maker

from .models import Initiative, Status, Theme
from .selectors.initiatives import initiatives_for_map

LAYER_NAME = "initiatieven"


def initiatives_layer() -> dict:
    themes, statuses = choice_labels(Theme.choices), choice_labels(Status.choices)
    url = url_maker("initiatives:detail", "pk")
    return point_layer(
        initiatives_for_map(),
        properties=lambda initiative: {
            "name": initiative.title,
            "kind": themes.get(initiative.theme, initiative.theme),
            "status": statuses.get(initiative.status, initiative.status),
            "url": url(initiative.pk),
        },
    )


def register_layers() -> None:
    register_layer(
        LAYER_NAME, label=_("Initiatives"), build=initiatives_layer, sources=(Initiative,)
    )
