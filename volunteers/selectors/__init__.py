"""Reads of volunteering shared by the pages; every query shape lives in a selector."""

from django.db.models import QuerySet
from django.utils import timezone

from ..models import Suggestion, Task, VogCheck, VolunteerProfile


def user_is_volunteer(user) -> bool:
    return VolunteerProfile.objects.filter(user=user.pk).exists()


def tasks_open() -> QuerySet[Task]:
    """Published tasks with at least one shift still to come; never private hand-overs.

    Read from the stored next shift (``volunteers.services.next_shift``), which the
    index ``task_listed_next_shift`` holds in the order of the task list.
    """
    return Task.objects.filter(
        status=Task.Status.PUBLISHED, is_private=False, next_shift_at__gt=timezone.now()
    )


def tasks_suggested(*, user, limit: int = 5) -> list[Suggestion]:
    """The matching job's best suggestions for ``user`` that are still open; one query."""
    if not user.is_authenticated:
        return []
    return list(
        Suggestion.objects.filter(volunteer=user, task__in=tasks_open())
        .select_related("task__neighbourhood")
        .order_by("-score", "pk")[:limit]
    )


def vog_checks_valid(*, user) -> list[VogCheck]:
    """The VOGs of ``user`` that approved organisations saw and that count today."""
    if not user.is_authenticated:
        return []
    return list(
        VogCheck.objects.valid_on(timezone.localdate())
        .filter(volunteer=user)
        .select_related("organisation")
    )
