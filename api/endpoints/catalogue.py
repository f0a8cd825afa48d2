"""The catalogue of the API's datasets (DCAT-AP-DONL, JSON-LD): ``api.catalogue``."""

from django.utils import timezone
from ninja import Router

from ..catalogue import catalogue
from .common import ERRORS

router = Router(by_alias=True)
JSON_LD = "application/ld+json"


@router.get(
    "/catalogus",
    response={200: dict, **ERRORS},
    summary="The catalogue of the datasets (DCAT-AP-DONL)",
)
def catalogue_jsonld(request):
    """Every dataset of this API described by DCAT-AP-DONL in JSON-LD, for the data
    portals (data.overheid.nl): titles and descriptions in Dutch and English, publisher,
    licence, theme, update frequency and where to get it."""
    request.api_content_type = JSON_LD
    base = request.build_absolute_uri("/api/v1")
    return catalogue(base=base, docs=f"{base}/docs", today=timezone.localdate())
