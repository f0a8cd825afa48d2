"""Offers and requests, activities, a building's occupancy, figures per wijk and month,
and the DCAT catalogue, as a developer reads them."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(body, name):
    return {item["title"] for item in body["_embedded"][name]}


# --- Offers and requests ------------------------------------------------------------------


def test_listings_are_the_exchange_public_list_without_their_owner(client, city):
    body = get(client, "/api/v1/listings")
    assert titles(body, "listings") == {"Hulp bij snoeien", "Wie leent een ladder?", "Klusdienst"}
    offer = next(i for i in body["_embedded"]["listings"] if i["title"] == "Hulp bij snoeien")
    assert set(offer) == {
        "id",
        "title",
        "description",
        "direction",
        "kind",
        "category",
        "neighbourhood",
        "organisation",
        "price",
        "created_at",
        "expires_at",
        "url",
    }
    assert offer["category"]["slug"] == "tuin"
    assert offer["neighbourhood"]["code"] == "BU01060101"
    assert offer["organisation"] is None
    assert offer["price"] is None
    assert offer["url"].endswith(f"/{city['offer'].pk}/")
    paid = next(i for i in body["_embedded"]["listings"] if i["title"] == "Klusdienst")
    assert paid["organisation"] == {"slug": "welzijn-centrum", "name": "Welzijn Centrum"}
    assert paid["price"] == "25 euro per uur"
    text = str(body)
    assert "Annet" not in text
    assert "aanbieder@example.org" not in text
    assert "Kerkstraat" not in text  # a message


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"wijk": "centrum"}, {"Hulp bij snoeien", "Klusdienst"}),
        ({"buurt": "brink"}, {"Hulp bij snoeien"}),
        ({"buurt": "elders"}, {"Wie leent een ladder?"}),
        ({"direction": "request"}, {"Wie leent een ladder?"}),
        ({"kind": "paid"}, {"Klusdienst"}),
        ({"category": "tuin"}, {"Hulp bij snoeien"}),
        ({"date_until": "2020-01-01"}, set()),
        ({"date_from": "2020-01-01"}, {"Hulp bij snoeien", "Wie leent een ladder?", "Klusdienst"}),
    ],
)
def test_listings_filter(client, city, params, expected):
    assert titles(get(client, "/api/v1/listings", **params), "listings") == expected


def test_a_listing_hidden_by_the_moderators_drops_out(client, city):
    """The API reads the exchange's public list: what the moderators hide is gone."""
    from django.utils import timezone

    from exchange.models import Listing

    Listing.objects.filter(pk=city["offer"].pk).update(hidden_at=timezone.now())
    assert "Hulp bij snoeien" not in titles(get(client, "/api/v1/listings"), "listings")
    assert client.get(f"/api/v1/listings/{city['offer'].pk}").status_code == 404


def test_one_listing_and_the_ones_never_shown(client, city):
    body = get(client, f"/api/v1/listings/{city['offer'].pk}")
    assert body["title"] == "Hulp bij snoeien"
    for name in ("withdrawn", "expired"):
        response = client.get(f"/api/v1/listings/{city[name].pk}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


# --- Activities -----------------------------------------------------------------------------


def test_activities_with_their_place_and_places_left(client, city):
    body = get(client, "/api/v1/activities")
    assert titles(body, "activities") == {
        "Yoga in de grote zaal",
        "Spreekuur",
        "Buurtborrel",
        "Online cursus",
    }
    by_title = {a["title"]: a for a in body["_embedded"]["activities"]}
    yoga = by_title["Yoga in de grote zaal"]
    assert yoga["place"] == {
        "kind": "room",
        "venue": {
            "slug": "de-brink",
            "name": "Buurthuis De Brink",
            "address": yoga["place"]["address"],
        },
        "room": "Grote zaal",
        "address": city["venue"].address,
    }
    assert yoga["places"] == 10
    assert yoga["places_left"] == 9
    assert yoga["organiser"] == {"kind": "venue", "name": "Buurthuis De Brink"}
    assert by_title["Spreekuur"]["place"]["address"] == "Brink 1"
    # An address given for an initiative may be someone's home: not public.
    assert by_title["Buurtborrel"]["place"]["address"] is None
    assert by_title["Buurtborrel"]["places_left"] is None
    online = by_title["Online cursus"]
    assert online["place"] == {"kind": "online", "venue": None, "room": None, "address": None}
    assert "meet.example.net" not in str(body)
    assert "Thuisstraat" not in str(body)
    assert client.get(f"/api/v1/activities/{city['cancelled'].pk}").status_code == 404
    assert get(client, f"/api/v1/activities/{city['online'].pk}")["kind"] == "course"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"wijk": "centrum"}, {"Yoga in de grote zaal", "Spreekuur", "Buurtborrel"}),
        ({"buurt": "elders"}, {"Online cursus"}),
        ({"kind": "sports"}, {"Yoga in de grote zaal"}),
        ({"audience": "children"}, set()),
        ({"date_until": "2020-01-01"}, set()),
    ],
)
def test_activities_filter(client, city, params, expected):
    assert titles(get(client, "/api/v1/activities", **params), "activities") == expected


def test_activities_filter_by_the_days_they_run(client, city):
    day = city["in_room"].start.date()
    during = {"date_from": day.isoformat(), "date_until": day.isoformat()}
    assert len(get(client, "/api/v1/activities", **during)["_embedded"]["activities"]) == 4
    after = (day + dt.timedelta(days=1)).isoformat()
    assert get(client, "/api/v1/activities", date_from=after)["total"] == 0


# --- Occupancy ----------------------------------------------------------------------------


def test_occupancy_shows_busy_stretches_without_the_booker(client, city):
    day = city["booking_day"]
    body = get(client, "/api/v1/venues/de-brink/occupancy", date=day.isoformat())
    assert body["venue"]["slug"] == "de-brink"
    assert body["date_from"] == body["date_until"] == day.isoformat()
    [the_day] = body["days"]
    assert the_day["closed"] is False
    [room] = the_day["rooms"]
    assert room["name"] == "Grote zaal"
    assert [(b["start"][11:16], b["end"][11:16]) for b in room["busy"]] == [("19:00", "21:00")]
    text = str(body)
    for secret in ("Geheime vergadering", "Bram", "boeker@example.org", "612345678"):
        assert secret not in text


def test_occupancy_over_a_range_of_days(client, city):
    day = city["booking_day"]
    body = get(
        client,
        "/api/v1/venues/de-brink/occupancy",
        date_from=(day - dt.timedelta(days=3)).isoformat(),
        date_until=(day + dt.timedelta(days=3)).isoformat(),
    )
    assert len(body["days"]) == 7
    busy = [d["date"] for d in body["days"] if d["rooms"][0]["busy"]]
    assert busy == [day.isoformat()]


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"date_from": "2026-01-01", "date_until": "2026-02-01"}, "date_until"),  # 32 days
        ({"date_from": "2026-01-10", "date_until": "2026-01-01"}, "date_until"),
        ({"date": "2026-01-01", "date_from": "2026-01-01"}, "date"),
        ({"date": "morgen"}, "date"),
    ],
)
def test_occupancy_refuses_a_bad_range(client, city, params, name):
    response = client.get("/api/v1/venues/de-brink/occupancy", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == name


def test_occupancy_of_an_unpublished_building_is_a_404(client, city):
    assert client.get("/api/v1/venues/oud-gebouw/occupancy").status_code == 404


# --- Figures per wijk and month -------------------------------------------------------------


def test_figures_per_wijk_and_month_hide_small_counts(client, city):
    from django.utils import timezone

    from initiatives.models import Support
    from tests.accounts.factories import UserFactory

    for _ in range(5):
        Support.objects.create(initiative=city["running"], user=UserFactory())
    today = timezone.localdate()
    body = get(client, "/api/v1/wijk-figures", wijk="centrum", page_size=100)
    assert body["total"] == today.month
    row = next(r for r in body["_embedded"]["wijk_figures"] if r["month"] == f"{today:%Y-%m}")
    assert row["wijk"]["code"] == "WK010601"
    figures = row["figures"]
    assert figures["supports"] >= 5  # shown as a number
    assert figures["help_requests"] == "<5"  # one, in the buurt Brink
    assert figures["exchange_listings"] == "<5"
    assert figures["initiatives"] == "<5"
    assert isinstance(figures["booked_hours"], float)
    assert all(
        value == "<5" or value >= 5
        for r in body["_embedded"]["wijk_figures"]
        for name, value in r["figures"].items()
        if name != "booked_hours"
    )


def test_figures_of_another_year_and_a_year_to_come(client, city):
    body = get(client, "/api/v1/wijk-figures", year=2021, wijk="WK010601")
    assert body["total"] == 12
    assert get(client, "/api/v1/wijk-figures", year=2999)["total"] == 0  # still to come
    response = client.get("/api/v1/wijk-figures", {"year": 2019})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "year"


# --- The catalogue --------------------------------------------------------------------------


def test_the_catalogue_is_dcat_ap_donl_json_ld(client, db):
    from api.catalogue import PATHS

    response = client.get("/api/v1/catalogus")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    body = response.json()
    assert body["@type"] == "dcat:Catalog"
    assert body["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    datasets = {d["@id"].rsplit("/", 1)[-1]: d for d in body["dcat:dataset"]}
    assert set(datasets) == set(PATHS)
    required = {
        "dct:identifier",
        "dct:title",
        "dct:description",
        "dct:language",
        "dcat:theme",
        "dct:modified",
        "overheid:authority",
        "dct:publisher",
        "dcat:contactPoint",
        "dct:accrualPeriodicity",
        "dcat:distribution",
    }
    for name, dataset in datasets.items():
        assert required <= set(dataset), name
        assert {t["@language"] for t in dataset["dct:title"]} == {"nl", "en"}
        assert {t["@language"] for t in dataset["dct:description"]} == {"nl", "en"}
        assert dataset["dct:publisher"]["foaf:name"] == "Gemeente Assen"
        assert dataset["dcat:theme"][0]["@id"].startswith(
            "http://standaarden.overheid.nl/owms/terms/"
        )
        [distribution] = dataset["dcat:distribution"]
        assert distribution["dcat:accessURL"]["@id"] == f"http://testserver/api/v1/{name}"
        assert distribution["dcat:mediaType"].startswith("application/")
        assert {"dct:license", "dct:format", "dct:title", "dct:language"} <= set(distribution)
        # Each dataset is there to fetch.
        assert client.get(f"/api/v1/{name}").status_code == 200, name
    cc0 = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
    assert datasets["listings"]["dcat:distribution"][0]["dct:license"]["@id"] == cc0
    wijken = datasets["wijken"]["dcat:distribution"][0]
    assert wijken["dct:license"]["@id"] == "http://creativecommons.org/licenses/by/4.0/deed.nl"
    assert "Kadaster / Centraal Bureau voor de Statistiek" in wijken["dct:rights"]
    assert wijken["dcat:mediaType"] == "application/geo+json"
