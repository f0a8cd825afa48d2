"""The public list: only public initiatives; filters, search on both databases, sorting."""

import pytest
from django.db import connection
from django.urls import reverse

from initiatives.models import Initiative, Status
from initiatives.selectors.initiatives import initiative_search, initiatives_public
from initiatives.services import initiative_support
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import BuurtFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [i.title for i in response.context["page"].object_list]


@pytest.fixture
def initiatives(organiser, buurt, other_buurt):
    return {
        "draft": make_initiative(by=organiser, neighbourhood=buurt, title="Concept moestuin"),
        "submitted": make_initiative(
            by=organiser, neighbourhood=buurt, status=Status.SUBMITTED, title="Ingediend plan"
        ),
        "running": make_initiative(
            by=organiser,
            neighbourhood=buurt,
            status=Status.PUBLISHED,
            title="Speeltuin opknappen",
            theme="sport",
            description="Nieuwe schommels en een klimrek voor de kinderen.",
            needs=["money"],
        ),
        "completed": make_initiative(
            by=organiser,
            neighbourhood=other_buurt,
            status=Status.COMPLETED,
            title="Bloemen langs de fietsroutes",
            needs=["volunteers"],
        ),
        "declined": make_initiative(
            by=organiser, neighbourhood=buurt, status=Status.DECLINED, title="Afgewezen idee"
        ),
    }


def test_list_shows_only_published_and_completed(client, initiatives):
    response = client.get(reverse("initiatives:list"))
    assert set(titles(response)) == {"Speeltuin opknappen", "Bloemen langs de fietsroutes"}


def test_filter_by_wijk_includes_its_buurten(client, initiatives, buurt):
    response = client.get(reverse("initiatives:list"), {"neighbourhood": buurt.wijk.slug})
    assert titles(response) == ["Speeltuin opknappen"]
    response = client.get(reverse("initiatives:list"), {"neighbourhood": buurt.slug})
    assert titles(response) == ["Speeltuin opknappen"]


def test_filter_by_theme_status_and_need(client, initiatives):
    url = reverse("initiatives:list")
    assert titles(client.get(url, {"theme": "sport"})) == ["Speeltuin opknappen"]
    assert titles(client.get(url, {"status": "completed"})) == ["Bloemen langs de fietsroutes"]
    assert titles(client.get(url, {"need": "money"})) == ["Speeltuin opknappen"]
    assert titles(client.get(url, {"need": "volunteers"})) == ["Bloemen langs de fietsroutes"]


def test_bad_filter_values_do_not_break_the_page(client, initiatives):
    response = client.get(
        reverse("initiatives:list"),
        {"theme": "nonsense", "neighbourhood": "nowhere", "pagina": "x", "sort": "<script>"},
    )
    assert response.status_code == 200


def test_search_finds_words_in_title_and_description(client, initiatives):
    url = reverse("initiatives:list")
    assert titles(client.get(url, {"q": "schommels"})) == ["Speeltuin opknappen"]
    assert titles(client.get(url, {"q": "fietsroutes"})) == ["Bloemen langs de fietsroutes"]
    assert titles(client.get(url, {"q": "olifant"})) == []


def test_search_uses_dutch_stemming_on_postgresql_and_substrings_on_sqlite(initiatives):
    # "schommel" is the stem of "schommels" (PostgreSQL) and a substring of it (SQLite).
    found = initiative_search(initiatives_public(), "schommel")
    assert [i.title for i in found] == ["Speeltuin opknappen"]
    if connection.vendor == "postgresql":
        # Dutch stemming: "klimrekken" (plural) finds "klimrek" in the description.
        found = initiative_search(initiatives_public(), "klimrekken")
        assert [i.title for i in found] == ["Speeltuin opknappen"]
        sql = str(initiative_search(initiatives_public(), "tuin").query)
        assert "to_tsvector" in sql
        assert "dutch::regconfig" in sql


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a GIN index on PostgreSQL only")
def test_search_on_postgresql_reads_the_gin_index(initiatives):
    # The index (migration 0009) is on the very expression the search filters on; with
    # sequential scans off the planner must be able to answer the search from it (all
    # initiatives: with the status filter a tiny table may take the status index).
    queryset = initiative_search(Initiative.objects.all(), "speeltuin klimrek").values("pk")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "initiative_search" in plan, plan


def test_filter_options_come_from_the_cache_and_keep_the_choice(
    client, initiatives, buurt, django_assert_num_queries
):
    url = reverse("initiatives:list")
    client.get(url)  # renders the neighbourhood options once
    with django_assert_num_queries(3):  # count, the page, its photos: no neighbourhood query
        assert client.get(url).status_code == 200
    html = client.get(url, {"neighbourhood": buurt.slug}).content.decode()
    options = html.split('name="neighbourhood"')[1].split("</select>")[0]
    assert f'<option value="{buurt.slug}" selected>' in options
    assert options.count(" selected") == 1


def test_sort_by_most_supported(client, organiser, buurt):
    little = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, title="Weinig steun"
    )
    much = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, title="Veel steun"
    )
    for _ in range(3):
        initiative_support(initiative=much, by=UserFactory())
    initiative_support(initiative=little, by=UserFactory())
    url = reverse("initiatives:list")
    assert titles(client.get(url, {"sort": "supported"})) == ["Veel steun", "Weinig steun"]
    assert titles(client.get(url, {"sort": "newest"})) == ["Veel steun", "Weinig steun"]
    assert titles(client.get(url)) == ["Veel steun", "Weinig steun"]


def test_list_is_paginated(client, organiser):
    neighbourhood = BuurtFactory()
    for n in range(14):
        make_initiative(
            by=organiser, neighbourhood=neighbourhood, status=Status.PUBLISHED, title=f"Plan {n}"
        )
    first = client.get(reverse("initiatives:list"))
    second = client.get(reverse("initiatives:list"), {"pagina": 2})
    assert len(titles(first)) == 12
    assert len(titles(second)) == 2


def test_map_layer_lists_public_initiatives_with_a_location(client, initiatives):
    response = client.get(reverse("neighbourhoods:layer", kwargs={"layer": "initiatieven"}))
    assert response.status_code == 200
    names = {f["properties"]["name"] for f in response.json()["features"]}
    assert names == {"Speeltuin opknappen", "Bloemen langs de fietsroutes"}
    feature = response.json()["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [6.56, 52.99]}
