"""What the exchange shows on the start page "Mijn buurt" (mijnbuurt.core.start): the
newest offers and requests in the person's wijk, and their own listings with the
conversations that have unread messages; and on the profile page, the thank-you
messages the person received and agreed to show; and on the moderation queue
(/initiatieven/moderatie/), the open reports of listings and messages with a link to
the exchange's own moderation page. One or two queries per panel."""

from django.http import HttpRequest

from mijnbuurt.core.panels import Panel, register_panel
from mijnbuurt.core.start import MINE, NEIGHBOURHOOD
from neighbourhoods.selectors import user_home_area

from .matches_selectors import thanks_for_profile
from .models import ACTIVE_STATUSES
from .moderation_selectors import reports_open_count
from .selectors import conversations_unread_count, listings_latest_in, listings_of


def exchange_in_my_wijk(user, request: HttpRequest) -> dict | None:
    area = user_home_area(user)
    if area is None:
        return None
    return {"area": area, "listings": listings_latest_in(area, limit=3)}


def my_exchange(user, request: HttpRequest) -> dict | None:
    listings = list(listings_of(user).filter(status__in=ACTIVE_STATUSES)[:5])
    unread = conversations_unread_count(user)
    if not listings and not unread:
        return None
    return {"listings": listings, "unread": unread}


THANKS_SHOWN = 10


def thanks_received(user, request: HttpRequest) -> dict | None:
    """Thank-you messages to this person that they agreed to show (one query)."""
    thanks = list(thanks_for_profile(user)[:THANKS_SHOWN])
    return {"thanks": thanks} if thanks else None


MODERATION_QUEUE = "moderation.queue"


def exchange_reports(user, request: HttpRequest) -> dict | None:
    """For the moderators (staff): how many reports wait (one query)."""
    if not user.is_authenticated or not user.is_staff:
        return None
    return {"open_reports": reports_open_count()}


def register_panels() -> None:
    register_panel(
        Panel(
            slot=MODERATION_QUEUE,
            name="exchange_reports",
            template_name="exchange/panels/moderation_queue.html",
            context=exchange_reports,
        )
    )
    register_panel(
        Panel(
            slot="accounts.profile",
            name="exchange_thanks",
            template_name="exchange/panels/profile_thanks.html",
            context=thanks_received,
        )
    )
    register_panel(
        Panel(
            slot=NEIGHBOURHOOD,
            name="exchange_in_my_wijk",
            template_name="exchange/panels/start_in_my_wijk.html",
            context=exchange_in_my_wijk,
        )
    )
    register_panel(
        Panel(
            slot=MINE,
            name="my_exchange",
            template_name="exchange/panels/start_mine.html",
            context=my_exchange,
        )
    )
