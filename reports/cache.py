"""The dashboard's two costly figures, kept in the cache until the data changes.

The hours booked and the volunteers with their hours read every approved booking and
every sign-up of the year (about 95,000 rows each at ten times Assen's size): a few
hundred milliseconds per request. Their results are kept per year and wijk under a
data version: any save or delete of a model they read gives a new version, so the
next request computes them again. The key also holds the date (the figures are at
most a day old, whatever happens), and an entry lives ``TIMEOUT`` seconds, which
bounds how long a bulk update that sends no signal stays unseen. Without a working
cache (Redis down) every request computes them, as before.
"""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .scope import Scope

VERSION_KEY = "reports:data-version"
TIMEOUT = 10 * 60
# What the cached figures read: rows, and where they lie (room, venue, task, buurt).
SOURCE_MODELS = [
    "venues.Booking",
    "venues.Room",
    "venues.Venue",
    "volunteers.SignUp",
    "volunteers.Shift",
    "volunteers.Task",
    "volunteers.OffShiftHours",
    "neighbourhoods.Neighbourhood",
]


def data_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or uuid.uuid4().hex
    return version


def data_changed(**kwargs) -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def cached(name: str, scope: Scope, compute):
    """``compute()``, or what it returned for this scope since the data last changed."""
    key = ":".join(
        [
            "reports",
            name,
            data_version(),
            timezone.localdate().isoformat(),
            str(scope.year),
            str(scope.wijk_id or "all"),
        ]
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def connect_signals() -> None:
    for label in SOURCE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:  # a model this installation lacks
            continue
        for signal in (post_save, post_delete):
            signal.connect(data_changed, sender=model, dispatch_uid=f"reports-{label}")
