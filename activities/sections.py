"""Activities' section of a neighbourhood's page, and its figure on /wijken/."""

from django.utils.translation import gettext_lazy as _

from neighbourhoods.sections import NeighbourhoodSection, register_section

from .selectors import activities_latest_in, activity_count_per_wijk


def register_sections() -> None:
    register_section(
        NeighbourhoodSection(
            name="activities",
            title=_("Activities"),
            template_name="activities/partials/neighbourhood_section.html",
            items=activities_latest_in,
            count_per_wijk=activity_count_per_wijk,
        )
    )
