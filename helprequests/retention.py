"""Retention, overdue counts for coordinators, and the resident's own data (AVG/GDPR)."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from mijnbuurt.notifications.services import notify
from neighbourhoods.models import TeamMembership

from .kinds import HELP_REQUEST_OVERDUE
from .models import (
    CLOSED_STATUSES_LIST,
    HelpMessage,
    HelpRequest,
    HelpRequestEvent,
    Satisfaction,
)
from .selectors import help_request_overdue_q
from .workdays import is_working_day


def help_requests_to_anonymise(*, now: dt.datetime | None = None):
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.HELP_REQUEST_RETENTION_DAYS)
    return HelpRequest.objects.filter(
        status__in=CLOSED_STATUSES_LIST, closed_at__lt=cutoff, anonymised_at__isnull=True
    )


@transaction.atomic
def help_request_anonymise(*, help_request: HelpRequest, now: dt.datetime | None = None) -> bool:
    """Blank everything personal of one closed request; keep what the statistics need.

    Claims the request with a conditional update, so running twice changes nothing.
    """
    now = now or timezone.now()
    claimed = HelpRequest.objects.filter(pk=help_request.pk, anonymised_at__isnull=True).update(
        anonymised_at=now,
        requester=None,
        description="",
        contact_name="",
        contact_phone="",
        contact_email="",
        contact_address="",
    )
    if not claimed:
        return False
    HelpMessage.objects.filter(request_id=help_request.pk).update(body="")
    HelpRequestEvent.objects.filter(request_id=help_request.pk).update(note="")
    Satisfaction.objects.filter(request_id=help_request.pk).update(comment="")
    return True


def help_requests_anonymise(*, now: dt.datetime | None = None) -> int:
    """Anonymise every request closed longer than HELP_REQUEST_RETENTION_DAYS ago."""
    count = 0
    for pk in help_requests_to_anonymise(now=now).values_list("pk", flat=True).iterator():
        count += help_request_anonymise(help_request=HelpRequest(pk=pk), now=now)
    return count


@transaction.atomic
def help_overdue_notify(*, now: dt.datetime | None = None) -> int:
    """Tell each team's coordinators how many requests are overdue (a count and a link).

    Only on working days: on a Dutch public holiday (Koningsdag, Ascension Day, ...) or a
    weekend day nobody is told; the next working morning's count includes those requests.
    """
    now = now or timezone.now()
    if not is_working_day(timezone.localdate(now)):
        return 0
    counts = dict(
        HelpRequest.objects.filter(help_request_overdue_q(now), team__isnull=False)
        .order_by()
        .values_list("team_id")
        .annotate(n=Count("pk"))
        .values_list("team_id", "n")
    )
    sent = 0
    coordinators = (
        TeamMembership.objects.filter(
            team_id__in=counts, is_coordinator=True, user__is_active=True
        )
        .select_related("user")
        .order_by("team_id", "user_id")
    )
    day = timezone.localdate(now).isoformat()
    for membership in coordinators:
        notification = notify(
            recipient=membership.user,
            kind=HELP_REQUEST_OVERDUE.name,
            context={"count": counts[membership.team_id]},
            url_name="help:queue",
            query={"achterstallig": "true"},
            once_key=f"help_overdue:{day}:{membership.team_id}:{membership.user_id}",
        )
        if notification is not None:  # None: this morning's count was sent already
            sent += 1
    return sent


def help_requests_personal_data_export(user) -> list[dict]:
    """The resident's own requests for "download my data" (without the team's notes)."""
    requests = (
        HelpRequest.objects.filter(requester=user)
        .select_related("neighbourhood", "team", "referred_to", "satisfaction")
        .prefetch_related("events", "messages")
        .order_by("created_at", "pk")
    )
    result = []
    for r in requests:
        satisfaction = getattr(r, "satisfaction", None)
        result.append(
            {
                "number": r.pk,
                "kind": r.kind,
                "description": r.description,
                "urgency": r.urgency,
                "status": r.status,
                "neighbourhood": r.neighbourhood.name,
                "area_team": r.team.name if r.team else None,
                "referred_to": r.referred_to.name if r.referred_to else None,
                "contact": {
                    "name": r.contact_name,
                    "way": r.contact_way,
                    "phone": str(r.contact_phone),  # E.164, or as typed long ago
                    "email": r.contact_email,
                    "address": r.contact_address,
                },
                "consent_share_anonymised": r.consent_share_anonymised,
                "created_at": r.created_at.isoformat(),
                "first_contact_at": r.first_contact_at.isoformat() if r.first_contact_at else None,
                "history": [
                    {"at": e.at.isoformat(), "status": e.to_status, "note": e.note}
                    for e in r.events.all()
                ],
                "messages": [
                    {"at": m.created_at.isoformat(), "direction": m.direction, "text": m.body}
                    for m in r.messages.all()
                    if m.direction != HelpMessage.Direction.INTERNAL
                ],
                "satisfaction": (
                    {"score": satisfaction.score, "comment": satisfaction.comment}
                    if satisfaction
                    else None
                ),
            }
        )
    return result


def help_requests_personal_data_erase(user) -> None:
    """A deleted account takes its help requests (messages, history) with it."""
    HelpRequest.objects.filter(requester=user).delete()
