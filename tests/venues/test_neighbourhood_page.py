"""Community buildings show on their neighbourhood's page and count on /wijken/."""

import pytest
from django.urls import reverse

from tests.neighbourhoods.factories import WijkFactory

from .factories import VenueFactory

pytestmark = pytest.mark.django_db


def test_published_venues_show_on_their_wijk_page_and_count_on_wijken(client):
    wijk = WijkFactory()
    VenueFactory(neighbourhood=wijk, name="MFA Voorbeeld")
    VenueFactory(neighbourhood=wijk, name="Verborgen zaal", is_published=False)
    html = client.get(reverse("neighbourhoods:detail", args=[wijk.slug])).content.decode()
    assert "MFA Voorbeeld" in html
    assert "Verborgen zaal" not in html
    response = client.get(reverse("neighbourhoods:wijken"))
    card = next(w for w in response.context["wijken"] if w.pk == wijk.pk)
    assert ("Buurthuizen en wijkcentra", 1) in [(str(t), c) for t, c in card.figures]
