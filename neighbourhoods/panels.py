"""What the neighbourhoods app shows on the start page "Mijn buurt" (mijnbuurt.core.start):
the person's buurt and wijk, or how to set them. No query: the start page loads the
home buurt with its wijk."""

from django.http import HttpRequest

from mijnbuurt.core.panels import Panel, register_panel
from mijnbuurt.core.start import NEIGHBOURHOOD

from .selectors import user_home_area


def my_neighbourhood(user, request: HttpRequest) -> dict:
    return {"home": user.home_neighbourhood, "area": user_home_area(user)}


def register_panels() -> None:
    register_panel(
        Panel(
            slot=NEIGHBOURHOOD,
            name="my_neighbourhood",
            template_name="neighbourhoods/panels/start_neighbourhood.html",
            context=my_neighbourhood,
        )
    )
