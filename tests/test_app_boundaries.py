"""Dependencies between the apps point one way (CONTRIBUTING.md, DESIGN.md).

From the bottom: the core (``mijnbuurt``) <- ``neighbourhoods`` <- ``helprequests`` and
``initiatives`` (neither knows the other) <- ``volunteers``; ``venues`` sits on
``neighbourhoods`` and ``initiatives``; ``reports`` reads every app and nothing imports
it. Every import statement of an app's Python files is read with ``ast``, also one
inside a function; migrations are skipped (they name other apps by string only).
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]

# What each app may import, besides itself (and Django and other libraries). No app
# lists reports: nothing imports it.
ALLOWED: dict[str, set[str]] = {
    "mijnbuurt": set(),
    "neighbourhoods": {"mijnbuurt"},
    "helprequests": {"mijnbuurt", "neighbourhoods"},
    "initiatives": {"mijnbuurt", "neighbourhoods"},
    "volunteers": {"mijnbuurt", "neighbourhoods", "helprequests", "initiatives"},
    "venues": {"mijnbuurt", "neighbourhoods", "initiatives"},
    "reports": {
        "mijnbuurt",
        "neighbourhoods",
        "helprequests",
        "initiatives",
        "volunteers",
        "venues",
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
