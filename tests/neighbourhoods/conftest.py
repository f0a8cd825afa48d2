"""Fixtures of the neighbourhoods tests: Assen's real geography, recorded geocoder answers."""

import json
from pathlib import Path

import pytest
import responses
from django.conf import settings

from neighbourhoods.models import Neighbourhood
from neighbourhoods.services import neighbourhood_import

DATA = Path(__file__).resolve().parents[2] / "neighbourhoods" / "data"
BOUNDARY_FILES = [DATA / "assen-wijken-2023.geojson", DATA / "assen-buurten-2022.geojson"]
RECORDINGS = Path(__file__).resolve().parent / "recordings"


def recording(name: str) -> dict:
    return json.loads((RECORDINGS / f"{name}.json").read_text())


def geocoder_url() -> str:
    return settings.GEOCODER_URL.rstrip("/") + "/free"


@pytest.fixture
def assen(db):
    """Assen's 10 wijken and 109 buurten, imported as the command does."""
    neighbourhood_import(paths=BOUNDARY_FILES)
    return {n.code: n for n in Neighbourhood.objects.select_related("wijk")}


@pytest.fixture
def geocoder():
    """Outbound HTTP is mocked; a test adds the recorded answer it needs."""
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded logos go to a temporary folder, never the repository's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
