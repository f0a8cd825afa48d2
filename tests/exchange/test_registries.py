"""What the exchange adds to other pages through the registries: the start page, a
neighbourhood's page, the map, the personal-data export and erase, the daily task."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from exchange.layers import exchange_layer
from exchange.models import Conversation, Listing, Message
from exchange.reciprocity import credit_confirm, credit_record, feedback_give
from exchange.tasks import exchange_listings_expire
from mijnbuurt.accounts.personal_data import sections

from .factories import ListingFactory

pytestmark = pytest.mark.django_db


def _section(name: str):
    return next(section for section in sections() if section.name == name)


def test_the_start_page_shows_my_wijk_and_my_own_listings(client, listing, replier, owner):
    client.force_login(replier)
    page = client.get(reverse("start")).content.decode()
    assert 'id="exchange-in-my-wijk"' in page
    assert "Ik repareer je fiets" in page  # Pittelo lies in Noord, as Lariks does
    client.force_login(owner)
    assert 'id="my-exchange"' in client.get(reverse("start")).content.decode()


def test_a_neighbourhood_page_lists_its_offers_and_requests(client, listing, places):
    url = reverse("neighbourhoods:detail", kwargs={"slug": places["noord"].slug})
    page = client.get(url).content.decode()
    assert "Ik repareer je fiets" in page
    assert reverse("exchange:detail", kwargs={"pk": listing.pk}) in page


def test_the_map_shows_counts_per_buurt_and_no_person(listing, places, owner):
    ListingFactory(neighbourhood=places["pittelo"])
    ListingFactory(neighbourhood=places["pittelo"], status=Listing.Status.WITHDRAWN)
    layer = exchange_layer()
    (feature,) = layer["features"]
    assert feature["properties"]["name"] == "Pittelo (2)"
    assert feature["properties"]["url"].endswith("?neighbourhood=pittelo")
    assert owner.public_name not in json.dumps(layer)


def test_personal_data_export_and_erase(owner, replier, conversation, listing):
    exported = _section("exchange").export(replier)
    assert exported["messages_sent"][0]["body"] == "Mijn band is lek."
    assert _section("exchange").export(owner)["listings"][0]["title"] == listing.title
    _section("exchange").erase(replier)
    assert not Conversation.objects.filter(replier=replier).exists()
    assert not Message.objects.filter(sender=replier).exists()
    _section("exchange").erase(owner)
    assert not Listing.objects.filter(owner=owner).exists()


def test_the_export_holds_matches_answers_and_hours_without_the_other_person(
    matched, owner, replier
):
    credit_record(conversation=matched, by=replier, hours="2", gave=True)
    credit_confirm(conversation=matched, by=owner)
    feedback_give(conversation=matched, by=replier, outcome="yes", thanks="Dank je wel!")
    exported = _section("exchange").export(replier)
    assert [m["listing"] for m in exported["matches"]] == ["Hulp bij de tuin"]
    assert exported["matches"][0]["confirmed_at"]
    assert exported["did_it_work_out"] == [
        {
            "listing": "Hulp bij de tuin",
            "after_a_match": True,
            "outcome": "yes",
            "thanks": "Dank je wel!",
            "given_at": exported["did_it_work_out"][0]["given_at"],
        }
    ]
    assert [(c["direction"], c["hours"]) for c in exported["time_credits"]] == [("given", "2.00")]
    received = _section("exchange").export(owner)["time_credits"]
    assert [(c["direction"], c["hours"]) for c in received] == [("received", "2.00")]
    assert owner.email not in json.dumps(exported)
    assert owner.public_name not in json.dumps(exported)


def test_the_daily_task_lets_listings_expire(listing):
    Listing.objects.filter(pk=listing.pk).update(expires_at=timezone.now() - dt.timedelta(1))
    assert exchange_listings_expire() == 1
    listing.refresh_from_db()
    assert listing.status == Listing.Status.EXPIRED
