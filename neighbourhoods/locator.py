"""Which buurt holds a point: point in polygon over the buurt boundaries, with shapely.

The shapely geometries are built once per process and kept in memory. An import of
boundaries calls :func:`invalidate`, which changes a token in the shared Django cache,
so every process (and every test, whose cache starts empty) rebuilds on its next lookup.
"""

import threading
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from shapely import STRtree
from shapely.geometry import Point, shape

from .models import Neighbourhood

TOKEN_KEY = "neighbourhoods:geometry-version"  # noqa: S105 - a cache key, not a secret


@dataclass(frozen=True)
class _Index:
    token: str
    tree: STRtree
    ids: list[int]


_lock = threading.Lock()
_index: _Index | None = None


def _current_token() -> str:
    token = cache.get(TOKEN_KEY)
    if token is None:
        cache.add(TOKEN_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(TOKEN_KEY) or ""
    return token


def _build(token: str) -> _Index:
    rows = Neighbourhood.objects.filter(level=Neighbourhood.Level.BUURT).values_list(
        "pk", "boundary"
    )
    ids, geometries = [], []
    for pk, boundary in rows:
        if boundary:
            ids.append(pk)
            geometries.append(shape(boundary))
    return _Index(token=token, tree=STRtree(geometries), ids=ids)


def invalidate() -> None:
    """Forget the cached geometries in this and every other process."""
    global _index
    with _lock:
        _index = None
    cache.set(TOKEN_KEY, uuid.uuid4().hex, timeout=None)


def buurt_id_at(*, latitude: float, longitude: float) -> int | None:
    """The id of the buurt that contains the point, or None outside every buurt."""
    global _index
    token = _current_token()
    with _lock:
        if _index is None or _index.token != token:
            _index = _build(token)
        index = _index
    hits = index.tree.query(Point(longitude, latitude), predicate="intersects")
    if len(hits) == 0:
        return None
    return index.ids[min(int(hit) for hit in hits)]


def buurt_at(*, latitude: float, longitude: float) -> Neighbourhood | None:
    """The buurt (with its wijk loaded) that contains the point."""
    pk = buurt_id_at(latitude=latitude, longitude=longitude)
    if pk is None:
        return None
    return Neighbourhood.objects.select_related("wijk").filter(pk=pk).first()
