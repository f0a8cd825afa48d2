"""Synthetic data at ``--factor`` times Assen's size, for benchmarks (development only).

Each app may have a ``scale`` module with ``seed(*, factor, out)`` (and optionally
``reset(*, out)`` to remove what it generated); they run in INSTALLED_APPS order,
like the demo seeders. On PostgreSQL the command ends with ``ANALYZE``.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.module_loading import module_has_submodule


def scale_modules() -> list:
    found = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "scale"):
            module = import_module(f"{app_config.name}.scale")
            if hasattr(module, "seed"):
                found.append(module)
    return found


class Command(BaseCommand):
    help = (
        "Generate synthetic data at N times Assen's size (about 68,000 residents at 1) "
        "for benchmarks; runs again change nothing unless --reset (development only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor", type=float, default=1.0, help="Times Assen's size (default 1)."
        )
        parser.add_argument(
            "--reset", action="store_true", help="Remove earlier synthetic data first."
        )

    def handle(self, *args, factor, reset, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_scale generates fake accounts and refuses to run with DEBUG off."
            )
        if factor <= 0:
            raise CommandError("--factor must be more than 0.")
        modules = scale_modules()
        with transaction.atomic():
            if reset:
                for module in reversed(modules):
                    if hasattr(module, "reset"):
                        module.reset(out=self.stdout)
            for module in modules:
                module.seed(factor=factor, out=self.stdout)
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would gather later: without them the
            # planner takes the new tables for empty and benchmarks measure bad plans.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Synthetic data at factor {factor:g} is in place."))
