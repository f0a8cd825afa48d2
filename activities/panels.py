"""What activities show on the start page "Mijn buurt" (mijnbuurt.core.start): the next
activities in the person's wijk, and the ones they registered for. One query each."""

from django.http import HttpRequest

from mijnbuurt.core.panels import Panel, register_panel
from mijnbuurt.core.start import MINE, NEIGHBOURHOOD
from neighbourhoods.selectors import user_home_area

from .selectors import activities_latest_in, registrations_upcoming_of


def activities_in_my_wijk(user, request: HttpRequest) -> dict | None:
    area = user_home_area(user)
    if area is None:
        return None
    return {"area": area, "activities": activities_latest_in(area, limit=3)}


def my_activities(user, request: HttpRequest) -> dict | None:
    registrations = registrations_upcoming_of(user)
    if not registrations:
        return None
    return {"registrations": registrations}


def register_panels() -> None:
    register_panel(
        Panel(
            slot=NEIGHBOURHOOD,
            name="activities_in_my_wijk",
            template_name="activities/panels/start_in_my_wijk.html",
            context=activities_in_my_wijk,
        )
    )
    register_panel(
        Panel(
            slot=MINE,
            name="my_activities",
            template_name="activities/panels/start_mine.html",
            context=my_activities,
        )
    )
