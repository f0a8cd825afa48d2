"""Reads of the public API, through the other apps' public selectors and models.

Each list is a queryset with what its items show joined or prefetched, so a page
costs a fixed number of queries: the count, the page and one per prefetch.
Only what the site shows to anyone is read: published or approved items, never
hidden ones, private hand-overs or anything of a help request.
"""

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from initiatives.models import Initiative, Organiser
from initiatives.selectors.initiatives import initiatives_public
from neighbourhoods.models import Neighbourhood, Organisation
from neighbourhoods.selectors import organisations_approved
from venues.models import OpeningHours, Room, Venue
from venues.selectors import venues_for_list
from volunteers.models import Shift, SignUp, Task
from volunteers.selectors.tasks import tasks_for_list, tasks_with_shift_between

WIJK = Neighbourhood.Level.WIJK
BUURT = Neighbourhood.Level.BUURT
AREA_FIELDS = ("code", "name", "slug")


def _area_fields(via: str) -> list[str]:
    return [f"{via}__{name}" for name in AREA_FIELDS]


def in_area(*, wijk: str | None, buurt: str | None, via: str = "neighbourhood") -> Q:
    """Items in the wijk (or one of its buurten) and the buurt named by code or slug."""
    where = Q()
    if wijk:
        where &= (
            Q(**{f"{via}__level": WIJK})
            & (Q(**{f"{via}__code": wijk}) | Q(**{f"{via}__slug": wijk}))
            | Q(**{f"{via}__wijk__code": wijk})
            | Q(**{f"{via}__wijk__slug": wijk})
        )
    if buurt:
        where &= Q(**{f"{via}__level": BUURT}) & (
            Q(**{f"{via}__code": buurt}) | Q(**{f"{via}__slug": buurt})
        )
    return where


# --- Initiatives ----------------------------------------------------------------------


def initiatives_for_api() -> QuerySet[Initiative]:
    """Running and completed initiatives not hidden by the moderators, newest first,
    with supporter counts, photos and the organisers' public names."""
    organisers = Organiser.objects.select_related("user").only(
        "pk", "initiative_id", "role", "created_at", "user__display_name", "user__anonymised_at"
    )
    return (
        initiatives_public()
        .prefetch_related(Prefetch("memberships", queryset=organisers))
        .order_by("-published_at", "-pk")
    )


def initiatives_filtered(
    queryset: QuerySet[Initiative],
    *,
    wijk: str | None = None,
    buurt: str | None = None,
    theme: str | None = None,
    status: str | None = None,
    date_from: dt.date | None = None,
    date_until: dt.date | None = None,
) -> QuerySet[Initiative]:
    """Filtered by area, theme, status and the days it runs (overlapping the range)."""
    queryset = queryset.filter(in_area(wijk=wijk, buurt=buurt))
    if theme:
        queryset = queryset.filter(theme=theme)
    if status:
        queryset = queryset.filter(status=status)
    if date_from:
        queryset = queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=date_from))
    if date_until:
        queryset = queryset.filter(start_date__lte=date_until)
    return queryset


# --- Volunteer tasks ------------------------------------------------------------------


def tasks_for_api() -> QuerySet[Task]:
    """Open tasks (published, not private, a shift to come), soonest first, with their
    upcoming shifts and the places left in each."""
    shifts = (
        Shift.objects.filter(starts_at__gt=timezone.now())
        .annotate(taken=Count("signups", filter=Q(signups__status=SignUp.Status.CONFIRMED)))
        .order_by("starts_at", "pk")
    )
    return (
        tasks_for_list()
        .select_related("kind")
        .only(
            "pk",
            "title",
            "description",
            "theme",
            "latitude",
            "longitude",
            "requires_vog",
            "min_age",
            "is_recurring",
            "published_at",
            "next_shift_at",
            "updated_at",
            "kind__name",
            *_area_fields("neighbourhood"),
            "initiative__title",
            "organisation__name",
            "organisation__slug",
        )
        .prefetch_related(Prefetch("shifts", queryset=shifts))
    )


def tasks_filtered(
    queryset: QuerySet[Task],
    *,
    wijk: str | None = None,
    buurt: str | None = None,
    theme: str | None = None,
    kind: str | None = None,
    date_from: dt.date | None = None,
    date_until: dt.date | None = None,
) -> QuerySet[Task]:
    """Filtered by area, theme, kind of task (slug) and the days of upcoming shifts."""
    queryset = queryset.filter(in_area(wijk=wijk, buurt=buurt))
    if theme:
        queryset = queryset.filter(theme=theme)
    if kind:
        queryset = queryset.filter(kind__slug=kind)
    if date_from or date_until:
        queryset = tasks_with_shift_between(queryset, start=date_from, end=date_until)
    return queryset


# --- Community buildings ------------------------------------------------------------


def venues_for_api() -> QuerySet[Venue]:
    """Published venues with their bookable rooms and opening hours, by name."""
    return venues_for_list().prefetch_related(
        Prefetch("rooms", queryset=Room.objects.filter(is_bookable=True).order_by("name", "pk")),
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens")),
    )


def venues_filtered(
    queryset: QuerySet[Venue],
    *,
    wijk: str | None = None,
    buurt: str | None = None,
    owner_kind: str | None = None,
    facility: str | None = None,
) -> QuerySet[Venue]:
    queryset = queryset.filter(in_area(wijk=wijk, buurt=buurt))
    if owner_kind:
        queryset = queryset.filter(owner_kind=owner_kind)
    if facility:
        rooms = Room.objects.filter(is_bookable=True, **{facility: True})
        queryset = queryset.filter(pk__in=rooms.values("venue_id"))
    return queryset


# --- Social map ------------------------------------------------------------------------


def organisations_for_api() -> QuerySet[Organisation]:
    """Approved organisations with the areas they serve, by name."""
    areas = Neighbourhood.objects.only("pk", *AREA_FIELDS).order_by("code")
    return (
        organisations_approved()
        .prefetch_related(Prefetch("neighbourhoods", queryset=areas))
        .order_by("name", "pk")
    )


def organisations_filtered(
    queryset: QuerySet[Organisation],
    *,
    wijk: str | None = None,
    buurt: str | None = None,
    kind: str | None = None,
) -> QuerySet[Organisation]:
    """Filtered by kind and by the areas served (a wijk includes its buurten)."""
    if wijk or buurt:
        served = Organisation.objects.filter(in_area(wijk=wijk, buurt=buurt, via="neighbourhoods"))
        queryset = queryset.filter(pk__in=served.values("pk"))
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


# --- Geography -------------------------------------------------------------------------


def areas_for_api(level: str) -> QuerySet[Neighbourhood]:
    """The wijken or the buurten with their boundaries, by code."""
    return (
        Neighbourhood.objects.filter(level=level)
        .select_related("wijk")
        .only(*AREA_FIELDS, "level", "boundary", "wijk__code")
        .order_by("code")
    )


def wijken_for_figures() -> QuerySet[Neighbourhood]:
    """The wijken by code, without their boundaries."""
    return Neighbourhood.objects.filter(level=WIJK).only(*AREA_FIELDS).order_by("code")


def buurten_filtered(queryset: QuerySet[Neighbourhood], *, wijk: str | None) -> QuerySet:
    if wijk:
        queryset = queryset.filter(Q(wijk__code=wijk) | Q(wijk__slug=wijk))
    return queryset


# --- The subjects with a module of their own (they use ``in_area`` above) -------------

from .activities import activities_filtered, activities_for_api  # noqa: E402
from .exchange import listings_filtered, listings_for_api  # noqa: E402
from .figures import COUNTS, HOURS, wijk_month_figures  # noqa: E402
from .occupancy import venue_occupancy  # noqa: E402

__all__ = [
    "COUNTS",
    "HOURS",
    "activities_filtered",
    "activities_for_api",
    "listings_filtered",
    "listings_for_api",
    "venue_occupancy",
    "wijk_month_figures",
]
