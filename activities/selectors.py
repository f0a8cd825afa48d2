"""Reads of activities: the list, one activity's page, the organiser's choices."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from initiatives.models import Initiative
from neighbourhoods.models import AreaTeam, Organisation
from neighbourhoods.sections import count_per_wijk
from venues.models import Room, Venue

from .models import Activity, Registration

ACTIVE = Registration.ACTIVE


@dataclass(frozen=True)
class ActingFor:
    """On whose behalf an organiser plans an activity."""

    key: str  # "<kind>:<pk>", the value of the form's choice
    kind: str
    obj: object

    @property
    def label(self) -> str:
        return f"{Activity.OrganiserKind(self.kind).label}: {self.obj}"


def acting_for_choices(user) -> list[ActingFor]:
    """Everything ``user`` may organise an activity for (four queries)."""
    if not user.is_authenticated:
        return []
    K = Activity.OrganiserKind
    found = [
        (K.INITIATIVE, Initiative.objects.filter(organisers=user, status__in=VISIBLE)),
        (K.ORGANISATION, Organisation.objects.filter(members=user, is_approved=True)),
        (K.VENUE, Venue.objects.filter(managers=user)),
        (K.AREA_TEAM, AreaTeam.objects.filter(memberships__user=user)),
    ]
    return [
        ActingFor(key=f"{kind}:{obj.pk}", kind=kind, obj=obj)
        for kind, queryset in found
        for obj in queryset.order_by("pk").distinct()
    ]


# A running initiative organises activities (a draft cannot invite the neighbourhood).
VISIBLE = ("published",)


def rooms_for_choice() -> QuerySet[Room]:
    return (
        Room.objects.filter(is_bookable=True, venue__is_published=True)
        .select_related("venue")
        .order_by("venue__name", "name")
    )


def _with_counts(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """With ``registered_count``: a subquery per activity shown (on the index
    ``registration_queue``), not a join grouped over every activity in the list: a page
    of a long list then counts for its own rows only."""
    registered = (
        Registration.objects.filter(activity=OuterRef("pk"), status="registered")
        .order_by()
        .values("activity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(registered_count=Coalesce(Subquery(registered), 0))


def activities_upcoming() -> QuerySet[Activity]:
    """Planned activities that have not ended, soonest first."""
    return Activity.objects.filter(status=Activity.Status.PLANNED, end__gt=timezone.now())


def activities_for_list() -> QuerySet[Activity]:
    return _with_counts(
        activities_upcoming().select_related("neighbourhood", "room__venue")
    ).order_by("start", "pk")


def activities_in_neighbourhood(queryset, neighbourhood) -> QuerySet[Activity]:
    """Activities in ``neighbourhood``; for a wijk also those in its buurten."""
    return queryset.filter(Q(neighbourhood=neighbourhood) | Q(neighbourhood__wijk=neighbourhood))


def activities_between(queryset, first: dt.date | None, last: dt.date | None):
    if first:
        queryset = queryset.filter(end__date__gte=first)
    if last:
        queryset = queryset.filter(start__date__lte=last)
    return queryset


def activity_for_page() -> QuerySet[Activity]:
    return _with_counts(
        Activity.objects.select_related(
            "neighbourhood", "room__venue", "initiative", "organisation", "venue", "area_team"
        )
    )


def registration_of(*, activity: Activity, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(activity=activity, user=user, status__in=ACTIVE).first()


def registrations_for_organisers(activity: Activity) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(activity=activity, status__in=ACTIVE)
        .select_related("user")
        .order_by("-status", "created_at", "pk")  # registered before waiting
    )


def waiting_position(registration: Registration) -> int:
    """1 for the first on the waiting list."""
    return (
        Registration.objects.filter(
            activity_id=registration.activity_id,
            status=Registration.Status.WAITING,
        )
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def activities_latest_in(neighbourhood, *, limit: int = 5) -> list[Activity]:
    """For a neighbourhood's page and the start page: its next activities."""
    queryset = activities_in_neighbourhood(activities_upcoming(), neighbourhood)
    return list(queryset.select_related("neighbourhood").order_by("start", "pk")[:limit])


def activity_count_per_wijk() -> dict[int, int]:
    return count_per_wijk(activities_upcoming())


def registrations_upcoming_of(user) -> list[Registration]:
    return list(
        Registration.objects.filter(user=user, status__in=ACTIVE, activity__end__gt=timezone.now())
        .select_related("activity")
        .order_by("activity__start", "pk")[:5]
    )


def registrations_of_user(user) -> tuple[list[Registration], list[Registration]]:
    """ "Mijn activiteiten": coming (registered or waiting) and the last ten past ones."""
    mine = Registration.objects.filter(user=user).select_related(
        "activity__room__venue", "activity__neighbourhood"
    )
    now = timezone.now()
    upcoming = mine.filter(status__in=ACTIVE, activity__end__gt=now).order_by(
        "activity__start", "pk"
    )
    past = mine.filter(status=Registration.Status.REGISTERED, activity__end__lte=now).order_by(
        "-activity__start", "-pk"
    )[:10]
    return list(upcoming), list(past)


def registrations_for_check_in(activity: Activity) -> list[Registration]:
    """Everyone registered (not waiting), by name, for the organisers at the door."""
    return list(
        Registration.objects.filter(activity=activity, status=Registration.Status.REGISTERED)
        .select_related("user")
        .order_by("user__display_name", "pk")
    )


def attendance_counts(activity: Activity) -> dict[str, int]:
    """How many are registered and how many of them were checked in (one query)."""
    return Registration.objects.filter(
        activity=activity, status=Registration.Status.REGISTERED
    ).aggregate(
        registered=Count("pk"),
        present=Count("pk", filter=Q(attended_at__isnull=False)),
    )


# What a feed holds: from a month back (a subscribed calendar keeps recent history).
FEED_DAYS_BACK = 31


def activities_for_wijk_feed(wijk) -> QuerySet[Activity]:
    """A wijk's coming planned activities (also in its buurten), for its public feed."""
    queryset = activities_in_neighbourhood(activities_upcoming(), wijk)
    return queryset.select_related("room__venue").order_by("start", "pk")[:500]


def registrations_for_feed(user_id: int) -> list[Registration]:
    """A person's registered places from a month back, cancelled activities included
    (their calendar app then shows them as cancelled)."""
    since = timezone.now() - dt.timedelta(days=FEED_DAYS_BACK)
    return list(
        Registration.objects.filter(
            user_id=user_id,
            user__is_active=True,
            status=Registration.Status.REGISTERED,
            activity__end__gt=since,
        )
        .select_related("activity__room__venue")
        .order_by("activity__start", "pk")[:500]
    )
