"""The map's layers as GeoJSON FeatureCollections (served under /kaart/lagen/)."""

import gzip
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Neighbourhood, Organisation
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


def url_maker(viewname: str, kwarg: str) -> Callable[[Any], str]:
    """``reverse(viewname, kwargs={kwarg: value})`` for many values with one ``reverse``:
    a layer of thousands of points builds its links from a string template."""
    marker = "9876543210"  # matches the int and slug converters, never a real value here
    head, tail = reverse(viewname, kwargs={kwarg: marker}).split(marker)
    return lambda value: f"{head}{value}{tail}"


def choice_labels(choices) -> dict[str, str]:
    """Translated labels of ``choices`` by value, translated once per layer, not per point."""
    return {value: str(label) for value, label in choices}


def outline(neighbourhood: Neighbourhood, *extra: dict) -> dict:
    """A page's small map: the neighbourhood's boundary (when it has one), then ``extra``."""
    features = []
    if neighbourhood.boundary:
        features.append(feature(neighbourhood.boundary, properties={"name": neighbourhood.name}))
    return feature_collection([*features, *extra])


def _boundaries(level: str) -> dict:
    queryset = Neighbourhood.objects.filter(level=level).select_related("wijk")
    queryset = queryset.only("pk", "code", "name", "slug", "level", "boundary", "wijk__name")
    url = url_maker("neighbourhoods:detail", "slug")
    return feature_collection(
        feature(
            n.boundary,
            id=n.code,
            properties={
                "name": n.name,
                "code": n.code,
                "wijk": n.wijk.name if n.wijk else None,
                "url": url(n.slug),
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
    kinds = choice_labels(Organisation.Kind.choices)
    url = url_maker("neighbourhoods:organisation", "slug")
    return point_layer(
        queryset,
        properties=lambda o: {
            "name": o.name,
            "kind": kinds.get(o.kind, o.kind),
            "url": url(o.slug),
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
    name: str,
    *,
    label: str | Promise,
    build: Callable[[], dict],
    attribution: str = "",
    sources: tuple[type, ...] = (),
) -> None:
    """Add a layer to /kaart/ and /kaart/lagen/<name>.geojson (from an app's ready()).

    ``sources``: the models the layer is built from; saving or deleting one of them
    makes the map's cached layers and lists stale at once (``layers_changed``).
    """
    LAYERS[name] = (label, attribution, build)
    for model in sources:
        post_save.connect(_source_changed, sender=model, dispatch_uid=f"layer-{name}-{model}")
        post_delete.connect(_source_changed, sender=model, dispatch_uid=f"layer-{name}-{model}-")


# A layer is the same for every visitor: built once per language and kept in the cache
# (Redis in production), as text and gzipped, until one of its sources changes (then
# the version in the cache key moves on) or at most a minute. Browsers keep it for an
# hour (the view's Cache-Control) and ask again with its ETag.
LAYER_CACHE_SECONDS = 60
VERSION_KEY = "map-layers:version"


def layers_version() -> str:
    """The current version of every cached layer (part of their cache keys)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY) or version
    return version


def layers_changed() -> None:
    """Make every cached layer, and the map's cached lists, stale."""
    cache.set(VERSION_KEY, uuid.uuid4().hex[:12], None)


def _source_changed(sender, **kwargs) -> None:
    transaction.on_commit(layers_changed)


for _model in (Neighbourhood, Organisation):  # the sources of this app's own layers
    post_save.connect(_source_changed, sender=_model, dispatch_uid=f"layer-{_model.__name__}")
    post_delete.connect(_source_changed, sender=_model, dispatch_uid=f"layer-{_model.__name__}-")


@dataclass(frozen=True)
class BuiltLayer:
    body: bytes  # GeoJSON, UTF-8
    gzipped: bytes
    etag: str  # weak: the same for both encodings


def built_layer(name: str) -> BuiltLayer:
    """Layer ``name`` as GeoJSON, from the cache while it is fresh."""
    key = f"map-layer:{name}:{get_language()}:{layers_version()}"
    built = cache.get(key)
    if built is None:
        body = json.dumps(
            LAYERS[name][2](), cls=DjangoJSONEncoder, separators=(",", ":"), ensure_ascii=False
        ).encode()
        digest = hashlib.sha256(body).hexdigest()[:32]
        built = BuiltLayer(body=body, gzipped=gzip.compress(body, mtime=0), etag=f'W/"{digest}"')
        cache.set(key, built, LAYER_CACHE_SECONDS)
    return built


def layer_features(name: str) -> list[dict]:
    """The features of layer ``name`` (from the same cache as its GeoJSON)."""
    return json.loads(built_layer(name).body)["features"]


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
