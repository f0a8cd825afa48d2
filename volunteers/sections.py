"""The volunteer tasks section of a neighbourhood's page, and its figure on /wijken/."""

from django.utils.translation import gettext_lazy as _

from neighbourhoods.sections import NeighbourhoodSection, register_section

from .selectors.tasks import open_task_count_per_wijk, tasks_open_in


def register_sections() -> None:
    register_section(
        NeighbourhoodSection(
            name="volunteers",
            title=_("Volunteer tasks"),
            template_name="volunteers/partials/public_neighbourhood_section.html",
            items=tasks_open_in,
            count_per_wijk=open_task_count_per_wijk,
        )
    )
