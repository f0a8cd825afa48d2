"""Figures per wijk and month, as the wijkanalyse counts them. Small numbers of people
or of what people asked are not shown: a count below ``SMALL`` is the text ``"<5"``,
so that nobody can be picked out (help requests appear as counts only)."""

from django.db.models import Q
from django.utils import timezone
from ninja import Field, Query, Router

from .. import selectors
from ..schemas import WijkMonthList
from .common import ERRORS, SLUG, PageQuery, area, listing

router = Router(by_alias=True)
SMALL = 5
SUPPRESSED = "<5"
FIRST_YEAR = 2020


class FiguresQuery(PageQuery):
    year: int | None = Field(
        None, ge=FIRST_YEAR, le=2999, description="The year (this year if not given)."
    )
    wijk: str | None = Field(
        None, max_length=120, pattern=SLUG, description="A wijk's CBS code or slug."
    )


def suppressed(value: int) -> int | str:
    """A count of people or requests as the API shows it: ``"<5"`` below 5."""
    return SUPPRESSED if value < SMALL else value


def _figures(values: dict) -> dict:
    figures = {name: suppressed(values.get(name) or 0) for name in selectors.COUNTS}
    for name in selectors.HOURS:
        figures[name] = float(values.get(name) or 0)
    return figures


@router.get(
    "/wijk-figures",
    response={200: WijkMonthList, **ERRORS},
    summary="Figures per wijk and month",
)
def wijk_figures(request, query: Query[FiguresQuery]):
    """The wijkanalyse's figures of a year, a row per wijk and month (months to come
    left out), by wijk code and month; a count below 5 is the text ``<5``."""
    today = timezone.localdate()
    year = query.year or today.year
    # A year to come has no months yet (an empty list, as for a wijk with no figures).
    last = 0 if year > today.year else today.month if year == today.year else 12
    months = range(1, last + 1)
    wijken = selectors.wijken_for_figures()
    if query.wijk:
        wijken = wijken.filter(Q(code=query.wijk) | Q(slug=query.wijk))
    found = selectors.wijk_month_figures(year)
    rows = [
        {
            "wijk": area(wijk),
            "month": f"{year}-{month:02d}",
            "figures": _figures(found.get((wijk.pk, month), {})),
        }
        for wijk in wijken
        for month in months
    ]
    return listing(request, rows, query, name="wijk_figures", item=lambda request, row: row)
