"""The volunteer tasks layer of the map (/kaart/lagen/vrijwilligerswerk.geojson).

Registered in neighbourhoods' layer registry from VolunteersConfig.ready(), so the
neighbourhoods app never imports volunteers.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from neighbourhoods.layers import point_layer, register_layer

from .selectors.tasks import tasks_for_map

LAYER_NAME = "vrijwilligerswerk"


def tasks_layer() -> dict:
    return point_layer(
        tasks_for_map(),
        properties=lambda task: {
            "name": task.title,
            "kind": str(task.get_theme_display()),
            "url": reverse("volunteers:task", kwargs={"pk": task.pk}),
        },
    )


def register_layers() -> None:
    register_layer(LAYER_NAME, label=_("Volunteer tasks"), build=tasks_layer)
