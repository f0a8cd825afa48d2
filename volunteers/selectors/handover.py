"""Reads of the hand-over pages: the suggested volunteers for one private task.

The matching job never scores private tasks (they are not in ``tasks_open()``), so
the page scores this one task against every opted-in volunteer with the same
scorer, and keeps the findable ones.
"""

import json

from django.db.models import Min, Prefetch, QuerySet
from django.utils import timezone

from neighbourhoods.models import AreaTeam, Neighbourhood

from ..matching import score_all
from ..models import (
    HandOver,
    Shift,
    SignUp,
    Skill,
    Task,
    TaskInvitation,
    TrustedVolunteer,
    VolunteerProfile,
)
from .matching import (
    Tasks,
    places_for_matching,
    shift_mask,
    skills_for_matching,
    volunteers_for_matching,
)


def handover_for_page() -> QuerySet[HandOver]:
    return HandOver.objects.select_related(
        "task__kind", "task__neighbourhood", "help_request", "volunteer", "confirmed_by"
    )


def handovers_of(help_request) -> list[HandOver]:
    """For a help request's pages: its hand-overs, newest first, with the volunteer and
    the agreed moment (``agreed_at``, the start of the task's shift); one query."""
    return list(
        HandOver.objects.filter(help_request=help_request)
        .select_related("volunteer")
        .annotate(agreed_at=Min("task__shifts__starts_at"))
        .order_by("-created_at", "-pk")
    )


def _one_task(task: Task) -> Tasks:
    found = Tasks(
        ids=[task.pk],
        neighbourhoods=[task.neighbourhood_id],
        points=[(task.latitude, task.longitude)],
        themes=[task.theme],
        requires_vog=[task.requires_vog or task.requires_seen_vog],
        requires_seen_vog=[task.requires_seen_vog],
        min_age=[task.min_age],
        skills=[set(task.skills.values_list("pk", flat=True))],
        masks=[0],
    )
    for starts_at, ends_at in Shift.objects.filter(
        task=task, starts_at__gt=timezone.now()
    ).values_list("starts_at", "ends_at"):
        found.masks[0] |= shift_mask(starts_at, ends_at)
    return found


def handover_suggestions(*, task: Task, exclude: set[int], limit: int = 20) -> list[dict]:
    """Findable volunteers for ``task`` best first: ``profile``, ``score``, ``reasons``."""
    skills = skills_for_matching()
    scored: dict[int, tuple[float, list]] = {}
    volunteers = volunteers_for_matching(skill_names=skills)
    for pairs in score_all(volunteers, _one_task(task), places_for_matching(), skills):
        for uid, score, reasons in zip(pairs.user_ids, pairs.scores, pairs.reasons, strict=True):
            scored[int(uid)] = (float(score), json.loads(str(reasons)))
    ids = [uid for uid in scored if uid not in exclude]
    profiles = (
        VolunteerProfile.objects.filter(user__in=ids, is_findable=True, user__is_active=True)
        .select_related("user")
        .prefetch_related(
            Prefetch("skills", queryset=Skill.objects.order_by("name")),
            Prefetch("neighbourhoods", queryset=Neighbourhood.objects.order_by("name")),
        )
    )
    rows = [
        {"profile": p, "score": scored[p.user_id][0], "reasons": scored[p.user_id][1]}
        for p in profiles
    ]
    rows.sort(key=lambda row: (-row["score"], row["profile"].user_id))
    return rows[:limit]


def handover_invitations(task: Task) -> list[TaskInvitation]:
    return list(task.invitations.select_related("volunteer").order_by("created_at", "pk"))


def handover_signups(task: Task) -> list[SignUp]:
    return list(
        SignUp.objects.filter(shift__task=task)
        .exclude(status=SignUp.Status.CANCELLED)
        .select_related("volunteer", "shift")
        .order_by("created_at", "pk")
    )


def handover_trusted(handover: HandOver) -> list[TrustedVolunteer]:
    """The volunteers the covering team trusts (they see the task listed while offered)."""
    team_id = handover.help_request.team_id if handover.help_request_id else None
    if team_id is None:
        return []
    return list(
        TrustedVolunteer.objects.filter(team_id=team_id, volunteer__is_active=True)
        .select_related("volunteer")
        .order_by("created_at", "pk")
    )


def tasks_for_trusted(user) -> list[Task]:
    """Open hand-over tasks of the teams that trust ``user``, soonest shift first."""
    if not user.is_authenticated:
        return []
    teams = TrustedVolunteer.objects.filter(volunteer=user).values("team_id")
    handovers = HandOver.objects.filter(
        status=HandOver.Status.OFFERED, help_request__team_id__in=teams
    ).values("task_id")
    return list(
        Task.objects.filter(
            pk__in=handovers, status=Task.Status.PUBLISHED, shifts__starts_at__gt=timezone.now()
        )
        .select_related("neighbourhood", "kind")
        .annotate(first_shift=Min("shifts__starts_at"))
        .order_by("first_shift", "pk")
    )


def teams_for_trust(user) -> QuerySet:
    """The area teams of ``user``, each with its trusted volunteers prefetched."""
    return (
        AreaTeam.objects.filter(memberships__user=user)
        .prefetch_related(
            Prefetch(
                "trusted_volunteers",
                queryset=TrustedVolunteer.objects.select_related("volunteer").order_by(
                    "created_at", "pk"
                ),
            )
        )
        .order_by("name")
        .distinct()
    )
