"""What help requests show on the start page "Mijn buurt" (mijnbuurt.core.start): the
area team's queue with counts (professionals, and staff for the requests no team
covers), and a resident's own open requests. Counts only: what a request says stays
on its own pages, where every read is logged. One query per panel."""

from django.http import HttpRequest

from mijnbuurt.accounts.roles import Role
from mijnbuurt.core.panels import Panel, register_panel
from mijnbuurt.core.start import MINE, WORK, session_roles

from .selectors import help_request_queue_counts, help_requests_open_of


def team_queue(user, request: HttpRequest) -> dict | None:
    if not session_roles(request) & {Role.STAFF, Role.PROFESSIONAL}:
        return None
    return {"counts": help_request_queue_counts(user=user)}


def my_help_requests(user, request: HttpRequest) -> dict | None:
    requests = help_requests_open_of(user=user)
    if not requests:
        return None
    return {"help_requests": requests}


def register_panels() -> None:
    register_panel(
        Panel(
            slot=WORK,
            name="team_queue",
            template_name="helprequests/panels/start_team_queue.html",
            context=team_queue,
        )
    )
    register_panel(
        Panel(
            slot=MINE,
            name="my_help_requests",
            template_name="helprequests/panels/start_my_help_requests.html",
            context=my_help_requests,
        )
    )
