"""The volunteer tasks layer of the map (/kaart/lagen/vrijwilligerswerk.geojson).

Registered in neighbourhoods' layer registry from VolunteersConfig.ready(), so the
neighbourhoods app never imports volunteers.
"""

from django.utils.translation import gettext_lazy as _

from initiatives.models import Theme
from neighbourhoods.layers import choice_labels, point_layer, register_layer, url_maker

from .models import Shift, Task
from .selectors.tasks import tasks_for_map

LAYER_NAME = "vrijwilligerswerk"


def tasks_layer() -> dict:
    themes = choice_labels(Theme.choices)
    url = url_maker("volunteers:task", "pk")
    return point_layer(
        tasks_for_map(),
        properties=lambda task: {
            "name": task.title,
            "kind": themes.get(task.theme, task.theme),
            "url": url(task.pk),
        },
    )


def register_layers() -> None:
    register_layer(
        LAYER_NAME, label=_("Volunteer tasks"), build=tasks_layer, sources=(Task, Shift)
    )
