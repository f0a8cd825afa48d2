"""Reads of help requests; every query shape lives here so no template queries lazily."""

import datetime as dt
import re

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext

from mijnbuurt.accounts.models import User
from mijnbuurt.core.aggregates import median
from neighbourhoods.models import Organisation, TeamMembership

from .models import (
    OPEN_STATUSES_LIST,
    AccessLog,
    HelpMessage,
    HelpRequest,
    HelpRequestEvent,
    ReplyTemplate,
)


def help_request_queue_scope(*, user, team_ids: list[int]) -> Q:
    """The requests ``user`` works on: their teams' and, for staff, the fallback queue."""
    scope = Q(team_id__in=team_ids)
    if user.is_staff:
        scope |= Q(team__isnull=True)
    return scope


def help_request_overdue_q(now: dt.datetime | None = None) -> Q:
    return Q(
        first_contact_at__isnull=True,
        status__in=OPEN_STATUSES_LIST,
        due_at__lt=now or timezone.now(),
    )


def help_request_queue(*, user, team_ids: list[int]) -> QuerySet[HelpRequest]:
    """The queue, soonest due first; filter it with HelpQueueFilter."""
    return (
        HelpRequest.objects.filter(help_request_queue_scope(user=user, team_ids=team_ids))
        .select_related("neighbourhood", "team", "assignee")
        .order_by("due_at", "pk")
    )


def team_colleagues(help_request: HelpRequest) -> QuerySet[User]:
    """Who a request may be assigned to: its team's members, or staff for the fallback."""
    if help_request.team_id:
        where = Q(team_memberships__team_id=help_request.team_id)
    else:
        where = Q(is_staff=True)
    return User.objects.filter(where, is_active=True).distinct().order_by("display_name", "pk")


def help_requests_of_resident(*, user) -> QuerySet[HelpRequest]:
    return (
        HelpRequest.objects.filter(requester_id=user.pk)
        .select_related("neighbourhood")
        .order_by("-created_at", "-pk")
    )


def help_request_for_resident() -> QuerySet[HelpRequest]:
    """What the resident's page shows; the access helper picks one."""
    return HelpRequest.objects.select_related(
        "neighbourhood", "team", "referred_to", "satisfaction"
    ).prefetch_related(
        Prefetch("events", queryset=HelpRequestEvent.objects.order_by("at", "pk")),
        Prefetch(
            "messages",
            queryset=HelpMessage.objects.exclude(direction=HelpMessage.Direction.INTERNAL)
            .select_related("author")
            .order_by("created_at", "pk"),
            to_attr="public_messages",
        ),
        Prefetch(
            "access_logs",
            queryset=AccessLog.objects.select_related("user").order_by("-at", "-pk"),
            to_attr="log",
        ),
    )


def help_request_for_team() -> QuerySet[HelpRequest]:
    """What the team's page shows; the access helper picks one."""
    return HelpRequest.objects.select_related(
        "neighbourhood",
        "neighbourhood__wijk",
        "team",
        "assignee",
        "requester",
        "filed_by",
        "referred_to",
        "satisfaction",
    ).prefetch_related(
        Prefetch(
            "events",
            queryset=HelpRequestEvent.objects.select_related("actor").order_by("at", "pk"),
        ),
        Prefetch(
            "messages",
            queryset=HelpMessage.objects.select_related("author").order_by("created_at", "pk"),
        ),
    )


def help_request_for_change() -> QuerySet[HelpRequest]:
    return HelpRequest.objects.all()


# Where a standard reply puts the resident's first name; replies written before it
# existed greet "Beste bewoner", and get the name there.
NAME_PLACEHOLDER = "[naam]"
OLD_GREETING = re.compile(r"^(\s*Beste) bewoner\b", re.IGNORECASE)


def resident_first_name(help_request: HelpRequest) -> str:
    """The first name the team may greet the resident with, or "" when none is known."""
    if help_request.anonymised_at is not None:
        return ""
    requester = help_request.requester
    name = ""
    if requester is not None and requester.anonymised_at is None:
        name = requester.display_name
    words = (name or help_request.contact_name).split()
    return words[0].strip(",.;:()") if words else ""


def reply_text(template: ReplyTemplate, help_request: HelpRequest) -> str:
    """A standard reply with the resident's first name filled in ("bewoner" without one)."""
    name = resident_first_name(help_request)
    if not name:
        with translation.override(settings.LANGUAGE_CODE):
            return template.text.replace(NAME_PLACEHOLDER, gettext("resident"))
    text = OLD_GREETING.sub(lambda m: f"{m.group(1)} {name}", template.text, count=1)
    return text.replace(NAME_PLACEHOLDER, name)


def reply_templates_for(help_request: HelpRequest) -> list[ReplyTemplate]:
    return list(
        ReplyTemplate.objects.filter(is_active=True)
        .filter(Q(kind="") | Q(kind=help_request.kind))
        .filter(Q(status="") | Q(status=help_request.status))
        .order_by("title", "pk")
    )


def organisations_for_referral() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_approved=True).only("pk", "name").order_by("name")


# --- Dashboard ------------------------------------------------------------------------------


TO_FIRST_CONTACT = ExpressionWrapper(
    F("first_contact_at") - F("created_at"), output_field=DurationField()
)


def help_request_median_first_contact(queryset: QuerySet[HelpRequest]) -> dt.timedelta | None:
    """Median time from filing to first contact."""
    contacted = queryset.filter(first_contact_at__isnull=False)
    return median(contacted, TO_FIRST_CONTACT)


def help_request_dashboard(*, user, team_ids: list[int], now: dt.datetime | None = None) -> dict:
    now = now or timezone.now()
    requests = HelpRequest.objects.filter(help_request_queue_scope(user=user, team_ids=team_ids))
    by_status = dict(
        requests.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    by_kind = dict(
        requests.order_by().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    month_start = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    overdue = list(
        requests.filter(help_request_overdue_q(now))
        .select_related("neighbourhood", "team", "assignee")
        .order_by("due_at", "pk")[:50]
    )
    return {
        "by_status": by_status,
        "by_kind": by_kind,
        "total": sum(by_status.values()),
        "median_first_contact": help_request_median_first_contact(
            requests.filter(created_at__gte=month_start)
        ),
        "overdue": overdue,
    }


def help_request_queue_counts(*, user) -> dict[str, int]:
    """For the start page: open requests in ``user``'s queue, how many nobody has taken
    on yet and how many are overdue for a first contact (one query)."""
    teams = TeamMembership.objects.filter(user_id=user.pk).values("team_id")
    open_requests = HelpRequest.objects.filter(
        help_request_queue_scope(user=user, team_ids=teams), status__in=OPEN_STATUSES_LIST
    )
    return open_requests.aggregate(
        open=Count("pk"),
        unassigned=Count("pk", filter=Q(assignee__isnull=True)),
        overdue=Count("pk", filter=help_request_overdue_q()),
    )


def help_requests_open_of(*, user, limit: int = 5) -> list[HelpRequest]:
    """``user``'s own open help requests, newest first (one query)."""
    return list(
        HelpRequest.objects.filter(requester_id=user.pk, status__in=OPEN_STATUSES_LIST)
        .only("pk", "kind", "status", "created_at")
        .order_by("-created_at", "-pk")[:limit]
    )
