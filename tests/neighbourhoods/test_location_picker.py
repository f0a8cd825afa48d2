"""The location picker: an address or coordinates become a point in Assen, or a clear error."""

import pytest
import requests
import responses
from django.urls import reverse

from neighbourhoods.models import Organisation

from .conftest import geocoder_url, recording

pytestmark = pytest.mark.django_db


def proposal(**location):
    data = {"name": "Repair Café Assen", "kind": "neighbourhood_enterprise"}
    data.update({f"location_{key}": value for key, value in location.items()})
    return data


def test_the_form_offers_an_address_and_keeps_the_coordinates_hidden(client, resident):
    client.force_login(resident)
    html = client.get(reverse("neighbourhoods:organisation_propose")).content.decode()
    assert 'for="id_location_0"' in html
    assert 'id="id_location_0"' in html
    for name in ("location_latitude", "location_longitude"):  # set by a map click
        assert f'type="hidden" class="" name="{name}"' in html or (
            f'name="{name}"' in html and 'type="hidden"' in html
        )
    assert "Breedtegraad" not in html
    assert "location-picker.js" in html


def test_coordinates_in_assen_put_the_organisation_on_the_map(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_propose"),
        proposal(latitude="52.99251", longitude="6.56250"),
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert (organisation.latitude, organisation.longitude) == (52.99251, 6.5625)


def test_an_address_is_looked_up_when_no_coordinates_are_given(client, resident, geocoder):
    geocoder.add(responses.GET, geocoder_url(), json=recording("pdok_free_found"))
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_propose"), proposal(address="Voorbeeldstraat 12")
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert (organisation.latitude, organisation.longitude) == (52.9925, 6.5625)
    assert "Assen" in geocoder.calls[0].request.url


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ({"latitude": "52.37", "longitude": "4.89"}, "Dat punt ligt niet in Assen"),
        ({"latitude": "52.99"}, "Vul zowel de breedtegraad als de lengtegraad in"),
        ({"latitude": "noord", "longitude": "6.56"}, "Voer een getal in"),
    ],
)
def test_bad_coordinates_are_refused_and_nothing_is_created(client, resident, location, message):
    client.force_login(resident)
    response = client.post(reverse("neighbourhoods:organisation_propose"), proposal(**location))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_unreachable_geocoder_says_to_click_the_map_and_creates_nothing(
    client, resident, geocoder
):
    geocoder.add(responses.GET, geocoder_url(), body=requests.ConnectionError("down"))
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_propose"), proposal(address="Voorbeeldstraat 12")
    )
    assert response.status_code == 200
    assert "Klik op de kaart" in response.content.decode()
    assert not Organisation.objects.exists()


def test_an_edit_shows_the_stored_point_and_can_clear_it(client, resident):
    client.force_login(resident)
    client.post(
        reverse("neighbourhoods:organisation_propose"),
        proposal(latitude="52.99251", longitude="6.5625"),
    )
    organisation = Organisation.objects.get()
    url = reverse("neighbourhoods:organisation_edit", args=[organisation.slug])
    assert 'value="52.99251"' in client.get(url).content.decode()
    response = client.post(url, proposal(latitude="", longitude=""))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.latitude is None
