"""Every resource of /api/v1/ as a developer reads it: shapes, filters, what is left out."""

import pytest

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(body, name):
    return [item["title"] for item in body["_embedded"][name]]


def test_initiatives_lists_only_running_and_completed_unhidden_ones(client, city):
    body = get(client, "/api/v1/initiatives")
    assert set(titles(body, "initiatives")) == {"Moestuin aan de Brink", "Bankjes"}
    assert body["total"] == 2
    running = next(i for i in body["_embedded"]["initiatives"] if i["title"].startswith("Moes"))
    assert running["status"] == "running"
    assert running["organisers"] == ["Olga"]
    assert running["neighbourhood"] == {"code": "BU01060101", "name": "Brink", "slug": "brink"}
    assert running["url"].endswith(f"/initiatieven/{city['running'].pk}/")
    assert set(running) >= {"id", "summary", "description", "theme", "start_date", "needs"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"wijk": "centrum"}, {"Moestuin aan de Brink"}),
        ({"wijk": "WK010601"}, {"Moestuin aan de Brink"}),
        ({"buurt": "elders"}, {"Bankjes"}),
        ({"buurt": "centrum"}, set()),  # a wijk is not a buurt
        ({"status": "completed"}, {"Bankjes"}),
        ({"theme": "green"}, {"Moestuin aan de Brink", "Bankjes"}),
        ({"theme": "youth"}, set()),
        ({"date_from": "2026-10-02"}, set()),  # both end on 1 October 2026
        ({"date_until": "2026-03-31"}, set()),  # both start on 1 April 2026
        (
            {"date_from": "2026-05-01", "date_until": "2026-05-31"},
            {"Moestuin aan de Brink", "Bankjes"},
        ),
    ],
)
def test_initiatives_filter(client, city, params, expected):
    assert set(titles(get(client, "/api/v1/initiatives", **params), "initiatives")) == expected


def test_initiative_detail_and_the_ones_it_never_shows(client, city):
    body = get(client, f"/api/v1/initiatives/{city['running'].pk}")
    assert body["title"] == "Moestuin aan de Brink"
    for name in ("draft", "hidden"):
        response = client.get(f"/api/v1/initiatives/{city[name].pk}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_volunteer_tasks_have_open_shifts_and_places_left(client, city):
    from tests.accounts.factories import UserFactory
    from volunteers.models import SignUp

    SignUp.objects.create(
        shift=city["shift"], volunteer=UserFactory(), status=SignUp.Status.CONFIRMED
    )
    body = get(client, "/api/v1/volunteer-tasks")
    assert titles(body, "volunteer_tasks") == ["Onkruid wieden"]  # not private, not draft
    task = body["_embedded"]["volunteer_tasks"][0]
    assert task["places_left"] == 3
    assert task["shifts"][0]["places"] == 4
    assert task["shifts"][0]["places_left"] == 3
    assert task["initiative"] == {"id": city["running"].pk, "title": "Moestuin aan de Brink"}
    assert get(client, f"/api/v1/volunteer-tasks/{city['task'].pk}")["title"] == "Onkruid wieden"
    for name in ("private", "draft_task"):
        assert client.get(f"/api/v1/volunteer-tasks/{city[name].pk}").status_code == 404


def test_volunteer_tasks_filter(client, city):
    kind = city["task"].kind.slug
    assert get(client, "/api/v1/volunteer-tasks", wijk="centrum")["total"] == 1
    assert get(client, "/api/v1/volunteer-tasks", buurt="elders")["total"] == 0
    assert get(client, "/api/v1/volunteer-tasks", kind=kind)["total"] == 1
    assert get(client, "/api/v1/volunteer-tasks", kind="iets-anders")["total"] == 0
    assert get(client, "/api/v1/volunteer-tasks", theme="green")["total"] == 1
    assert get(client, "/api/v1/volunteer-tasks", date_until="2020-01-01")["total"] == 0


def test_venues_with_rooms_and_facilities(client, city):
    body = get(client, "/api/v1/venues")
    assert [venue["slug"] for venue in body["_embedded"]["venues"]] == ["de-brink"]
    venue = body["_embedded"]["venues"][0]
    assert venue["rooms"] == [
        {
            "name": "Grote zaal",
            "capacity": 30,
            "description": "",
            "facilities": ["kitchen", "projector"],
        }
    ]
    assert len(venue["opening_hours"]) == 7
    assert "contact_email" not in venue
    assert "contact_phone" not in venue
    assert get(client, "/api/v1/venues", facility="projector")["total"] == 1
    assert get(client, "/api/v1/venues", facility="garden")["total"] == 0
    assert get(client, "/api/v1/venues", buurt="brink")["total"] == 0  # it is in the wijk
    assert get(client, "/api/v1/venues", wijk="centrum")["total"] == 1
    assert get(client, "/api/v1/venues/de-brink")["name"] == "Buurthuis De Brink"
    assert client.get("/api/v1/venues/oud-gebouw").status_code == 404


def test_organisations_on_the_social_map(client, city):
    body = get(client, "/api/v1/organisations")
    assert [o["slug"] for o in body["_embedded"]["organisations"]] == ["welzijn-centrum"]
    organisation = body["_embedded"]["organisations"][0]
    assert organisation["neighbourhoods"][0]["code"] == "BU01060101"
    assert "phone" not in organisation
    assert "email" not in organisation
    assert get(client, "/api/v1/organisations", wijk="centrum")["total"] == 1
    assert get(client, "/api/v1/organisations", buurt="elders")["total"] == 0
    assert get(client, "/api/v1/organisations", kind="welfare")["total"] == 1
    assert get(client, "/api/v1/organisations", kind="school")["total"] == 0
    assert client.get("/api/v1/organisations/niet-goedgekeurd").status_code == 404


def test_wijken_and_buurten_are_geojson(client, city):
    response = client.get("/api/v1/wijken")
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    codes = [feature["id"] for feature in body["features"]]
    assert "WK010601" in codes
    centrum = next(f for f in body["features"] if f["id"] == "WK010601")
    assert centrum["geometry"]["type"] == "Polygon"
    assert centrum["properties"]["level"] == "wijk"
    buurten = get(client, "/api/v1/buurten", wijk="centrum")
    assert [feature["id"] for feature in buurten["features"]] == ["BU01060101"]
    assert buurten["features"][0]["properties"]["wijk"] == "WK010601"
    assert get(client, "/api/v1/buurten/BU01060101")["properties"]["name"] == "Brink"
    assert get(client, "/api/v1/wijken/WK010601")["type"] == "Feature"
    assert client.get("/api/v1/wijken/BU01060101").status_code == 404  # a buurt


def test_root_lists_the_resources(client, db):
    links = get(client, "/api/v1")["_links"]
    assert links["initiatives"]["href"] == "http://testserver/api/v1/initiatives"
    assert links["openapi"]["href"] == "http://testserver/api/v1/openapi.json"
