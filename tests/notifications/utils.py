"""Helpers for notification tests: reconfigure the Celery app and restore it; the
database a worker process shares with the test."""

from contextlib import contextmanager
from urllib.parse import quote

from django.conf import settings

from mijnbuurt.celery import app


def _reset_connections() -> None:
    """Forget pooled broker connections, so a new broker_url takes effect."""
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@contextmanager
def celery_config(**options):
    saved = {key: app.conf[key] for key in options}
    app.conf.update(options)
    _reset_connections()
    try:
        yield app
    finally:
        app.conf.update(saved)
        _reset_connections()


def worker_database_url() -> str:
    """DATABASE_URL of the database this test runs against (pytest's test database)."""
    db = settings.DATABASES["default"]
    credentials = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"])
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"
