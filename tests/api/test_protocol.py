"""The API Design Rules as a client meets them: description, version, errors as
problem+json, pages with links, conditional GET, rate limit and CORS."""

import re

import pytest

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    assert response["API-Version"] == "1.0.0"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail", "instance"}
    assert body["status"] == status
    assert body["detail"]
    return body


def test_openapi_description_is_public_and_cors_open(client):
    response = client.get("/api/v1/openapi.json", HTTP_ORIGIN="https://example.net")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["API-Version"] == "1.0.0"
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["version"] == "1.0.0"
    assert schema["servers"] == [{"url": "/api/v1"}]
    for path in schema["paths"]:
        assert not path.endswith("/")
        assert re.fullmatch(r"(/([a-z0-9]+(-[a-z0-9]+)*|\{[a-z]+\}))+", path), path
    assert "400" in schema["paths"]["/initiatives"]["get"]["responses"]


def test_documentation_page_lists_every_resource(client):
    response = client.get("/api/v1/docs", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    page = response.content.decode()
    for path in (
        "/api/v1/initiatives",
        "/api/v1/volunteer-tasks",
        "/api/v1/venues",
        "/api/v1/organisations",
        "/api/v1/wijken",
        "/api/v1/buurten/{code}",
        "/api/v1/listings",
        "/api/v1/activities/{id}",
        "/api/v1/venues/{slug}/occupancy",
        "/api/v1/wijk-figures",
        "/api/v1/catalogus",
    ):
        assert f"GET {path}</code>" in page
    assert "page_size" in page
    assert "<script" not in page


def test_every_answer_has_the_version_and_cache_headers(client, city):
    response = client.get("/api/v1/venues")
    assert response["API-Version"] == "1.0.0"
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"]


def test_pages_have_links_in_the_body_and_the_link_header(client, db):
    from tests.neighbourhoods.factories import OrganisationFactory

    OrganisationFactory.create_batch(5)
    response = client.get("/api/v1/organisations", {"page": 2, "page_size": 2, "kind": "welfare"})
    body = response.json()
    assert body["total"] == 5
    assert body["pages"] == 3
    assert len(body["_embedded"]["organisations"]) == 2
    base = "http://testserver/api/v1/organisations?kind=welfare"
    assert body["_links"] == {
        "self": {"href": f"{base}&page=2&page_size=2"},
        "first": {"href": f"{base}&page=1&page_size=2"},
        "last": {"href": f"{base}&page=3&page_size=2"},
        "prev": {"href": f"{base}&page=1&page_size=2"},
        "next": {"href": f"{base}&page=3&page_size=2"},
    }
    assert f'<{base}&page=3&page_size=2>; rel="next"' in response["Link"]
    assert f'<{base}&page=1&page_size=2>; rel="first"' in response["Link"]
    last = client.get("/api/v1/organisations", {"page": 3, "page_size": 2}).json()
    assert "next" not in last["_links"]
    assert len(last["_embedded"]["organisations"]) == 1


@pytest.mark.parametrize(
    "query",
    [
        {"page_size": 101},
        {"page": 0},
        {"page": "een"},
        {"theme": "onbekend"},
        {"date_from": "2026-13-01"},
        {"wijk": "<script>"},
        {"status": "draft"},
    ],
)
def test_bad_parameters_are_400_problems(client, db, query):
    body = assert_problem(client.get("/api/v1/initiatives", query), 400)
    assert body["invalidParams"][0]["name"] == next(iter(query))


def test_an_id_too_large_for_the_database_is_a_400(client, db):
    assert_problem(client.get(f"/api/v1/initiatives/{2**64}"), 400)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/onbekend",
        "/api/v1/initiatives/",
        "/api/v1/initiatives/abc",
        "/api/v1/initiatives/999999",
        "/api/v1/venues/bestaat-niet",
        "/api/v2/initiatives",
    ],
)
def test_unknown_paths_are_404_problems(client, db, path):
    assert_problem(client.get(path), 404)


def test_a_page_after_the_last_is_a_404_problem(client, db):
    body = assert_problem(client.get("/api/v1/organisations", {"page": 2}), 404)
    assert body["instance"] == "/api/v1/organisations?page=2"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/initiatives", "/api/v1/docs", "/api/v1"])
def test_writing_is_a_405_problem(db, method, path):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)(path)
    assert_problem(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_an_error_of_ours_is_a_500_problem(client, db, monkeypatch):
    from api import selectors

    def broken():
        raise RuntimeError("database on fire")

    monkeypatch.setattr(selectors, "venues_for_api", broken)
    body = assert_problem(client.get("/api/v1/venues"), 500)
    assert "fire" not in body["detail"]


def test_an_unchanged_answer_is_a_304(client, city):
    first = client.get("/api/v1/initiatives")
    again = client.get("/api/v1/initiatives", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["API-Version"] == "1.0.0"
    city["running"].title = "Moestuin aan de Brink (nieuw)"
    city["running"].save()
    changed = client.get("/api/v1/initiatives", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


def test_one_initiative_has_last_modified(client, city):
    path = f"/api/v1/initiatives/{city['running'].pk}"
    first = client.get(path)
    assert first["Last-Modified"]
    again = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_too_many_requests_is_a_429_problem_with_retry_after(client, db, settings):
    settings.API_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert client.get("/api/v1/wijken").status_code == 200
    response = client.get("/api/v1/wijken")
    assert_problem(response, 429)
    assert 1 <= int(response["Retry-After"]) <= 60
    other = client.get("/api/v1/wijken", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200  # counted per client IP


def test_cors_preflight_and_head(client, db):
    response = client.options(
        "/api/v1/initiatives",
        HTTP_ORIGIN="https://example.net",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    head = client.head("/api/v1/initiatives")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == client.get("/api/v1/initiatives")["ETag"]
    assert "ETag" in client.get("/api/v1/wijken")["Access-Control-Expose-Headers"]


def test_the_api_sets_no_cookie(client, city):
    response = client.get("/api/v1/initiatives")
    assert not response.cookies


def test_the_documentation_page_is_in_english_too(client, db):
    response = client.get("/api/v1/docs", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "Parameters" in response.content.decode()
    assert "Accept-Language" in response["Vary"]
    problem = client.get("/api/v1/onbekend", HTTP_ACCEPT_LANGUAGE="en").json()
    assert problem["detail"] == "There is no resource at this address."


def test_the_benchmark_names_every_list_and_an_item_of_each(client, city):
    from api.bench import LISTS, OTHERS, pages

    paths = [page.path for page in pages()]
    assert len(paths) == 2 * len(LISTS) + 1 + len(OTHERS)
    for path in paths:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("value", ["60 per minuut", "60", "/m", "60/x"])
def test_a_malformed_api_rate_limit_stops_the_start(value):
    from tests.core.test_settings import manage

    result = manage("check", env={"DEBUG": "true", "API_RATE_LIMIT": value})
    assert result.returncode != 0
    assert "API_RATE_LIMIT" in result.stderr


def _every_path(city) -> list[str]:
    """Every operation of the description, with a key that exists in ``city``."""
    from api.views import openapi_schema

    keys = {
        "/initiatives/{id}": city["running"].pk,
        "/volunteer-tasks/{id}": city["task"].pk,
        "/listings/{id}": city["offer"].pk,
        "/activities/{id}": city["in_room"].pk,
        "/wijken/{code}": "WK010601",
        "/buurten/{code}": "BU01060101",
        "/organisations/{slug}": "welzijn-centrum",
    }
    paths = []
    for path in openapi_schema()["paths"]:
        key = keys.get(path, "de-brink")
        paths.append("/api/v1" + re.sub(r"\{[a-z]+\}", str(key), path))
    return paths


def test_every_operation_refuses_an_unknown_query_parameter(client, city):
    paths = [*_every_path(city), "/api/v1", "/api/v1/openapi.json", "/api/v1/docs"]
    assert len(paths) >= 22
    for path in paths:
        assert client.get(path).status_code == 200, path
        response = client.get(path, {"sort": "title"})
        body = assert_problem(response, 400)
        assert "sort" in body["detail"], path
        assert body["invalidParams"] == [
            {"name": "sort", "code": "unknown", "reason": body["invalidParams"][0]["reason"]}
        ]


def test_a_misspelt_parameter_is_named_and_nothing_is_read(
    client, city, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/api/v1/initiatives", {"wjik": "centrum", "page": 1, "thema": "x"})
    body = assert_problem(response, 400)
    assert [p["name"] for p in body["invalidParams"]] == ["wjik", "thema"]
    assert "wjik" in body["detail"]
    assert "thema" in body["detail"]
    english = client.get("/api/v1/listings", {"soort": "x"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["detail"] == "Unknown query parameter: soort."


def test_the_description_says_how_answers_are_sent(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    for path, methods in schema["paths"].items():
        for status, response in methods["get"]["responses"].items():
            if status.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"], path
            if status == "200":
                assert "API-Version" in response["headers"], path
    assert (
        "application/ld+json"
        in schema["paths"]["/catalogus"]["get"]["responses"]["200"]["content"]
    )
    assert (
        "application/geo+json" in schema["paths"]["/wijken"]["get"]["responses"]["200"]["content"]
    )
