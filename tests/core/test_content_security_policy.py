"""Every response carries a Content-Security-Policy: scripts and styles only from this
site, no inline scripts, images also from the map tile server and the browser may ask
the geocoder, both as configured; no framing, no plugins."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission

ROOT = Path(__file__).resolve().parents[2]
HEADER = "Content-Security-Policy"


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def assert_strict_policy(response) -> None:
    policy = directives(response[HEADER])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in response[HEADER]
    assert "'unsafe-eval'" not in response[HEADER]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"), [("/", 200), ("/kaart/", 200), ("/bestaat-niet/", 404)]
)
def test_public_pages_and_a_missing_page_carry_the_policy(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_strict_policy(response)


@pytest.mark.django_db
def test_admin_pages_carry_the_policy(client, staff):
    staff.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    client.force_login(staff)
    for path in ["/admin/", "/admin/neighbourhoods/organisation/"]:
        response = client.get(path)
        assert response.status_code == 200
        assert_strict_policy(response)


@pytest.mark.django_db
def test_map_pages_have_no_inline_script_left(client):
    response = client.get("/kaart/")
    for script in response.content.decode().split("<script")[1:]:
        tag = script.split(">", 1)[0]
        assert ' src="' in tag or 'type="application/json"' in tag, tag


@pytest.mark.django_db
def test_the_default_tile_server_and_geocoder_are_allowed(client):
    policy = directives(client.get("/kaart/")[HEADER])
    assert policy["img-src"] == ["'self'", "data:", "https://service.pdok.nl"]
    assert policy["connect-src"] == ["'self'", "https://api.pdok.nl"]
    assert settings.MAP_TILE_URL.startswith("https://service.pdok.nl/")
    assert settings.GEOCODER_URL.startswith("https://api.pdok.nl/")


def policy_with(env: dict) -> subprocess.CompletedProcess:
    """The policy django-csp builds when the settings load with ``env``."""
    clean = {k: v for k, v in os.environ.items() if k not in {"MAP_TILE_URL", "GEOCODER_URL"}}
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from csp.utils import build_policy; print(build_policy())",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_local_tile_server_and_geocoder_are_allowed_and_nothing_else():
    result = policy_with(
        {
            "MAP_TILE_URL": "http://localhost:8080/styles/brt/{z}/{x}/{y}.png",
            "GEOCODER_URL": "http://geocoder.internal:9000/v3_1",
        }
    )
    assert result.returncode == 0, result.stderr
    policy = directives(result.stdout.strip().splitlines()[-1])
    assert policy["img-src"] == ["'self'", "data:", "http://localhost:8080"]
    assert policy["connect-src"] == ["'self'", "http://geocoder.internal:9000"]
    assert "pdok" not in result.stdout


def test_tiles_from_this_site_or_from_lettered_subdomains_are_allowed():
    result = policy_with(
        {
            "MAP_TILE_URL": "/tiles/{z}/{x}/{y}.png",
            "GEOCODER_URL": "https://{s}.geo.example.org/search",
        }
    )
    assert result.returncode == 0, result.stderr
    policy = directives(result.stdout.strip().splitlines()[-1])
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["connect-src"] == ["'self'", "https://*.geo.example.org"]


def test_a_tile_url_without_scheme_stops_the_start_with_a_clear_message():
    result = policy_with({"MAP_TILE_URL": "tiles.example.org/{z}/{x}/{y}.png"})
    assert result.returncode != 0
    assert "MAP_TILE_URL='tiles.example.org/{z}/{x}/{y}.png' is not a URL" in result.stderr
