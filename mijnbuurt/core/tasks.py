"""Platform-wide Celery tasks."""

from celery import shared_task
from django.core.cache import cache
from django.db import connection

from .health import worker_heartbeat_write


@shared_task(ignore_result=False)  # the one task whose result someone reads
def check_services() -> dict:
    """Health check run by a worker: can it reach the database and the cache?"""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        database = cursor.fetchone()[0] == 1
    cache.set("mijnbuurt:healthcheck", "ok", timeout=30)
    return {"database": database, "cache": cache.get("mijnbuurt:healthcheck") == "ok"}


@shared_task
def worker_heartbeat() -> None:
    """Scheduled by beat: a worker ran a task just now (``/health/``, mijnbuurt/core/health.py)."""
    worker_heartbeat_write()
