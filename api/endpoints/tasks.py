"""Volunteer tasks that are open: published, not private, with a shift still to come."""

import datetime as dt

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from initiatives.models import Theme

from .. import selectors
from ..schemas import Task, TaskList
from .common import ERRORS, SLUG, AreaQuery, area, day_param, id_path, listing, site_url

router = Router(by_alias=True)


class TaskQuery(AreaQuery):
    theme: Theme | None = None
    kind: str | None = Field(
        None, max_length=110, pattern=SLUG, description="The slug of a kind of task."
    )
    date_from: dt.date | None = day_param("With a shift on or after this day.")
    date_until: dt.date | None = day_param("With a shift on or before this day.")


class TaskId(Schema):
    id: int = id_path("The task's id.")


def _task(request, task) -> dict:
    shifts = [
        {
            "starts_at": shift.starts_at,
            "ends_at": shift.ends_at,
            "places": shift.places,
            "places_left": max(shift.places - shift.taken, 0),
        }
        for shift in task.shifts.all()
    ]
    initiative = task.initiative
    organisation = task.organisation
    return {
        "id": task.pk,
        "title": task.title,
        "description": task.description,
        "kind": task.kind.name,
        "theme": task.theme,
        "neighbourhood": area(task.neighbourhood),
        "latitude": task.latitude,
        "longitude": task.longitude,
        "initiative": {"id": initiative.pk, "title": initiative.title} if initiative else None,
        "organisation": (
            {"slug": organisation.slug, "name": organisation.name} if organisation else None
        ),
        "requires_vog": task.requires_vog,
        "min_age": task.min_age,
        "is_recurring": task.is_recurring,
        "published_at": task.published_at,
        "places_left": sum(shift["places_left"] for shift in shifts),
        "shifts": shifts,
        "url": site_url(request, "volunteers:task", pk=task.pk),
    }


@router.get("", response={200: TaskList, **ERRORS}, summary="List open volunteer tasks")
def task_list(request, query: Query[TaskQuery]):
    """Open tasks, the soonest next shift first, with their shifts and places left."""
    queryset = selectors.tasks_filtered(
        selectors.tasks_for_api(),
        wijk=query.wijk,
        buurt=query.buurt,
        theme=query.theme,
        kind=query.kind,
        date_from=query.date_from,
        date_until=query.date_until,
    )
    return listing(request, queryset, query, name="volunteer_tasks", item=_task)


@router.get("/{int:id}", response={200: Task, **ERRORS}, summary="One open volunteer task")
def task_detail(request, params: Path[TaskId]):
    """An open volunteer task with its shifts to come, with ``Last-Modified``."""
    task = selectors.tasks_for_api().filter(pk=params.id).first()
    if task is None:
        raise Http404(_("There is no open volunteer task with this id."))
    request.api_last_modified = task.updated_at
    return _task(request, task)
