"""The initiative form's details: no red fields before typing, an error summary, photos
that must be chosen again, a place without visible coordinates, and an address service
that is down does not block saving."""

import re

import pytest
import requests
import responses
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from initiatives.models import Initiative
from tests.initiatives.factories import image_upload
from tests.initiatives.test_pages import form_data

pytestmark = pytest.mark.django_db

GEOCODER = settings.GEOCODER_URL.rstrip("/") + "/free"


def test_an_untouched_form_has_no_field_that_looks_invalid(client, organiser):
    client.force_login(organiser)
    html = client.get(reverse("initiatives:create")).content.decode()
    assert " required" not in html  # :invalid would paint empty fields red
    assert "aria-invalid" not in html
    assert "mb-error-summary" not in html


def test_errors_are_summed_up_at_the_top_with_links_to_the_fields(client, organiser, buurt):
    client.force_login(organiser)
    response = client.post(reverse("initiatives:create"), form_data(buurt, title=""))
    html = response.content.decode()
    assert response.status_code == 200
    summary = html[html.index('class="mb-error-summary"') :]
    assert 'role="alert"' in html
    assert "autofocus" in html
    assert 'href="#id_title"' in summary
    assert re.search(r'name="title"[^>]*aria-invalid="true"', html)
    assert not Initiative.objects.exists()


def test_a_chosen_photo_must_be_chosen_again_after_an_error(client, organiser, buurt):
    client.force_login(organiser)
    data = form_data(buurt, title="", photos=[image_upload()])
    response = client.post(reverse("initiatives:create"), data)
    form = response.context["form"]
    assert form.has_error("photos", code="choose_again")
    assert 'href="#id_photos"' in response.content.decode()

    # Without another error the photo is simply saved.
    client.post(reverse("initiatives:create"), form_data(buurt, photos=[image_upload()]))
    assert Initiative.objects.get().photos.count() == 1


def test_residents_see_no_coordinates_but_a_hidden_place_still_saves(client, organiser, buurt):
    client.force_login(organiser)
    html = client.get(reverse("initiatives:create")).content.decode()
    assert re.search(r'<input type="hidden"[^>]*name="location_latitude"', html)
    assert re.search(r'<input type="hidden"[^>]*name="location_longitude"', html)
    assert 'type="number"' not in html
    data = form_data(buurt, location_latitude="52.9930", location_longitude="6.5610")
    client.post(reverse("initiatives:create"), data)
    initiative = Initiative.objects.get()
    assert (initiative.latitude, initiative.longitude) == (52.993, 6.561)


def test_an_address_is_looked_up_on_the_server_without_javascript(client, organiser, buurt):
    client.force_login(organiser)
    found = {
        "response": {
            "numFound": 1,
            "docs": [{"centroide_ll": "POINT(6.5625 52.9925)", "weergavenaam": "Assen"}],
        }
    }
    with responses.RequestsMock() as mock:
        mock.add(responses.GET, GEOCODER, json=found)
        client.post(reverse("initiatives:create"), form_data(buurt, location_address="Brink 1"))
    initiative = Initiative.objects.get()
    assert (initiative.latitude, initiative.longitude) == (52.9925, 6.5625)


def test_an_address_service_that_is_down_does_not_block_saving(client, organiser, buurt):
    client.force_login(organiser)
    with responses.RequestsMock() as mock:
        mock.add(responses.GET, GEOCODER, body=requests.ConnectionError("down"))
        response = client.post(
            reverse("initiatives:create"),
            form_data(buurt, location_address="Kloosterstraat 9"),
            follow=True,
        )
    initiative = Initiative.objects.get()
    assert not initiative.has_location
    warning = _(
        "The address service could not be reached, so the place on the map was "
        "not changed. Edit the initiative later, or click on the map, to set it."
    )
    assert warning in [str(m) for m in response.context["messages"]]


def test_an_edit_keeps_its_place_when_the_address_service_is_down(client, organiser, buurt):
    client.force_login(organiser)
    data = form_data(buurt, location_latitude="52.9930", location_longitude="6.5610")
    client.post(reverse("initiatives:create"), data)
    initiative = Initiative.objects.get()
    with responses.RequestsMock() as mock:
        mock.add(responses.GET, GEOCODER, body=requests.ConnectionError("down"))
        response = client.post(
            reverse("initiatives:edit", args=[initiative.pk]),
            form_data(buurt, title="Nieuwe titel", location_address="Torenlaan 3"),
        )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == "Nieuwe titel"
    assert (initiative.latitude, initiative.longitude) == (52.993, 6.561)


def test_approving_asks_the_reviewer_to_confirm(client, submitted, staff):
    from initiatives.models import Status

    client.force_login(staff)
    page = client.get(reverse("initiatives:review_queue")).content.decode()
    assert f'id="confirm-publish-{submitted.pk}" name="confirm"' in page
    url = reverse("initiatives:transition", args=[submitted.pk])
    client.post(url, {"to_status": "published", "next": "queue"})
    submitted.refresh_from_db()
    assert submitted.status != Status.PUBLISHED  # not confirmed: nothing changes
    client.post(url, {"to_status": "published", "confirm": "on", "next": "queue"})
    submitted.refresh_from_db()
    assert submitted.status == Status.PUBLISHED
