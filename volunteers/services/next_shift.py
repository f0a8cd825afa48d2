"""Keep ``Task.next_shift_at``: the start of each task's next shift still to come.

The task list filters on it (a task is open while it has a shift to come) and sorts
on it, so it holds what the shifts say:

- saving or deleting a shift refreshes its task (the receivers below: the organiser's
  services, the admin and anything else that saves a shift one by one);
- code that writes shifts in bulk (``bulk_create``, a series) calls
  ``tasks_next_shift_refresh`` with the tasks it touched, or wraps its work in
  ``next_shift_refresh_deferred`` to refresh every touched task once at the end;
- ``tasks_next_shift_refresh()`` without tasks moves on every task whose next shift
  has started; the worker runs it every minute (``volunteers.tasks``).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from ..models import Shift, Task

_deferred: ContextVar[set[int] | None] = ContextVar("next_shift_deferred", default=None)


def tasks_next_shift_refresh(*, task_ids: Iterable[int] | None = None) -> int:
    """Store the next shift of the tasks ``task_ids`` (without: of every task whose
    stored next shift has started); returns the number of tasks written."""
    now = timezone.now()
    if task_ids is None:
        tasks = Task.objects.filter(next_shift_at__lte=now)
    else:
        tasks = Task.objects.filter(pk__in=sorted(set(task_ids)))
    upcoming = (
        Shift.objects.filter(task=OuterRef("pk"), starts_at__gt=now)
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    with transaction.atomic():
        # Lock first: the UPDATE then reads the shifts committed by a concurrent
        # writer of the same task (a new snapshot per statement), never an older set.
        locked = list(tasks.select_for_update().order_by("pk").values_list("pk", flat=True))
        if not locked:
            return 0
        return Task.objects.filter(pk__in=locked).update(next_shift_at=Subquery(upcoming))


@contextmanager
def next_shift_refresh_deferred() -> Iterator[None]:
    """Refresh the tasks of the shifts saved or deleted inside, once, at the end."""
    if _deferred.get() is not None:  # already deferred by an enclosing block
        yield
        return
    touched: set[int] = set()
    token = _deferred.set(touched)
    try:
        yield
    finally:
        _deferred.reset(token)
    if touched:
        tasks_next_shift_refresh(task_ids=touched)


def _shift_changed(sender, instance: Shift, **kwargs) -> None:
    touched = _deferred.get()
    if touched is not None:
        touched.add(instance.task_id)
    else:
        tasks_next_shift_refresh(task_ids=[instance.task_id])


def connect_receivers() -> None:
    post_save.connect(_shift_changed, sender=Shift, dispatch_uid="volunteers_next_shift_save")
    post_delete.connect(_shift_changed, sender=Shift, dispatch_uid="volunteers_next_shift_delete")
