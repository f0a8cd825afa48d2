"""The demo's initiatives dated over the past year, with their support, news, comments
and grant requests after them, so the reports' months show a year of activity.

Each initiative's moment follows from its title (``demo_moment``), and what hangs on
it follows at fixed distances, never later than now: seeding again changes nothing.
"""

import datetime as dt

from django.utils import timezone

from mijnbuurt.core.demo import demo_moment

from ..models import Comment, GrantRequest, Initiative, InitiativeUpdate, Support


def _after(start: dt.datetime, days: float, now: dt.datetime) -> dt.datetime:
    return min(start + dt.timedelta(days=days), now - dt.timedelta(hours=1))


def spread_initiative_dates(titles: list[str]) -> int:
    """Date the demo initiatives named in ``titles`` and what hangs on them."""
    now = timezone.now()
    initiatives = list(Initiative.objects.filter(title__in=titles))
    born = {}
    for initiative in initiatives:
        start = born[initiative.pk] = demo_moment(f"initiative:{initiative.title}")
        initiative.created_at = start
        if initiative.submitted_at:
            initiative.submitted_at = _after(start, 2, now)
        if initiative.published_at:
            initiative.published_at = _after(start, 9, now)
    Initiative.objects.bulk_update(initiatives, ["created_at", "submitted_at", "published_at"])
    # Support, news and comments in the weeks after publication, one a day or two apart.
    for model, first, step in ((Support, 10, 1.5), (InitiativeUpdate, 12, 20), (Comment, 14, 3)):
        rows = list(model.objects.filter(initiative__in=born).order_by("initiative", "pk"))
        counts: dict = {}
        for row in rows:
            k = counts[row.initiative_id] = counts.get(row.initiative_id, -1) + 1
            row.created_at = _after(born[row.initiative_id], first + k * step, now)
        model.objects.bulk_update(rows, ["created_at"])
    grants = list(GrantRequest.objects.filter(initiative__in=born))
    for grant in grants:
        grant.created_at = _after(born[grant.initiative_id], 16, now)
        if grant.decided_at:
            grant.decided_at = _after(grant.created_at, 21, now)
        if grant.paid_at:
            grant.paid_at = _after(grant.created_at, 35, now)
    GrantRequest.objects.bulk_update(grants, ["created_at", "decided_at", "paid_at"])
    return len(initiatives)
