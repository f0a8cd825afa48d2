"""One factory per model, in the factories module of the app that owns the model.

The rule (CONTRIBUTING.md, "Tests"): the factory of a model whose app label is ``L``
(``model._meta.app_label``) lives in ``tests/L/factories.py``. So ``accounts`` and
``notifications`` (the apps ``mijnbuurt.accounts`` and ``mijnbuurt.notifications``) are
``tests/accounts/`` and ``tests/notifications/``; Neighbourhood (``WijkFactory``,
``BuurtFactory``), AreaTeam, TeamMembership and Organisation are in
``tests/neighbourhoods/factories.py``. Models of Django and allauth get no factory: the
services that own them build them (``enable_totp``).

A model has one factory. A variant of it subclasses that factory in the same module
(``BuurtFactory`` is a ``WijkFactory`` one level down); two unrelated factories of one
model are duplicates. Every other module imports a factory from its home module, never
through a module that happens to import it. A factories module imports only its own app
and the apps below it (the order of ``tests/test_app_boundaries.py``), so the tests of a
lower app never need a higher app's factories.
"""

import ast
import importlib
from collections import defaultdict
from pathlib import Path

import factory
from django.apps import apps

from tests.test_app_boundaries import ALLOWED, _imported_modules

ROOT = Path(__file__).resolve().parents[1]
FACTORY_MODULES = sorted((ROOT / "tests").rglob("factories.py"))


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _factories() -> list[type[factory.django.DjangoModelFactory]]:
    """Every model factory declared (not merely imported) in a tests/**/factories.py."""
    found = []
    for path in FACTORY_MODULES:
        module = importlib.import_module(_module_name(path))
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, factory.django.DjangoModelFactory)
            and value.__module__ == module.__name__
            and value._meta.model is not None
        ]
    return found


def _home(model) -> str:
    return f"tests.{model._meta.app_label}.factories"


def _package(app_label: str) -> str | None:
    """The project package of an app (``mijnbuurt`` for accounts, notifications, core);
    None for a folder of tests that is no app (``tests/browser``)."""
    try:
        return apps.get_app_config(app_label).name.split(".")[0]
    except LookupError:
        return None


def test_factories_modules_are_found():
    assert {path.parent.name for path in FACTORY_MODULES} >= {
        "accounts",
        "neighbourhoods",
        "initiatives",
        "volunteers",
        "venues",
    }


def test_no_two_factories_declare_the_same_model():
    by_model = defaultdict(list)
    for model_factory in _factories():
        by_model[model_factory._meta.model].append(model_factory)
    duplicates = []
    for model, group in by_model.items():
        roots = [f for f in group if not any(f is not g and issubclass(f, g) for g in group)]
        if len(roots) > 1:
            names = ", ".join(f"{f.__module__}.{f.__name__}" for f in roots)
            duplicates.append(f"{model._meta.label}: {names}")
    assert not duplicates, "\n".join(duplicates)


def test_each_factory_lives_in_the_module_of_its_models_app():
    misplaced = [
        f"{f.__module__}.{f.__name__} ({f._meta.model._meta.label}) belongs in "
        f"{_home(f._meta.model)}"
        for f in _factories()
        if f.__module__ != _home(f._meta.model)
    ]
    assert not misplaced, "\n".join(misplaced)


def test_factories_are_imported_from_their_home_module():
    home = {f.__name__: f.__module__ for f in _factories()}
    sources = [ROOT / "conftest.py", *sorted((ROOT / "tests").rglob("*.py"))]
    detours = []
    for path in sources:
        package = list(path.relative_to(ROOT).with_suffix("").parts)[:-1]
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.ImportFrom):
                continue
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            detours += [
                f"{path.relative_to(ROOT)}:{node.lineno} imports {alias.name} from "
                f"{module}, not {home[alias.name]}"
                for alias in node.names
                if alias.name in home and module != home[alias.name]
            ]
    assert not detours, "\n".join(detours)


def test_factories_modules_import_only_their_app_and_the_apps_below():
    upward = []
    for path in FACTORY_MODULES:
        own = _package(path.parent.name)
        allowed = ALLOWED[own] | {own}
        for line, module in _imported_modules(path):
            parts = module.split(".")
            target = _package(parts[1]) if parts[0] == "tests" and len(parts) > 2 else parts[0]
            if target in ALLOWED and target not in allowed:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not upward, "\n".join(upward)
