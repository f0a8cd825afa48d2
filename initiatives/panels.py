"""What initiatives show on the start page "Mijn buurt" (mijnbuurt.core.start).

Reviewers (staff and area-team professionals) see what waits for their review, with
counts; staff see the moderation queue; everyone sees the news and new initiatives of
their wijk this week and the initiatives they organise. A panel shows only when the
person's roles warrant it; each runs a fixed number of queries.
"""

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from mijnbuurt.accounts.roles import Role
from mijnbuurt.core.panels import Panel, register_panel
from mijnbuurt.core.start import MINE, NEIGHBOURHOOD, WORK, session_roles
from neighbourhoods.selectors import user_home_area

from .selectors.initiatives import (
    initiative_review_counts,
    initiatives_latest_published_in,
    initiatives_organised_by,
    updates_in,
)
from .selectors.moderation import abuse_report_groups_open

WEEK = dt.timedelta(days=7)


def reviews(user, request: HttpRequest) -> dict | None:
    """Staff and area-team professionals review initiatives, grants and reports."""
    if not session_roles(request) & {Role.STAFF, Role.PROFESSIONAL}:
        return None
    counts = initiative_review_counts(user)
    return {"counts": counts, "total": sum(counts.values())}


def moderation(user, request: HttpRequest) -> dict | None:
    """Municipal staff moderate: the reported items waiting (one query)."""
    if Role.STAFF not in session_roles(request):
        return None
    return {"reported": abuse_report_groups_open().count()}


def neighbourhood_initiatives(user, request: HttpRequest) -> dict | None:
    area = user_home_area(user)
    if area is None:
        return None
    return {
        "area": area,
        "news": updates_in(area, since=timezone.now() - WEEK),
        "initiatives": initiatives_latest_published_in(area, limit=3),
    }


def my_initiatives(user, request: HttpRequest) -> dict | None:
    organised = initiatives_organised_by(user)
    if not organised:
        return None
    return {"organised": organised}


def register_panels() -> None:
    for slot, name, context in (
        (WORK, "review_queue", reviews),
        (WORK, "moderation_queue", moderation),
        (NEIGHBOURHOOD, "initiatives", neighbourhood_initiatives),
        (MINE, "my_initiatives", my_initiatives),
    ):
        register_panel(
            Panel(
                slot=slot,
                name=name,
                template_name=f"initiatives/panels/start_{name}.html",
                context=context,
            )
        )
