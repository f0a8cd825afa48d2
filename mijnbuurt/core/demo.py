"""Demo data: each app may have a ``demo`` module with ``seed(out) -> list[DemoAccount]``.

``manage.py seed_demo`` calls them in INSTALLED_APPS order (the dependency order),
so an app can rely on the demo data of the apps below it. Every seeder is
idempotent: running it again updates rather than duplicates.
"""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
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
