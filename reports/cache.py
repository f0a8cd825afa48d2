"""The dashboard's figures that do not depend on the hour, kept in the cache until the data
changes (the counts of help requests include what is overdue now, and are computed
every time).

The initiatives by status and theme and their supporters are grouped over the year
(about 15,000 rows at ten times Assen's size). The hours booked and the volunteers with
their hours read every approved booking and every sign-up of the year (about 95,000 rows
each at ten times Assen's size): a few hundred milliseconds per request; the hours open
add up every venue's opening hours over the year in Python (about 30 ms at that size).
Their results are kept per year and wijk under a data version: any save or delete of a
model they read gives a new version, so the next request computes them again. The key
also holds the date (the figures are at most a day old, whatever happens), and an entry
lives ``TIMEOUT`` seconds, which bounds how long a bulk update that sends no signal
stays unseen. Without a working cache (Redis down) every request computes them, as
before.

The medians of the help requests (hours to first contact) and the figures of Vraag en
aanbod (six year-wide aggregates over listings, conversations and matches) have their
own data version, so that the messages people send all day, which save their
conversation but change no figure, do not make the other figures stale: a conversation
or listing counts as changed when it is created or deleted, or when a save touches a
field the figures read (where it lies, when it was placed).
"""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .scope import Scope

VERSION_KEY = "reports:data-version"
EXCHANGE = "exchange"
HELP = "help"
TIMEOUT = 10 * 60
# What the cached figures read, per group with its own data version: the model, and
# the fields whose change changes a figure (None: any save does). Rows, and where they
# lie (room, venue, task, buurt).
GROUPS: dict[str, dict[str, set[str] | None]] = {
    "": dict.fromkeys(
        [
            "initiatives.Initiative",
            "initiatives.Support",
            "venues.Booking",
            "venues.Room",
            "venues.Venue",
            "venues.OpeningHours",
            "venues.Closure",
            "volunteers.SignUp",
            "volunteers.Shift",
            "volunteers.Task",
            "volunteers.OffShiftHours",
            "neighbourhoods.Neighbourhood",
        ]
    ),
    EXCHANGE: {
        "exchange.Listing": {"created_at", "neighbourhood", "neighbourhood_id"},
        "exchange.Conversation": {"created_at", "listing", "listing_id"},
        "exchange.Match": None,
        "neighbourhoods.Neighbourhood": None,
    },
    HELP: {
        "helprequests.HelpRequest": {
            "created_at",
            "first_contact_at",
            "neighbourhood",
            "neighbourhood_id",
        },
        "neighbourhoods.Neighbourhood": None,
    },
}


def _version_key(group: str) -> str:
    return VERSION_KEY if group == "" else f"{VERSION_KEY}:{group}"


def data_version(group: str = "") -> str:
    key = _version_key(group)
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key) or uuid.uuid4().hex
    return version


def _on_change(group: str, fields: set[str] | None):
    def changed(*, created=False, update_fields=None, **kwargs) -> None:
        if created or fields is None or update_fields is None or fields & set(update_fields):
            cache.set(_version_key(group), uuid.uuid4().hex, None)

    return changed


def cached(name: str, scope: Scope, compute, *, group: str = ""):
    """``compute()``, or what it returned for this scope since the data of ``group``
    (a key of ``GROUPS``) last changed."""
    key = ":".join(
        [
            "reports",
            name,
            data_version(group),
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
    for group, models in GROUPS.items():
        for label, fields in models.items():
            try:
                model = apps.get_model(label)
            except LookupError:  # a model this installation lacks
                continue
            handler = _on_change(group, fields)
            for signal in (post_save, post_delete):
                signal.connect(
                    handler, sender=model, weak=False, dispatch_uid=f"reports-{group}-{label}"
                )
