"""Periodic work of the exchange (mijnbuurt/schedules.py)."""

from celery import shared_task

from .retention import messages_expire
from .services import listings_expire


@shared_task
def exchange_listings_expire() -> int:
    """Listings past their end date leave the lists (kept for the record)."""
    return listings_expire()


@shared_task
def exchange_messages_retention() -> int:
    """Messages of listings closed longer than EXCHANGE_MESSAGE_RETENTION_DAYS go."""
    return messages_expire()
