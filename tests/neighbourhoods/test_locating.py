"""Locating a point in its buurt, geocoding an address, and setting my home neighbourhood."""

import pytest
import requests
from django.urls import reverse

from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods import locator
from neighbourhoods.geocoding import geocode_address, geocode_postcode
from neighbourhoods.services import neighbourhood_import

from .conftest import BOUNDARY_FILES, geocoder_url, recording

pytestmark = pytest.mark.django_db


def test_the_centrum_point_lies_in_wijk_centrum(assen):
    buurt = locator.buurt_at(latitude=52.9925, longitude=6.5625)
    assert buurt.level == "buurt"
    assert buurt.wijk.code == "WK010600"
    assert buurt.wijk.name == "Centrum"


def test_a_point_outside_assen_lies_in_no_buurt(assen):
    assert locator.buurt_at(latitude=53.2194, longitude=6.5665) is None  # Groningen


def test_the_geometries_are_built_once_and_rebuilt_after_an_import(
    assen, django_assert_num_queries
):
    locator.buurt_at(latitude=52.9925, longitude=6.5625)
    with django_assert_num_queries(0):
        locator.buurt_id_at(latitude=52.9925, longitude=6.5625)
    neighbourhood_import(paths=BOUNDARY_FILES)  # nothing changed: cache kept
    with django_assert_num_queries(0):
        locator.buurt_id_at(latitude=52.9925, longitude=6.5625)
    locator.invalidate()
    with django_assert_num_queries(1):
        locator.buurt_id_at(latitude=52.9925, longitude=6.5625)


def test_geocoder_finds_postcode_and_house_number(geocoder):
    geocoder.get(geocoder_url(), json=recording("pdok_free_found"))
    result = geocode_postcode(postcode="9401 aa", house_number=" 12 ")
    assert (result.latitude, result.longitude) == (52.9925, 6.5625)
    assert result.label == "Voorbeeldstraat 12, 9401AA Assen"
    request = geocoder.calls[0].request
    assert "q=9401AA+12" in request.url
    assert "fq=type%3Aadres" in request.url
    assert "rows=1" in request.url


def test_geocoder_results_are_cached(geocoder):
    geocoder.get(geocoder_url(), json=recording("pdok_free_found"))
    geocode_address(query="Voorbeeldstraat 12, Assen")
    geocode_address(query="voorbeeldstraat  12, assen")
    assert len(geocoder.calls) == 1


def test_geocoder_says_so_when_it_finds_nothing(geocoder):
    geocoder.get(geocoder_url(), json=recording("pdok_free_not_found"))
    with pytest.raises(ServiceError) as raised:
        geocode_postcode(postcode="9401AA", house_number="999")
    assert raised.value.code == "not_found"
    assert "kies je buurt uit de lijst" in raised.value.message


def test_geocoder_unreachable_gives_a_message_not_an_exception(geocoder):
    geocoder.get(geocoder_url(), body=requests.ConnectionError("no route to host"))
    with pytest.raises(ServiceError) as raised:
        geocode_postcode(postcode="9401AA", house_number="12")
    assert raised.value.code == "unreachable"
    assert "niet bereikbaar" in raised.value.message


@pytest.mark.parametrize(
    ("postcode", "number"), [("94011AA", "1"), ("9401AA", "0"), ("", "x"), ("0000 AB", "1")]
)
def test_bad_postcode_or_number_is_refused_before_asking_the_geocoder(geocoder, postcode, number):
    with pytest.raises(ServiceError):
        geocode_postcode(postcode=postcode, house_number=number)
    assert len(geocoder.calls) == 0


def test_resident_sets_home_neighbourhood_by_postcode(client, resident, assen, geocoder):
    geocoder.get(geocoder_url(), json=recording("pdok_free_found"))
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:my_neighbourhood"), {"postcode": "9401 AA", "house_number": "12"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    resident.refresh_from_db()
    assert resident.home_neighbourhood.level == "buurt"
    assert resident.home_neighbourhood.wijk.name == "Centrum"
    profile = client.get(response["Location"]).content.decode()
    assert resident.home_neighbourhood.name in profile
    assert "Centrum" in profile
    assert "in de wijk Centrum" in profile


def test_resident_sets_home_neighbourhood_by_free_address(client, resident, assen, geocoder):
    geocoder.get(geocoder_url(), json=recording("pdok_free_found"))
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:my_neighbourhood"), {"address": "Voorbeeldstraat 12"}
    )
    assert response.status_code == 302
    assert "q=Voorbeeldstraat+12+Assen" in geocoder.calls[0].request.url
    resident.refresh_from_db()
    assert resident.home_neighbourhood.wijk.name == "Centrum"


def test_an_empty_address_changes_nothing_and_says_why(client, resident, assen):
    client.force_login(resident)
    response = client.post(reverse("neighbourhoods:my_neighbourhood"), {"address": "  "})
    assert response.status_code == 200
    assert "Vul je postcode en huisnummer of je adres in" in response.content.decode()
    resident.refresh_from_db()
    assert resident.home_neighbourhood is None


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"json": recording("pdok_free_not_found")}, "We konden dat adres niet vinden"),
        ({"body": requests.ConnectionError("down")}, "niet bereikbaar"),
        ({"json": recording("pdok_free_outside_assen")}, "niet in Assen"),
    ],
)
def test_address_not_found_unreachable_or_outside_changes_nothing_and_offers_the_list(
    client, resident, assen, geocoder, answer, message
):
    buurt = assen["BU01060300"]
    resident.home_neighbourhood = buurt
    resident.save()
    geocoder.get(geocoder_url(), **answer)
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:my_neighbourhood"), {"postcode": "9401AA", "house_number": "12"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'name="neighbourhood"' in html  # the list to choose from
    resident.refresh_from_db()
    assert resident.home_neighbourhood == buurt


def test_resident_chooses_neighbourhood_from_the_list(client, resident, assen):
    client.force_login(resident)
    dijkveld = assen["BU01060300"]
    response = client.post(
        reverse("neighbourhoods:my_neighbourhood"), {"neighbourhood": dijkveld.pk}
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.home_neighbourhood == dijkveld
    response = client.post(reverse("neighbourhoods:my_neighbourhood"), {"neighbourhood": 0})
    assert response.status_code == 200
    resident.refresh_from_db()
    assert resident.home_neighbourhood == dijkveld


def test_finding_my_neighbourhood_requires_login(client):
    response = client.post(reverse("neighbourhoods:my_neighbourhood"), {"postcode": "9401AA"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_profile_offers_the_postcode_form_and_shows_buurt_and_wijk(client, resident, assen):
    resident.home_neighbourhood = assen["BU01060300"]
    resident.save()
    client.force_login(resident)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert f'action="{reverse("neighbourhoods:my_neighbourhood")}"' in html
    assert "Dijkveld" in html
    assert "Assen-Oost" in html
    assert "Dijkveld (Assen-Oost)" in html  # the fallback list names the wijk


def test_the_neighbourhood_list_is_rendered_once_and_then_read_from_the_cache(
    client, resident, assen, django_assert_num_queries
):
    client.force_login(resident)
    url = reverse("neighbourhoods:my_neighbourhood")
    first = client.get(url).content.decode()
    dijkveld = assen["BU01060300"]
    assert (
        f'<option value="{dijkveld.pk}">{dijkveld.name} ({dijkveld.wijk.name})</option>' in first
    )
    # Session, user, unread notifications: the list of buurten comes from the cache.
    with django_assert_num_queries(3):
        again = client.get(url).content.decode()
    choice = 'name="neighbourhood"'
    assert (
        again.split(choice, 1)[1].split("</select>", 1)[0]
        == first.split(choice, 1)[1].split("</select>", 1)[0]
    )
