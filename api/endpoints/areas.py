"""Wijken and buurten as GeoJSON (WGS 84), with their CBS codes."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from neighbourhoods.models import Neighbourhood

from .. import selectors
from ..pagination import page_of
from ..schemas import Feature, FeatureCollection
from .common import ERRORS, SLUG, PageQuery, site_url

router = Router(by_alias=True)
WIJK = Neighbourhood.Level.WIJK
BUURT = Neighbourhood.Level.BUURT
GEOJSON = "application/geo+json"


class BuurtQuery(PageQuery):
    wijk: str | None = Field(
        None, max_length=120, pattern=SLUG, description="A wijk's CBS code or slug."
    )


class AreaCode(Schema):
    code: str = Field(..., max_length=12, pattern=SLUG, description="The CBS code.")


def _feature(request, place) -> dict:
    return {
        "type": "Feature",
        "id": place.code,
        "geometry": place.boundary or None,
        "properties": {
            "code": place.code,
            "name": place.name,
            "slug": place.slug,
            "level": place.level,
            "wijk": place.wijk.code if place.wijk_id else None,
            "url": site_url(request, "neighbourhoods:detail", slug=place.slug),
        },
    }


def _collection(request, queryset, query: PageQuery) -> dict:
    items, page = page_of(request, queryset, page=query.page, page_size=query.page_size)
    request.api_content_type = GEOJSON
    return {
        "type": "FeatureCollection",
        **page,
        "features": [_feature(request, place) for place in items],
    }


def _one(request, level: str, code: str) -> dict:
    place = selectors.areas_for_api(level).filter(code=code).first()
    if place is None:
        raise Http404(_("There is no area with this code."))
    request.api_content_type = GEOJSON
    return _feature(request, place)


@router.get("/wijken", response={200: FeatureCollection, **ERRORS}, summary="List wijken")
def wijk_list(request, query: Query[PageQuery]):
    """The wijken of Assen as a GeoJSON FeatureCollection, by CBS code."""
    return _collection(request, selectors.areas_for_api(WIJK), query)


@router.get("/wijken/{code}", response={200: Feature, **ERRORS}, summary="One wijk")
def wijk_detail(request, params: Path[AreaCode]):
    """A wijk as a GeoJSON Feature."""
    return _one(request, WIJK, params.code)


@router.get("/buurten", response={200: FeatureCollection, **ERRORS}, summary="List buurten")
def buurt_list(request, query: Query[BuurtQuery]):
    """The buurten as a GeoJSON FeatureCollection, by CBS code; ``wijk`` narrows it."""
    queryset = selectors.buurten_filtered(selectors.areas_for_api(BUURT), wijk=query.wijk)
    return _collection(request, queryset, query)


@router.get("/buurten/{code}", response={200: Feature, **ERRORS}, summary="One buurt")
def buurt_detail(request, params: Path[AreaCode]):
    """A buurt as a GeoJSON Feature."""
    return _one(request, BUURT, params.code)
