"""What venues show on the start page "Mijn buurt" (mijnbuurt.core.start): for a venue
manager each venue with the bookings waiting for approval, for everyone their own
coming bookings; and on an initiative's page, where and when it meets (its approved
bookings still to come). One query per panel."""

from django.http import HttpRequest

from mijnbuurt.core.panels import Panel, register_panel
from mijnbuurt.core.start import MINE, WORK

from .selectors import bookings_coming_for_initiative, bookings_coming_of, venues_managed_by


def venue_management(user, request: HttpRequest) -> dict | None:
    venues = venues_managed_by(user=user)  # the query that decides the role, too
    if not venues:
        return None
    return {"venues": venues, "to_decide": sum(venue.to_decide for venue in venues)}


def my_bookings(user, request: HttpRequest) -> dict | None:
    bookings = bookings_coming_of(user=user)
    if not bookings:
        return None
    return {"bookings": bookings}


def initiative_bookings(initiative, request: HttpRequest) -> dict | None:
    bookings = bookings_coming_for_initiative(initiative_id=initiative.pk)
    if not bookings:
        return None
    return {"initiative_bookings": bookings}


def register_panels() -> None:
    register_panel(
        Panel(
            slot="initiatives.detail",
            name="venue_bookings",
            template_name="venues/panels/initiative_bookings.html",
            context=initiative_bookings,
        )
    )
    register_panel(
        Panel(
            slot=WORK,
            name="venue_management",
            template_name="venues/panels/start_venue_management.html",
            context=venue_management,
        )
    )
    register_panel(
        Panel(
            slot=MINE,
            name="my_bookings",
            template_name="venues/panels/start_my_bookings.html",
            context=my_bookings,
        )
    )
