"""/wijken/, a neighbourhood's page, /kaart/ and its GeoJSON layers: content and query counts."""

import gzip
import json

import pytest
from django.urls import reverse

from neighbourhoods.services import organisation_approve

from .factories import AreaTeamFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def add_organisations(assen, count: int) -> None:
    buurten = [n for n in assen.values() if n.level == "buurt"]
    for n in range(count):
        OrganisationFactory(neighbourhoods=[buurten[n % len(buurten)], assen["WK010600"]])


def test_wijken_page_lists_every_wijk_with_its_buurten_and_figures(client, assen):
    OrganisationFactory(neighbourhoods=[assen["BU01060300"]])  # Dijkveld, in Assen-Oost
    OrganisationFactory(neighbourhoods=[assen["WK010603"]], name="Wijkteam Oost")
    OrganisationFactory(neighbourhoods=[assen["WK010603"]], is_approved=False)
    response = client.get(reverse("neighbourhoods:wijken"))
    assert response.status_code == 200
    wijken = {wijk.code: wijk for wijk in response.context["wijken"]}
    assert len(wijken) == 10
    assert wijken["WK010603"].buurt_count == 11
    assert wijken["WK010603"].organisation_count == 2
    assert wijken["WK010600"].organisation_count == 0
    html = response.content.decode()
    assert "Dijkveld" in html
    assert "Kadaster / Centraal Bureau voor de Statistiek, 2023" in html
    assert "Kaartgegevens &copy; Kadaster (PDOK, BRT-Achtergrondkaart)" in html
    assert 'aria-current="page"' in html


@pytest.mark.parametrize("extra", [0, 15])
def test_wijken_page_query_count_is_fixed(client, assen, django_assert_num_queries, extra):
    add_organisations(assen, 3 + extra)
    # wijken, buurten, organisations, and one count per registered section
    # (initiatives, volunteer tasks, venues, Vraag en aanbod, activities, buurtbudget)
    with django_assert_num_queries(9):
        assert client.get(reverse("neighbourhoods:wijken")).status_code == 200


def test_wijk_page_shows_buurten_organisations_and_the_area_team(client, assen):
    oost = assen["WK010603"]
    AreaTeamFactory(
        name="Gebiedsteam Oost", neighbourhoods=[oost], walk_in_place="Buurthuis (demo)"
    )
    OrganisationFactory(name="Repaircafé Dijkveld", neighbourhoods=[assen["BU01060300"]])
    html = client.get(reverse("neighbourhoods:detail", args=[oost.slug])).content.decode()
    assert "Dijkveld" in html
    assert "Houtlaan" in html
    assert "Repaircafé Dijkveld" in html
    assert "Gebiedsteam Oost" in html
    assert "Buurthuis (demo)" in html
    assert "Kadaster / Centraal Bureau voor de Statistiek, 2023" in html


def test_buurt_page_links_its_wijk_and_finds_the_team_of_the_wijk(client, assen):
    dijkveld = assen["BU01060300"]
    AreaTeamFactory(name="Gebiedsteam Oost", neighbourhoods=[assen["WK010603"]])
    html = client.get(reverse("neighbourhoods:detail", args=[dijkveld.slug])).content.decode()
    assert reverse("neighbourhoods:detail", args=["assen-oost"]) in html
    assert "Gebiedsteam Oost" in html
    assert "Kadaster / Centraal Bureau voor de Statistiek, 2022" in html


def test_unknown_neighbourhood_is_a_404(client, assen):
    assert client.get(reverse("neighbourhoods:detail", args=["bestaat-niet"])).status_code == 404


@pytest.mark.parametrize("extra", [0, 15])
def test_neighbourhood_page_query_count_is_fixed(client, assen, django_assert_num_queries, extra):
    add_organisations(assen, 3 + extra)
    AreaTeamFactory(neighbourhoods=[assen["WK010600"]])
    for code in ("WK010600", "BU01060000"):
        url = reverse("neighbourhoods:detail", args=[assen[code].slug])
        # the page's own 4, and one per registered section (initiatives, volunteer
        # tasks, venues, Vraag en aanbod, activities, buurtbudget)
        with django_assert_num_queries(10):
            assert client.get(url).status_code == 200


def test_map_page_lists_everything_for_people_without_a_map(client, assen):
    OrganisationFactory(name="Sportclub Peelo", address="Voorbeeldweg 1")
    OrganisationFactory(name="Nog niet goedgekeurd", is_approved=False)
    html = client.get(reverse("neighbourhoods:map")).content.decode()
    assert "Sportclub Peelo" in html
    assert "Nog niet goedgekeurd" not in html
    assert "Kloosterveen" in html
    for layer in ("wijken", "buurten", "organisaties"):
        assert reverse("neighbourhoods:layer", args=[layer]) in html
    assert "Kadaster / Centraal Bureau voor de Statistiek, 2022" in html


@pytest.mark.parametrize("extra", [0, 15])
def test_map_page_query_count_is_fixed(client, assen, django_assert_num_queries, extra):
    add_organisations(assen, 3 + extra)
    # wijken, buurten, organisations, and one query per layer other apps register
    # (initiatives, volunteer tasks, venues, Vraag en aanbod), whatever the number of items.
    with django_assert_num_queries(8):
        assert client.get(reverse("neighbourhoods:map")).status_code == 200


def test_boundary_layers_are_cacheable_geojson(client, assen):
    response = client.get(reverse("neighbourhoods:layer", args=["buurten"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 109
    dijkveld = next(f for f in data["features"] if f["id"] == "BU01060300")
    assert dijkveld["properties"]["wijk"] == "Assen-Oost"
    assert dijkveld["properties"]["url"] == "/wijken/dijkveld/"
    assert dijkveld["geometry"]["type"] == "Polygon"
    wijken = json.loads(client.get(reverse("neighbourhoods:layer", args=["wijken"])).content)
    assert len(wijken["features"]) == 10


def test_organisation_layer_holds_approved_organisations_with_a_location(client, assen):
    OrganisationFactory(name="Op de kaart", latitude=52.99, longitude=6.56)
    OrganisationFactory(name="Zonder plek", latitude=None, longitude=None)
    OrganisationFactory(name="Voorstel", is_approved=False)
    data = json.loads(client.get(reverse("neighbourhoods:layer", args=["organisaties"])).content)
    assert [f["properties"]["name"] for f in data["features"]] == ["Op de kaart"]
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [6.56, 52.99]}


def test_an_approved_organisation_is_on_the_layer_at_once(
    client, assen, django_capture_on_commit_callbacks
):
    proposed = OrganisationFactory(name="Nieuw buurthuis", is_approved=False)
    url = reverse("neighbourhoods:layer", args=["organisaties"])
    assert client.get(url).json()["features"] == []  # built and kept in the cache
    with django_capture_on_commit_callbacks(execute=True):
        organisation_approve(organisations=[proposed])
    names = [f["properties"]["name"] for f in client.get(url).json()["features"]]
    assert names == ["Nieuw buurthuis"]


def test_layer_is_built_once_a_minute_then_served_gzipped_and_conditionally(
    client, assen, django_assert_num_queries
):
    organisation = OrganisationFactory(kind="sport", latitude=52.99, longitude=6.56)
    url = reverse("neighbourhoods:layer", args=["organisaties"])
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    feature = json.loads(plain.content)["features"][0]
    assert feature["properties"]["kind"] == "Sport"
    assert feature["properties"]["url"] == reverse(
        "neighbourhoods:organisation", kwargs={"slug": organisation.slug}
    )
    with django_assert_num_queries(0):  # from the cache
        zipped = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    assert zipped["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(zipped.content)) == json.loads(plain.content)
    assert "Accept-Encoding" in zipped["Vary"]
    assert zipped["ETag"] == plain["ETag"]
    # The browser's copy is current: 304, no body.
    again = client.get(url, headers={"if-none-match": plain["ETag"]})
    assert again.status_code == 304
    assert not again.content
    # Each language has its own copy (labels and links are translated).
    english = json.loads(client.get(f"/en{url}").content)["features"][0]["properties"]
    assert english["url"].startswith("/en/")


def test_a_change_to_a_layers_source_shows_at_once(
    client, assen, django_capture_on_commit_callbacks
):
    """The cache saves building, never freshness: a saved or deleted source is on the
    map (layer and the map's lists) with the next request."""
    url = reverse("neighbourhoods:layer", args=["organisaties"])
    OrganisationFactory(name="Eerste", latitude=52.99, longitude=6.56)
    first = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        second = OrganisationFactory(name="Tweede", latitude=52.98, longitude=6.55)
    names = [f["properties"]["name"] for f in json.loads(client.get(url).content)["features"]]
    assert names == ["Eerste", "Tweede"]
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 200
    assert "Tweede" in client.get(reverse("neighbourhoods:map")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    names = [f["properties"]["name"] for f in json.loads(client.get(url).content)["features"]]
    assert names == ["Eerste"]


def test_map_page_lists_come_from_the_cache_once_built(client, assen, django_assert_num_queries):
    add_organisations(assen, 3)
    client.get(reverse("neighbourhoods:map"))
    # wijken, buurten, organisations and their neighbourhoods; the layers' lists are cached.
    with django_assert_num_queries(4):
        response = client.get(reverse("neighbourhoods:map"))
    assert response.status_code == 200


def test_unknown_layer_is_a_404(client):
    assert client.get("/kaart/lagen/geheim.geojson").status_code == 404


@pytest.mark.parametrize("layer", ["wijken", "buurten", "organisaties"])
@pytest.mark.parametrize("extra", [0, 15])
def test_layer_query_count_is_fixed(client, assen, django_assert_num_queries, layer, extra):
    add_organisations(assen, 3 + extra)
    with django_assert_num_queries(1):
        assert client.get(reverse("neighbourhoods:layer", args=[layer])).status_code == 200


def test_pages_work_in_english(client, assen):
    html = client.get("/en/wijken/").content.decode()
    assert "Districts and neighbourhoods of Assen" in html
    assert 'href="/en/wijken/centrum/"' in html
