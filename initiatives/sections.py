"""The initiatives section of a neighbourhood's page, and its figure on /wijken/."""

from django.utils.translation import gettext_lazy as _

from neighbourhoods.sections import NeighbourhoodSection, register_section

from .selectors.initiatives import initiative_count_per_wijk, initiatives_latest_published_in


def register_sections() -> None:
    register_section(
        NeighbourhoodSection(
            name="initiatives",
            title=_("Initiatives"),
            template_name="initiatives/partials/neighbourhood_section.html",
            items=lambda neighbourhood: initiatives_latest_published_in(neighbourhood, limit=5),
            count_per_wijk=initiative_count_per_wijk,
        )
    )
