"""What the routers share: page and area parameters, site links, area references."""

import datetime as dt
from enum import StrEnum

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from ninja import Field, Schema
from ninja.errors import ValidationError

from mijnbuurt.core.params import MAX_ID

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, page_of
from ..schemas import Problem

# The errors every operation may answer, for the OpenAPI description.
ERRORS = {400: Problem, 404: Problem, 429: Problem, 500: Problem}
MAX_PAGE = 10**6
SLUG = r"^[-a-zA-Z0-9_]+$"


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="The page, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page, at most 100."
    )


class AreaQuery(PageQuery):
    wijk: str | None = Field(
        None, max_length=120, pattern=SLUG, description="A wijk's CBS code or slug."
    )
    buurt: str | None = Field(
        None, max_length=120, pattern=SLUG, description="A buurt's CBS code or slug."
    )


# The days a query may name: enough for any plan, and far from the calendar's ends,
# where a day's arithmetic (the next day, midnight in UTC) would not exist.
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)


def day_param(description: str):
    """An optional day (YYYY-MM-DD) in a query, from 2000 to 2999."""
    return Field(
        None,
        ge=FIRST_DAY,
        le=LAST_DAY,
        description=description,
        json_schema_extra={"pattern": "^2[0-9]{3}-"},
    )


def choices(name: str, text_choices) -> type[StrEnum]:
    """The values of a model's choices as an enumeration named ``name`` in the
    description (models' ``Kind`` classes would all be called ``Kind`` there)."""
    return StrEnum(name, {value: value for value in text_choices.values})


def id_path(description: str):
    """An id in a path: a number the database can hold."""
    return Field(..., ge=1, le=MAX_ID, description=description)


def site_url(request, name: str, **kwargs) -> str:
    """The absolute address of a page of the site, in its default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))


def area(neighbourhood) -> dict:
    return {"code": neighbourhood.code, "name": neighbourhood.name, "slug": neighbourhood.slug}


def listing(request, queryset, query: PageQuery, *, name: str, item) -> dict:
    """A page of ``queryset`` with its links, each item shaped by ``item(request, obj)``."""
    items, page = page_of(request, queryset, page=query.page, page_size=query.page_size)
    return {**page, "_embedded": {name: [item(request, obj) for obj in items]}}


def refuse(name: str, reason: str):
    """Answer 400 (a problem whose ``invalidParams`` names the parameter ``name``)."""
    raise ValidationError([{"loc": ("query", name), "type": "invalid", "msg": str(reason)}])
