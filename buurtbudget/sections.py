"""Buurtbudget's section of a neighbourhood's page, and its figure on /wijken/."""

from django.utils.translation import gettext_lazy as _

from neighbourhoods.sections import NeighbourhoodSection, register_section

from .selectors import round_count_per_wijk, rounds_open_in


def register_sections() -> None:
    register_section(
        NeighbourhoodSection(
            name="buurtbudget",
            title=_("Neighbourhood budget"),
            template_name="buurtbudget/partials/neighbourhood_section.html",
            items=rounds_open_in,
            count_per_wijk=round_count_per_wijk,
        )
    )
