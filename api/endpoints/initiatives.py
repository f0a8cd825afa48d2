"""Published initiatives: running and completed ones, never hidden ones."""

import datetime as dt

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from initiatives.models import PUBLIC_STATUSES, Theme

from .. import selectors
from ..schemas import Initiative, InitiativeList
from .common import ERRORS, AreaQuery, area, day_param, id_path, listing, site_url

router = Router(by_alias=True)
# The API names the statuses as the site shows them.
STATUS_NAMES = {"published": "running", "completed": "completed"}
assert set(STATUS_NAMES) == {str(status) for status in PUBLIC_STATUSES}


class InitiativeQuery(AreaQuery):
    theme: Theme | None = None
    status: str | None = Field(None, pattern="^(running|completed)$")
    date_from: dt.date | None = day_param("Running on or after this day.")
    date_until: dt.date | None = day_param("Started on or before this day.")


class InitiativeId(Schema):
    id: int = id_path("The initiative's id.")


def _initiative(request, initiative) -> dict:
    return {
        "id": initiative.pk,
        "title": initiative.title,
        "summary": initiative.summary,
        "description": initiative.description,
        "theme": initiative.theme,
        "status": STATUS_NAMES[initiative.status],
        "neighbourhood": area(initiative.neighbourhood),
        "latitude": initiative.latitude,
        "longitude": initiative.longitude,
        "start_date": initiative.start_date,
        "end_date": initiative.end_date,
        "needs": initiative.needs,
        "supporter_count": initiative.supporter_count,
        "organisers": [membership.user.public_name for membership in initiative.memberships.all()],
        "photos": [
            {
                "url": request.build_absolute_uri(photo.image.url),
                "thumbnail_url": request.build_absolute_uri(photo.thumbnail.url),
                "description": photo.description,
            }
            for photo in initiative.photos.all()
        ],
        "published_at": initiative.published_at,
        "url": site_url(request, "initiatives:detail", pk=initiative.pk),
    }


@router.get("", response={200: InitiativeList, **ERRORS}, summary="List initiatives")
def initiative_list(request, query: Query[InitiativeQuery]):
    """Running and completed initiatives, the most recently published first."""
    status = {name: value for value, name in STATUS_NAMES.items()}.get(query.status or "")
    queryset = selectors.initiatives_filtered(
        selectors.initiatives_for_api(),
        wijk=query.wijk,
        buurt=query.buurt,
        theme=query.theme,
        status=status,
        date_from=query.date_from,
        date_until=query.date_until,
    )
    return listing(request, queryset, query, name="initiatives", item=_initiative)


@router.get("/{int:id}", response={200: Initiative, **ERRORS}, summary="One initiative")
def initiative_detail(request, params: Path[InitiativeId]):
    """A running or completed initiative, with ``Last-Modified``."""
    initiative = selectors.initiatives_for_api().filter(pk=params.id).first()
    if initiative is None:
        raise Http404(_("There is no published initiative with this id."))
    request.api_last_modified = initiative.updated_at
    return _initiative(request, initiative)
