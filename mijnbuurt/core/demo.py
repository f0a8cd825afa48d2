"""Demo data: each app may have a ``demo`` module with ``seed(out) -> list[DemoAccount]``.

``manage.py seed_demo`` calls them in INSTALLED_APPS order (the dependency order),
so an app can rely on the demo data of the apps below it. Every seeder is
idempotent: running it again updates rather than duplicates.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

DEMO_PASSWORD = "Assen-demo-2026"  # noqa: S105 - printed on purpose, DEBUG only


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    password: str = DEMO_PASSWORD
    totp_secret: str = ""


def seeders() -> list:
    found = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "demo"):
            module = import_module(f"{app_config.name}.demo")
            if hasattr(module, "seed"):
                found.append(module.seed)
    return found


def demo_moment(key: str, *, days: int = 365, today: dt.date | None = None) -> dt.datetime:
    """A moment on one of the last ``days`` days (today excluded), in office hours.

    The same ``key`` gives the same moment on the same day, so seeding again dates a
    row where it already is: the demo's data spread over the past year, reproducibly.
    """
    digest = hashlib.sha256(key.encode()).digest()
    offset = 1 + int.from_bytes(digest[:4], "big") % days
    day = (today or timezone.localdate()) - dt.timedelta(days=offset)
    moment = dt.datetime.combine(day, dt.time(9 + digest[4] % 8, digest[5] % 60))
    return timezone.make_aware(moment)
