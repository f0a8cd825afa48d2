"""Address lookups (PDOK) are rate limited per client IP."""

import pytest
import responses
from django.urls import reverse

from neighbourhoods.models import Organisation
from tests.neighbourhoods.factories import BuurtFactory
from tests.rate_limits import assert_limited, set_limit

from .conftest import geocoder_url, recording
from .test_location_picker import proposal

pytestmark = pytest.mark.django_db


def test_only_forms_that_look_an_address_up_count_against_the_geocoder_limit(
    client, settings, resident, geocoder
):
    geocoder.add(responses.GET, geocoder_url(), json=recording("pdok_free_found"))
    set_limit(settings, "geocoder", "1/m/ip")
    client.force_login(resident)
    url = reverse("neighbourhoods:organisation_propose")
    for _point in range(2):  # a point clicked on the map needs no lookup
        assert client.post(url, proposal(latitude="52.99", longitude="6.56")).status_code == 302
    assert client.post(url, proposal(address="Voorbeeldstraat 12")).status_code == 302

    response = client.post(url, proposal(address="Noordersingel 33"))

    assert_limited(response)
    assert len(geocoder.calls) == 1
    assert Organisation.objects.count() == 3


def test_my_neighbourhood_lookups_are_limited_per_ip_across_accounts(
    client, settings, resident, outsider
):
    first, second = BuurtFactory(name="Lariks"), BuurtFactory(name="Kloosterveen")
    set_limit(settings, "geocoder", "2/m/ip")
    url = reverse("neighbourhoods:my_neighbourhood")
    client.force_login(resident)
    for buurt in (first, second):
        assert client.post(url, {"neighbourhood": buurt.pk}).status_code == 302

    client.force_login(outsider)  # another account, same address
    response = client.post(url, {"neighbourhood": first.pk})

    assert_limited(response)
    outsider.refresh_from_db()
    assert outsider.home_neighbourhood is None
