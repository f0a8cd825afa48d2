"""Celery tasks of volunteering: matching, reminders, weekly suggestions."""

from celery import shared_task


@shared_task
def match_volunteer(user_id: int) -> None:
    """Recompute the suggestions of one volunteer (after their profile changed)."""
