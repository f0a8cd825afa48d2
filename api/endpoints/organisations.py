"""The social map: approved organisations, without their phone numbers or e-mail."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from neighbourhoods.models import Organisation as OrganisationModel

from .. import selectors
from ..schemas import Organisation, OrganisationList
from .common import ERRORS, SLUG, AreaQuery, area, listing, site_url

router = Router(by_alias=True)


class OrganisationQuery(AreaQuery):
    kind: OrganisationModel.Kind | None = None


class OrganisationSlug(Schema):
    slug: str = Field(..., max_length=170, pattern=SLUG)


def _organisation(request, organisation) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "description": organisation.description,
        "address": organisation.address,
        "latitude": organisation.latitude,
        "longitude": organisation.longitude,
        "website": organisation.website,
        "opening_hours": organisation.opening_hours,
        "neighbourhoods": [area(place) for place in organisation.neighbourhoods.all()],
        "url": site_url(request, "neighbourhoods:organisation", slug=organisation.slug),
    }


@router.get("", response={200: OrganisationList, **ERRORS}, summary="List organisations")
def organisation_list(request, query: Query[OrganisationQuery]):
    """Approved organisations on the social map, by name; ``wijk`` includes its buurten."""
    queryset = selectors.organisations_filtered(
        selectors.organisations_for_api(), wijk=query.wijk, buurt=query.buurt, kind=query.kind
    )
    return listing(request, queryset, query, name="organisations", item=_organisation)


@router.get("/{slug}", response={200: Organisation, **ERRORS}, summary="One organisation")
def organisation_detail(request, params: Path[OrganisationSlug]):
    """An approved organisation of the social map."""
    organisation = selectors.organisations_for_api().filter(slug=params.slug).first()
    if organisation is None:
        raise Http404(_("There is no organisation on the social map with this slug."))
    return _organisation(request, organisation)
