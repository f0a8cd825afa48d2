"""What is going on in a neighbourhood: sections that other apps add to its page.

An app with things located in a neighbourhood (initiatives, venues, ...) registers a
section in its ``AppConfig.ready()``: a title, a template for its items, a function
that returns the items of a neighbourhood (a wijk includes its buurten), and one that
counts them per wijk for /wijken/. Both run a fixed number of queries. This app
never imports the apps that register, so dependencies keep pointing one way.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce
from django.utils.functional import Promise

from .models import Neighbourhood


@dataclass(frozen=True)
class NeighbourhoodSection:
    name: str
    title: str | Promise
    template_name: str
    items: Callable[[Neighbourhood], list]
    count_per_wijk: Callable[[], dict[int, int]]


_sections: dict[str, NeighbourhoodSection] = {}


def register_section(section: NeighbourhoodSection) -> None:
    _sections[section.name] = section


def sections_for(neighbourhood: Neighbourhood) -> list[tuple[NeighbourhoodSection, list]]:
    """Every registered section with its items for ``neighbourhood``."""
    return [(section, section.items(neighbourhood)) for section in _sections.values()]


def figures_per_wijk() -> list[tuple[NeighbourhoodSection, dict[int, int]]]:
    """Every registered section with its counts per wijk id (one query each)."""
    return [(section, section.count_per_wijk()) for section in _sections.values()]


def count_per_wijk(queryset: QuerySet) -> dict[int, int]:
    """How many rows of ``queryset`` (with a ``neighbourhood``) lie in each wijk.

    A row in a buurt counts for the buurt's wijk. One query.
    """
    rows = (
        queryset.values(wijk=Coalesce("neighbourhood__wijk_id", "neighbourhood_id"))
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["wijk"]: row["count"] for row in rows}
