"""`pip install .` gives a working site, not only the code that happens to run from a checkout.

The wheel (the ``wheel`` fixture, tests/packaging.py) is built from a copy of the
checkout (translations compiled first, as `make` and the Dockerfile do), installed (not
editable) into a directory of its own, and the site is started from there with no
checkout on the path.
"""

import os
import sys
import sysconfig
import zipfile

import pytest

from tests.packaging import ROOT, clean_env, run

APPS = [
    "mijnbuurt",
    "neighbourhoods",
    "helprequests",
    "initiatives",
    "volunteers",
    "venues",
    "reports",
]

pytestmark = pytest.mark.package


def files_in_checkout(pattern: str) -> list[str]:
    return [
        path.relative_to(ROOT).as_posix()
        for app in APPS
        for path in (ROOT / app).glob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    ]


def test_wheel_holds_every_app_with_its_templates_static_files_migrations_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())

    for app in APPS:
        assert f"{app}/__init__.py" in names
        assert f"{app}/apps.py" in names or f"{app}/core/apps.py" in names
    expected = [
        "mijnbuurt/templates/base.html",
        "mijnbuurt/templates/429.html",
        "mijnbuurt/templates/django/forms/field.html",
        "mijnbuurt/static/css/site.css",
        "mijnbuurt/static/css/assen-theme.css",
        "mijnbuurt/static/vendor/utrecht-component-library-css/index.css",
        "mijnbuurt/static/vendor/voorbeeld-design-tokens/theme.css",
        "mijnbuurt/static/neighbourhoods/map.js",
        "mijnbuurt/locale/nl/LC_MESSAGES/django.mo",
        "mijnbuurt/overrides/locale/nl/LC_MESSAGES/django.mo",  # Django's and allauth's, reworded
        "neighbourhoods/data/assen-wijken-2023.geojson",
        "neighbourhoods/data/assen-buurten-2022.geojson",
        "helprequests/migrations/0001_help_requests_from_neighbourhoods.py",
        "reports/templates/reports/dashboard.html",
    ]
    # and every template, static file, migration and data file the checkout has
    expected += files_in_checkout("**/templates/**/*")
    expected += files_in_checkout("**/static/**/*")
    expected += files_in_checkout("**/migrations/*.py")
    expected += files_in_checkout("*/data/*.geojson")
    missing = sorted(set(expected) - names)
    assert not missing, f"{len(missing)} files missing from {wheel.name}: {missing[:20]}"
    assert not [name for name in names if name.startswith("tests/")]


SITE_CHECK = """
import json, sys
from importlib import resources
from pathlib import Path

import django

django.setup()

import helprequests, initiatives, mijnbuurt, neighbourhoods, reports, venues, volunteers
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.template.loader import get_template
from django.test import Client
from django.utils import translation

installed = Path(sys.argv[1]).resolve()
for package in (mijnbuurt, neighbourhoods, helprequests, initiatives, volunteers, venues, reports):
    assert Path(package.__file__).resolve().is_relative_to(installed), package.__file__

call_command("migrate", verbosity=0)
call_command("check", "--deploy", "--fail-level", "WARNING")
call_command("collectstatic", interactive=False, verbosity=0)
for name in ("css/site.css", "vendor/utrecht-component-library-css/index.css",
             "neighbourhoods/map.js", "reports/reports.css", "volunteers/certificate.css"):
    assert staticfiles_storage.exists(staticfiles_storage.stored_name(name)), name

home = Client().get("/", secure=True, headers={"accept-language": "nl"})
assert home.status_code == 200, home.status_code
page = home.content.decode()
assert "Direct naar de inhoud" in page, page[:2000]
assert staticfiles_storage.url("css/site.css") in page

get_template("429.html")
get_template("helprequests/resident/list.html")
with translation.override("nl"):
    assert translation.gettext("Too many attempts") == "Te veel pogingen"
    assert translation.gettext("Sign In") == "Inloggen"  # the overrides of allauth's Dutch

wijken = resources.files("neighbourhoods") / "data" / "assen-wijken-2023.geojson"
assert json.loads(wijken.read_text())["features"]
print("site ok")
"""


def test_installed_wheel_runs_the_site_without_the_checkout(wheel, tmp_path):
    installed = tmp_path / "site-packages"
    run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", installed,
        wheel, cwd=tmp_path, env=clean_env())  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # -S: no site module, so the editable install's path hook is not loaded; the
    # dependencies come from this environment's site-packages, the project from the wheel.
    dependencies = sysconfig.get_paths()["purelib"]
    env = clean_env(
        PYTHONPATH=os.pathsep.join([str(installed), dependencies]),
        DJANGO_SETTINGS_MODULE="mijnbuurt.settings",
        DEBUG="false",
        SECRET_KEY="a-test-secret-key-that-is-long-and-random-enough-for-check-deploy-1234",
        ALLOWED_HOSTS="testserver",
        VAR_DIR=str(tmp_path / "var"),
    )
    out = run(sys.executable, "-S", "-c", SITE_CHECK, installed, cwd=elsewhere, env=env)
    assert "site ok" in out
