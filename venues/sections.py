"""The community buildings section of a neighbourhood's page, and its figure on /wijken/."""

from django.utils.translation import gettext_lazy as _

from neighbourhoods.sections import NeighbourhoodSection, register_section

from .selectors import venue_count_per_wijk, venues_in


def register_sections() -> None:
    register_section(
        NeighbourhoodSection(
            name="venues",
            title=_("Community buildings"),
            template_name="venues/partials/neighbourhood_section.html",
            items=venues_in,
            count_per_wijk=venue_count_per_wijk,
        )
    )
