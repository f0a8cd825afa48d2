"""Dependencies between the apps point one way (CONTRIBUTING.md, DESIGN.md).

From the bottom: the core (``mijnbuurt``) <- ``neighbourhoods`` <- ``helprequests`` and
``initiatives`` (neither knows the other) <- ``volunteers``; ``venues`` sits on
``neighbourhoods`` and ``initiatives``; ``reports`` reads every app and nothing imports
it. Every import statement of an app's Python files is read with ``ast``, also one
inside a function; migrations are skipped (they name other apps by string only). Nor
does an app use the reverse relations a higher app's models add to its own (read in
its Python files and templates).
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]

# What each app may import, besides itself (and Django and other libraries). No app
# lists reports or api: nothing imports them.
ALLOWED: dict[str, set[str]] = {
    "mijnbuurt": set(),
    "neighbourhoods": {"mijnbuurt"},
    "helprequests": {"mijnbuurt", "neighbourhoods"},
    "initiatives": {"mijnbuurt", "neighbourhoods"},
    "volunteers": {"mijnbuurt", "neighbourhoods", "helprequests", "initiatives"},
    "venues": {"mijnbuurt", "neighbourhoods", "initiatives"},
    # Vraag en aanbod links to the help-request form by URL name only.
    "exchange": {"mijnbuurt", "neighbourhoods"},
    # Activities book rooms through the venues' service and are organised for an
    # initiative, an organisation, a building or an area team.
    "activities": {"mijnbuurt", "neighbourhoods", "initiatives", "venues"},
    # Buurtbudget commits a round's amount on an initiatives budget line.
    "buurtbudget": {"mijnbuurt", "neighbourhoods", "initiatives"},
    "reports": {
        "mijnbuurt",
        "neighbourhoods",
        "helprequests",
        "initiatives",
        "volunteers",
        "venues",
        "exchange",
        "activities",
        "buurtbudget",
    },
    # The public API reads every app, as the reports do; nothing imports it.
    "api": {
        "mijnbuurt",
        "neighbourhoods",
        "helprequests",
        "initiatives",
        "volunteers",
        "venues",
        "exchange",
        "activities",
        "buurtbudget",
    },
}


def _sources(app: str) -> list[Path]:
    return sorted(
        path
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file, relative ones resolved."""
    package = list(path.relative_to(ROOT).with_suffix("").parts)[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.append((node.lineno, module))
    return found


def test_every_app_of_the_project_has_its_place_in_the_order():
    local = {name.split(".")[0] for name in settings.INSTALLED_APPS}
    local = {name for name in local if (ROOT / name / "__init__.py").exists()}
    assert local == set(ALLOWED)


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_the_apps_below_it(app):
    others = set(ALLOWED) - {app}
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in _sources(app)
        for line, module in _imported_modules(path)
        if module.split(".")[0] in others - ALLOWED[app]
    ]
    assert not upward, "\n".join(upward)


# --- Reverse relations ------------------------------------------------------------------
# A higher app's foreign key to a lower app's model gives that model a reverse accessor
# (``initiative.volunteer_tasks``) and a query name (``volunteer_tasks__status``). A lower
# app that uses them knows the higher app without importing it; it asks a registry the
# higher app fills instead (``mijnbuurt.core.panels``, ``neighbourhoods.sections``, ...).


def _app_of(model) -> str:
    return model.__module__.split(".")[0]


def _reverse_names() -> list[tuple[str, str, str]]:
    """(app that adds it, accessor or query name, field) of every relation from a model
    of an app to a model of another app; none for ``related_name="+"``."""
    found = []
    for model in apps.get_models():
        owner = _app_of(model)
        if owner not in ALLOWED:
            continue
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.remote_field is None:
                continue  # a reverse relation itself, or a generic foreign key
            target = _app_of(field.remote_field.model)
            if target == owner or target not in ALLOWED or field.remote_field.hidden:
                continue
            where = f"{model._meta.label}.{field.name}"
            found.append((owner, field.remote_field.get_accessor_name(), where))
            found.append((owner, field.related_query_name(), where))
    return found


def _forbidden_names(app: str) -> dict[str, set[str]]:
    """The reverse names ``app`` may not use, with the fields that add each: added by an
    app it may not know and not also (the same name) by one it may know."""
    known = ALLOWED[app] | {app}
    names = _reverse_names()
    ambiguous = {name for owner, name, _where in names if owner in known}
    forbidden: dict[str, set[str]] = {}
    for owner, name, where in names:
        if owner not in known and name not in ambiguous:
            forbidden.setdefault(name, set()).add(where)
    return forbidden


def _python_uses(path: Path, names: set[str]) -> list[tuple[int, str]]:
    """(line, name) of ``.name``; of ``"name"`` or ``"a__name"`` as an argument of a call
    (get_field, Prefetch, prefetch_related, Count, F, getattr ...); of ``name__a=`` as a
    keyword; of ``name`` in any other string that is a lookup (``"a__name__b"``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Attribute) and node.attr in names:
            found.add((node.lineno, node.attr))
        elif isinstance(node, ast.Call):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found |= {(arg.lineno, name) for name in set(arg.value.split("__")) & names}
            for keyword in node.keywords:
                if keyword.arg and "__" in keyword.arg:
                    found |= {(node.lineno, name) for name in set(keyword.arg.split("__")) & names}
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "__" in node.value:
            found |= {(node.lineno, name) for name in set(node.value.split("__")) & names}
    return sorted(found)


def _templates(app: str) -> list[Path]:
    return sorted(
        path
        for path in (ROOT / app).rglob("*")
        if path.suffix in {".html", ".txt"} and "templates" in path.relative_to(ROOT).parts
    )


def _template_uses(path: Path, names: set[str]) -> list[tuple[int, str]]:
    """(line, name) of ``object.name`` (``help_request.volunteer_handovers.all``)."""
    pattern = re.compile(r"\w\.(" + "|".join(sorted(map(re.escape, names))) + r")\b")
    return [
        (number, match.group(1))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        for match in pattern.finditer(line)
    ]


def test_the_reverse_names_of_the_higher_apps_are_found():
    """The check below has something to check: the relations volunteers adds."""
    initiatives = _forbidden_names("initiatives")
    assert "volunteers.Task.initiative" in initiatives["volunteer_tasks"]
    assert "venues.Booking.initiative" in initiatives["venue_bookings"]
    assert "help_requests" in initiatives  # a sibling: neither knows the other
    helprequests = _forbidden_names("helprequests")
    assert helprequests["volunteer_handovers"] == {"volunteers.HandOver.help_request"}
    assert "organisations" in _forbidden_names("mijnbuurt")  # neighbourhoods.Organisation
    assert "volunteer_tasks" not in _forbidden_names("volunteers")
    assert not _forbidden_names("reports")


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_uses_no_reverse_relation_of_an_app_above_it(app):
    forbidden = _forbidden_names(app)
    if not forbidden:
        return
    uses = [
        (path, line, name)
        for path in _sources(app)
        for line, name in _python_uses(path, set(forbidden))
    ] + [
        (path, line, name)
        for path in _templates(app)
        for line, name in _template_uses(path, set(forbidden))
    ]
    upward = [
        f"{path.relative_to(ROOT)}:{line} uses {name!r}, the reverse relation of "
        + ", ".join(sorted(forbidden[name]))
        for path, line, name in uses
    ]
    assert not upward, "\n".join(upward)
