"""What volunteering shows on the pages of other apps (mijnbuurt.core.panels).

An initiative's page lists its volunteer tasks; a help request's pages show its
hand-overs to a volunteer (the team's page) and the volunteer who was found (the
resident's page); the start page "Mijn buurt" (mijnbuurt.core.start) shows the tasks
of this week in the person's wijk and their own coming shifts. Each context function
runs one query.
"""

import rules
from django.http import HttpRequest

from helprequests.models import HelpRequest
from initiatives.models import Initiative
from initiatives.models import Status as InitiativeStatus
from mijnbuurt.core.panels import Panel, register_panel
from mijnbuurt.core.start import MINE, NEIGHBOURHOOD
from neighbourhoods.selectors import user_home_area

from .models import HandOver
from .selectors.handover import handovers_of
from .selectors.tasks import agenda_upcoming, tasks_open_of_initiative, tasks_this_week_in

IN_PROGRESS = (HandOver.Status.OFFERED, HandOver.Status.CONFIRMED)
# An organiser looks for volunteers until the initiative has ended.
ENDED = (InitiativeStatus.DECLINED, InitiativeStatus.STOPPED, InitiativeStatus.COMPLETED)


def initiative_tasks(initiative: Initiative, request: HttpRequest) -> dict:
    may_find_volunteers = initiative.status not in ENDED and rules.has_perm(
        "initiatives.change_initiative", request.user, initiative
    )
    return {
        "open_tasks": tasks_open_of_initiative(initiative),
        "may_find_volunteers": may_find_volunteers,
    }


def help_request_handovers(help_request: HelpRequest, request: HttpRequest) -> dict:
    """The team's page: every hand-over, and a new one unless the latest is under way."""
    handovers = handovers_of(help_request)
    in_progress = bool(handovers) and handovers[0].status in IN_PROGRESS
    return {"handovers": handovers, "handover_in_progress": in_progress}


def help_request_volunteer_found(help_request: HelpRequest, request: HttpRequest) -> dict | None:
    """The resident's page: the volunteer of a confirmed hand-over of an open request."""
    handovers = handovers_of(help_request)
    latest = handovers[0] if handovers else None
    if latest is None or latest.status != HandOver.Status.CONFIRMED or not latest.volunteer:
        return None
    if not help_request.is_open:
        return None
    return {"volunteer": latest.volunteer, "agreed_at": latest.agreed_at}


def tasks_this_week(user, request: HttpRequest) -> dict | None:
    area = user_home_area(user)
    if area is None:
        return None
    return {"area": area, "tasks": tasks_this_week_in(area)}


def my_shifts(user, request: HttpRequest) -> dict | None:
    signups = agenda_upcoming(user=user, limit=5)
    if not signups:
        return None
    return {"signups": signups}


def register_panels() -> None:
    register_panel(
        Panel(
            slot=NEIGHBOURHOOD,
            name="tasks_this_week",
            template_name="volunteers/panels/start_tasks_this_week.html",
            context=tasks_this_week,
        )
    )
    register_panel(
        Panel(
            slot=MINE,
            name="my_shifts",
            template_name="volunteers/panels/start_my_shifts.html",
            context=my_shifts,
        )
    )
    register_panel(
        Panel(
            slot="initiatives.detail",
            name="volunteer_tasks",
            template_name="volunteers/panels/initiative_tasks.html",
            context=initiative_tasks,
        )
    )
    register_panel(
        Panel(
            slot="helprequests.team_detail",
            name="handovers",
            template_name="volunteers/panels/help_request_handovers.html",
            context=help_request_handovers,
        )
    )
    register_panel(
        Panel(
            slot="helprequests.resident_detail",
            name="volunteer_found",
            template_name="volunteers/panels/help_request_volunteer_found.html",
            context=help_request_volunteer_found,
        )
    )
