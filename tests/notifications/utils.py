"""Helpers for notification tests: reconfigure the Celery app and restore it."""

from contextlib import contextmanager

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
