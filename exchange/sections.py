"""The exchange's section of a neighbourhood's page, and its figure on /wijken/."""

from django.utils.translation import gettext_lazy as _

from neighbourhoods.sections import NeighbourhoodSection, register_section

from .selectors import listing_count_per_wijk, listings_latest_in


def register_sections() -> None:
    register_section(
        NeighbourhoodSection(
            name="exchange",
            title=_("Ask and offer"),
            template_name="exchange/partials/neighbourhood_section.html",
            items=listings_latest_in,
            count_per_wijk=listing_count_per_wijk,
        )
    )
