"""Periodic work on help requests (scheduled in mijnbuurt/schedules.py)."""

from celery import shared_task

from .retention import help_overdue_notify, help_requests_anonymise


@shared_task
def help_requests_retention() -> int:
    """Anonymise closed requests past HELP_REQUEST_RETENTION_DAYS; safe to run twice."""
    return help_requests_anonymise()


@shared_task
def help_requests_overdue_digest() -> int:
    """Each working morning: tell team coordinators how many requests wait too long (counts
    only); on a Dutch public holiday it does nothing (``help_overdue_notify``)."""
    return help_overdue_notify()
