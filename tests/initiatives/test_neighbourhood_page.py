"""Running initiatives show on their neighbourhood's page and count on /wijken/."""

import pytest
from django.urls import reverse

from initiatives.models import Status
from tests.neighbourhoods.factories import BuurtFactory

from .factories import make_initiative

pytestmark = pytest.mark.django_db


def test_a_published_initiative_shows_on_its_buurt_and_wijk_pages_a_draft_does_not(client):
    buurt = BuurtFactory()
    make_initiative(neighbourhood=buurt, status=Status.PUBLISHED, title="Bankjes op het plein")
    make_initiative(neighbourhood=buurt, title="Geheim plan in wording")
    for neighbourhood in (buurt, buurt.wijk):
        html = client.get(reverse("neighbourhoods:detail", args=[neighbourhood.slug])).content
        assert "Bankjes op het plein" in html.decode()
        assert "Geheim plan in wording" not in html.decode()


def test_wijken_page_counts_public_initiatives_per_wijk(client):
    buurt = BuurtFactory()
    make_initiative(neighbourhood=buurt, status=Status.PUBLISHED)
    make_initiative(neighbourhood=buurt.wijk, status=Status.COMPLETED)
    make_initiative(neighbourhood=buurt)  # a draft does not count
    response = client.get(reverse("neighbourhoods:wijken"))
    wijk = next(w for w in response.context["wijken"] if w.pk == buurt.wijk_id)
    assert ("Initiatieven", 2) in [(str(title), count) for title, count in wijk.figures]


@pytest.mark.parametrize("extra", [1, 6])
def test_neighbourhood_page_queries_stay_fixed_with_more_initiatives(
    client, django_assert_num_queries, extra
):
    buurt = BuurtFactory()
    for _n in range(extra):
        make_initiative(neighbourhood=buurt, status=Status.PUBLISHED)
    # the neighbourhood page's 10 (one per section: initiatives, volunteer tasks,
    # venues, Vraag en aanbod, activities, buurtbudget), plus the prefetch of the
    # initiatives' cards
    with django_assert_num_queries(11):
        assert client.get(reverse("neighbourhoods:detail", args=[buurt.slug])).status_code == 200
