"""import_neighbourhoods: Assen's wijken and buurten from the shipped CBS files."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from shapely.geometry import Point, shape

from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import Neighbourhood
from neighbourhoods.services import neighbourhood_import

from .conftest import BOUNDARY_FILES

pytestmark = pytest.mark.django_db


def run_command() -> str:
    out = StringIO()
    call_command("import_neighbourhoods", *map(str, BOUNDARY_FILES), stdout=out)
    return out.getvalue()


def test_import_creates_10_wijken_and_109_buurten_and_reports_counts():
    output = run_command()
    assert "119 created, 0 updated, 0 unchanged" in output
    assert Neighbourhood.objects.filter(level="wijk").count() == 10
    assert Neighbourhood.objects.filter(level="buurt").count() == 109
    assert not Neighbourhood.objects.filter(level="buurt", wijk__isnull=True).exists()


def test_importing_twice_changes_nothing():
    run_command()
    before = list(Neighbourhood.objects.order_by("code").values())
    output = run_command()
    assert "0 created, 0 updated, 119 unchanged" in output
    assert list(Neighbourhood.objects.order_by("code").values()) == before


def test_a_changed_name_is_updated_and_keeps_its_slug(tmp_path):
    run_command()
    data = json.loads(BOUNDARY_FILES[0].read_text())
    data["features"][0]["properties"]["name"] = "Centrum-Assen"
    changed = tmp_path / "wijken.geojson"
    changed.write_text(json.dumps(data))
    result = neighbourhood_import(paths=[changed, BOUNDARY_FILES[1]])
    assert (result.created, result.updated, result.unchanged) == (0, 1, 118)
    centrum = Neighbourhood.objects.get(code="WK010600")
    assert centrum.name == "Centrum-Assen"
    assert centrum.slug == "centrum"


@pytest.mark.parametrize(
    ("buurt_code", "wijk_code"),
    [
        ("BU01060012", "WK010600"),  # Zuiderpark: its point lies in Assen-West
        ("BU01060300", "WK010603"),  # Dijkveld: wholly outside the 2023 Assen-Oost polygon
        ("BU01060302", "WK010603"),  # Houtlaan
        ("BU01060304", "WK010603"),  # Schildersbuurt: its point lies in Marsdijk
        ("BU01060813", "WK010608"),  # Groene Dijk
    ],
)
def test_buurt_belongs_to_the_wijk_its_code_names_not_a_spatial_join(assen, buurt_code, wijk_code):
    assert assen[buurt_code].wijk.code == wijk_code


def test_every_buurt_belongs_to_the_wijk_of_its_code(assen):
    for code, neighbourhood in assen.items():
        if neighbourhood.level == "buurt":
            assert neighbourhood.wijk.code == "WK" + code[2:8]


def test_slugs_are_unique_names_and_representative_points_lie_inside(assen):
    dijkveld = assen["BU01060300"]
    assert dijkveld.slug == "dijkveld"
    assert assen["WK010603"].slug == "assen-oost"
    assert len({n.slug for n in assen.values()}) == 119
    for neighbourhood in assen.values():
        point = Point(neighbourhood.longitude, neighbourhood.latitude)
        assert shape(neighbourhood.boundary).buffer(1e-6).contains(point)


def test_a_name_clash_is_disambiguated_with_the_code(tmp_path):
    data = json.loads(BOUNDARY_FILES[0].read_text())
    data["features"][1]["properties"]["name"] = "Centrum"
    clashing = tmp_path / "wijken.geojson"
    clashing.write_text(json.dumps(data))
    neighbourhood_import(paths=[clashing])
    slugs = set(Neighbourhood.objects.filter(name="Centrum").values_list("slug", flat=True))
    assert slugs == {"centrum", "centrum-wk010601"}


def test_a_buurt_of_an_unknown_wijk_is_refused_and_nothing_is_imported():
    with pytest.raises(ServiceError, match="WK0106"):
        neighbourhood_import(paths=[BOUNDARY_FILES[1]])
    assert not Neighbourhood.objects.exists()


def test_an_unreadable_file_stops_the_command_with_a_message(tmp_path):
    broken = tmp_path / "kapot.geojson"
    broken.write_text("{niet: json")
    with pytest.raises(CommandError, match=r"kapot\.geojson"):
        call_command("import_neighbourhoods", str(broken), stdout=StringIO())
    assert not Neighbourhood.objects.exists()
