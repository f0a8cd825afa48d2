"""Reads of the matching job (in bulk, a fixed number of queries) and of its pages."""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from neighbourhoods.models import Neighbourhood

from ..models import (
    Availability,
    Shift,
    Skill,
    Suggestion,
    Task,
    TaskInvitation,
    VogCheck,
    VolunteerProfile,
)
from . import tasks_open

LOCAL = ZoneInfo("Europe/Amsterdam")


@dataclass
class Volunteers:
    """Opted-in volunteers as parallel lists, one entry per volunteer."""

    user_ids: list[int] = field(default_factory=list)
    skills: list[set[int]] = field(default_factory=list)  # skill ids, tags mapped on names
    interests: list[list[str]] = field(default_factory=list)
    homes: list[int | None] = field(default_factory=list)  # neighbourhood id
    chosen: list[list[int]] = field(default_factory=list)  # neighbourhood ids
    max_km: list[float | None] = field(default_factory=list)
    availability: list[int] = field(default_factory=list)
    has_vog: list[bool] = field(default_factory=list)  # own date on the profile, valid today
    has_seen_vog: list[bool] = field(default_factory=list)  # an approved organisation saw it
    age: list[int | None] = field(default_factory=list)


@dataclass
class Tasks:
    """Open tasks as parallel lists, one entry per task."""

    ids: list[int] = field(default_factory=list)
    neighbourhoods: list[int] = field(default_factory=list)
    points: list[tuple[float | None, float | None]] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    requires_vog: list[bool] = field(default_factory=list)
    requires_seen_vog: list[bool] = field(default_factory=list)
    min_age: list[int | None] = field(default_factory=list)
    skills: list[set[int]] = field(default_factory=list)
    masks: list[int] = field(default_factory=list)  # OR of the upcoming shifts' masks


@dataclass
class Places:
    """Every neighbourhood: name, wijk and centroid by id."""

    names: dict[int, str]
    wijken: dict[int, int | None]
    centroids: dict[int, tuple[float | None, float | None]]


def _age(born: dt.date | None, today: dt.date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def skills_for_matching() -> dict[int, str]:
    return dict(Skill.objects.values_list("pk", "name"))


def places_for_matching() -> Places:
    names, wijken, centroids = {}, {}, {}
    rows = Neighbourhood.objects.values_list("pk", "name", "wijk_id", "latitude", "longitude")
    for pk, name, wijk_id, lat, lon in rows:
        names[pk], wijken[pk], centroids[pk] = name, wijk_id, (lat, lon)
    return Places(names=names, wijken=wijken, centroids=centroids)


def volunteers_for_matching(
    *, skill_names: dict[int, str], user_id: int | None = None
) -> Volunteers:
    """Every opted-in active volunteer (or just ``user_id``) in three queries."""
    today = timezone.localdate()
    valid_days = dt.timedelta(days=settings.VOLUNTEER_VOG_VALID_DAYS)
    by_name = {name.casefold(): pk for pk, name in skill_names.items()}
    profiles = VolunteerProfile.objects.filter(user__is_active=True)
    if user_id is not None:
        profiles = profiles.filter(user_id=user_id)
    seen = VogCheck.objects.valid_on(today).filter(volunteer=OuterRef("user_id"))
    rows = (
        profiles.annotate(seen_vog=Exists(seen))
        .order_by("user_id")
        .values_list(
            "pk",
            "user_id",
            "user__home_neighbourhood_id",
            "tags",
            "interests",
            "max_distance_km",
            "availability",
            "vog_date",
            "birth_date",
            "seen_vog",
        )
    )
    found = Volunteers()
    position = {}
    for pk, uid, home, tags, interests, max_km, availability, vog, born, seen_vog in rows:
        position[pk] = len(found.user_ids)
        found.user_ids.append(uid)
        found.skills.append(
            {by_name[t] for t in (str(tag).casefold() for tag in tags or []) if t in by_name}
        )
        found.interests.append(list(interests or []))
        found.homes.append(home)
        found.chosen.append([])
        found.max_km.append(float(max_km) if max_km else None)
        found.availability.append(availability or 0)
        found.has_vog.append(vog is not None and vog <= today < vog + valid_days)
        found.has_seen_vog.append(seen_vog)
        found.age.append(_age(born, today))
    skills = VolunteerProfile.skills.through.objects.values_list("volunteerprofile_id", "skill_id")
    places = VolunteerProfile.neighbourhoods.through.objects.values_list(
        "volunteerprofile_id", "neighbourhood_id"
    )
    if user_id is not None:
        skills = skills.filter(volunteerprofile__user_id=user_id)
        places = places.filter(volunteerprofile__user_id=user_id)
    for profile_id, skill_id in skills:
        if profile_id in position:
            found.skills[position[profile_id]].add(skill_id)
    for profile_id, place_id in places:
        if profile_id in position:
            found.chosen[position[profile_id]].append(place_id)
    return found


def shift_mask(starts_at: dt.datetime, ends_at: dt.datetime) -> int:
    """The availability bits a shift touches, in Assen's local time."""
    return Availability.mask_for_span(starts_at.astimezone(LOCAL), ends_at.astimezone(LOCAL))


def tasks_for_matching() -> Tasks:
    """Every open task with its skills and the mask of its upcoming shifts; three queries."""
    now = timezone.now()
    tasks = tasks_open()
    rows = tasks.order_by("pk").values_list(
        "pk",
        "neighbourhood_id",
        "latitude",
        "longitude",
        "theme",
        "requires_vog",
        "requires_seen_vog",
        "min_age",
    )
    found = Tasks()
    position = {}
    for pk, place, lat, lon, theme, vog, seen_vog, min_age in rows:
        position[pk] = len(found.ids)
        found.ids.append(pk)
        found.neighbourhoods.append(place)
        found.points.append((lat, lon))
        found.themes.append(theme)
        found.requires_vog.append(vog or seen_vog)
        found.requires_seen_vog.append(seen_vog)
        found.min_age.append(min_age)
        found.skills.append(set())
        found.masks.append(0)
    through = Task.skills.through.objects.filter(task__in=tasks).values_list("task_id", "skill_id")
    for task_id, skill_id in through:
        if task_id in position:
            found.skills[position[task_id]].add(skill_id)
    shifts = Shift.objects.filter(task__in=tasks, starts_at__gt=now).values_list(
        "task_id", "starts_at", "ends_at"
    )
    for task_id, starts_at, ends_at in shifts:
        if task_id in position:
            found.masks[position[task_id]] |= shift_mask(starts_at, ends_at)
    return found


def volunteers_suggested(*, task: Task, limit: int = 50) -> list[Suggestion]:
    """The findable volunteers the matching job suggests for ``task``, best first; five queries.

    Each suggestion carries ``profile`` (with its skills and neighbourhoods prefetched)
    and ``invitation`` (this task's invitation of that volunteer, or None).
    """
    profiles = VolunteerProfile.objects.prefetch_related(
        Prefetch("skills", queryset=Skill.objects.order_by("name")),
        Prefetch("neighbourhoods", queryset=Neighbourhood.objects.order_by("name")),
    )
    suggestions = list(
        Suggestion.objects.filter(
            task=task,
            volunteer__is_active=True,
            volunteer__volunteer_profile__is_findable=True,
        )
        .select_related("volunteer")
        .order_by("-score", "pk")[:limit]
    )
    by_user = {
        p.user_id: p for p in profiles.filter(user__in=[s.volunteer_id for s in suggestions])
    }
    invitations = {
        i.volunteer_id: i
        for i in TaskInvitation.objects.filter(
            task=task, volunteer__in=[s.volunteer_id for s in suggestions]
        )
    }
    for suggestion in suggestions:
        suggestion.profile = by_user.get(suggestion.volunteer_id)
        suggestion.invitation = invitations.get(suggestion.volunteer_id)
    return suggestions


def invitations_for(*, user) -> QuerySet[TaskInvitation]:
    return TaskInvitation.objects.filter(volunteer=user).select_related(
        "task__neighbourhood", "invited_by"
    )
