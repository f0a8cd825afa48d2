"""The map's layers as GeoJSON FeatureCollections (served under /kaart/lagen/)."""

from collections.abc import Callable, Iterable
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Neighbourhood
from .selectors import organisations_for_map

WIJKEN_ATTRIBUTION = "Kadaster / Centraal Bureau voor de Statistiek, 2023"
BUURTEN_ATTRIBUTION = "Kadaster / Centraal Bureau voor de Statistiek, 2022"


# --- GeoJSON: the one way to build it ---------------------------------------------------
# Properties stay data: the map script inserts them as text (textContent), so nothing is
# escaped here, and a name like "<b>" arrives on the map as those three characters.


def point(longitude: float, latitude: float) -> dict:
    return {"type": "Point", "coordinates": [longitude, latitude]}


def feature(geometry: dict, *, properties: dict, id: Any = None) -> dict:
    """One GeoJSON Feature; ``id`` only when given."""
    built = {"type": "Feature"}
    if id is not None:
        built["id"] = id
    built["geometry"] = geometry
    built["properties"] = properties
    return built


def feature_collection(features: Iterable[dict]) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def outline(neighbourhood: Neighbourhood, *extra: dict) -> dict:
    """A page's small map: the neighbourhood's boundary (when it has one), then ``extra``."""
    features = []
    if neighbourhood.boundary:
        features.append(feature(neighbourhood.boundary, properties={"name": neighbourhood.name}))
    return feature_collection([*features, *extra])


def _boundaries(level: str) -> dict:
    queryset = Neighbourhood.objects.filter(level=level).select_related("wijk")
    queryset = queryset.only("pk", "code", "name", "slug", "level", "boundary", "wijk__name")
    return feature_collection(
        feature(
            n.boundary,
            id=n.code,
            properties={
                "name": n.name,
                "code": n.code,
                "wijk": n.wijk.name if n.wijk else None,
                "url": reverse("neighbourhoods:detail", kwargs={"slug": n.slug}),
            },
        )
        for n in queryset
        if n.boundary
    )


def wijken_layer() -> dict:
    return _boundaries(Neighbourhood.Level.WIJK)


def buurten_layer() -> dict:
    return _boundaries(Neighbourhood.Level.BUURT)


def point_layer(items: Iterable, *, properties: Callable[[Any], dict]) -> dict:
    """A FeatureCollection of points from objects with ``latitude`` and ``longitude``."""
    return feature_collection(
        feature(point(item.longitude, item.latitude), id=item.pk, properties=properties(item))
        for item in items
    )


def organisations_layer() -> dict:
    queryset = organisations_for_map().only("pk", "name", "slug", "kind", "latitude", "longitude")
    return point_layer(
        queryset,
        properties=lambda o: {
            "name": o.name,
            "kind": str(o.get_kind_display()),
            "url": reverse("neighbourhoods:organisation", kwargs={"slug": o.slug}),
        },
    )


# The layers this app serves itself; other apps add theirs to LAYERS in their ready().
BUILT_IN_LAYERS = ("wijken", "buurten", "organisaties")

# name in the URL -> (label, attribution, builder)
LAYERS: dict[str, tuple[str, str, Callable[[], dict]]] = {
    "wijken": (_("Districts (wijken)"), WIJKEN_ATTRIBUTION, wijken_layer),
    "buurten": (_("Neighbourhoods (buurten)"), BUURTEN_ATTRIBUTION, buurten_layer),
    "organisaties": (_("Organisations"), "", organisations_layer),
}


def register_layer(
    name: str, *, label: str | Promise, build: Callable[[], dict], attribution: str = ""
) -> None:
    """Add a layer to /kaart/ and /kaart/lagen/<name>.geojson (from an app's ready())."""
    LAYERS[name] = (label, attribution, build)


def layer_config(*names: str, shown: tuple[str, ...] = ()) -> list[dict]:
    """What the map script needs to load ``names``: URL, label, attribution, shown."""
    return [
        {
            "name": name,
            "label": str(LAYERS[name][0]),
            "attribution": LAYERS[name][1],
            "url": reverse("neighbourhoods:layer", kwargs={"layer": name}),
            "shown": name in shown or not shown,
        }
        for name in names
    ]
