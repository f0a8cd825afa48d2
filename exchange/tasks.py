"""Periodic work of the exchange (mijnbuurt/schedules.py)."""

from celery import shared_task

from .services import listings_expire


@shared_task
def exchange_listings_expire() -> int:
    """Listings past their end date leave the lists (kept for the record)."""
    return listings_expire()
