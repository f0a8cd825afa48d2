"""Placing, finding, editing, closing, extending and expiring listings."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from exchange.models import Listing
from exchange.services import listing_close, listing_create, listing_extend, listings_expire
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.models import StatusChange
from neighbourhoods.models import Organisation
from tests.neighbourhoods.factories import OrganisationFactory

from .factories import ListingFactory

pytestmark = pytest.mark.django_db

S = Listing.Status


def _form(category, buurt, **extra):
    return {
        "direction": "offer",
        "kind": "help",
        "title": "Ik help met boodschappen",
        "description": "Elke donderdag naar de markt.",
        "category": category.pk,
        "neighbourhood": buurt.pk,
        "audience": "everyone",
        "expires_on": "",
        **extra,
    }


def test_resident_places_a_listing_that_shows_in_the_list(client, owner, category, places):
    client.force_login(owner)
    response = client.post(reverse("exchange:create"), _form(category, places["pittelo"]))
    listing = Listing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exchange:detail", kwargs={"pk": listing.pk})
    assert listing.status == S.OPEN
    assert listing.owner == owner
    expected = timezone.localdate() + dt.timedelta(weeks=8)
    assert timezone.localtime(listing.expires_at).date() == expected
    page = client.get(reverse("exchange:list")).content.decode()
    assert "Ik help met boodschappen" in page


def test_the_form_starts_from_the_buurt_of_the_profile(client, owner):
    client.force_login(owner)
    form = client.get(reverse("exchange:create")).context["form"]
    assert form.initial["neighbourhood"] == owner.home_neighbourhood_id


def test_bad_input_is_explained_and_nothing_is_stored(client, owner, category, places):
    client.force_login(owner)
    data = _form(category, places["pittelo"], title="", expires_on="2001-01-01")
    response = client.post(reverse("exchange:create"), data)
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not Listing.objects.exists()
    past = _form(category, places["pittelo"], expires_on="2001-01-01")
    with translation.override("en"):
        response = client.post(reverse("exchange:create"), past)
    assert "Choose an end date after today." in response.content.decode()
    assert not Listing.objects.exists()


def test_a_care_category_is_not_published_and_offers_the_area_team(
    client, owner, care_category, places
):
    client.force_login(owner)
    data = _form(care_category, places["pittelo"], title="Hulp bij douchen")
    with translation.override("en"):
        response = client.post(reverse("exchange:create"), data)
    assert response.status_code == 200
    assert not Listing.objects.exists()
    page = response.content.decode()
    assert reverse("help:create") in page
    assert "Ask the area team for help" in page
    # The help-request form takes the text over (from the session, not the URL).
    form = client.get(reverse("help:create")).context["form"]
    assert form.initial["description"] == "Hulp bij douchen\n\nElke donderdag naar de markt."
    assert client.get(reverse("help:create")).context["form"].initial["description"] == ""


def test_paid_services_only_from_an_approved_enterprise_member(owner, category, places):
    kwargs = {
        "owner": owner,
        "direction": "offer",
        "kind": Listing.Kind.PAID,
        "title": "Groenonderhoud",
        "description": "Wij maaien je gras.",
        "category": category,
        "neighbourhood": places["pittelo"],
        "price_info": "€ 20 per uur",
    }
    with pytest.raises(ServiceError) as refused:
        listing_create(**kwargs)
    assert refused.value.code == "paid"
    business = OrganisationFactory(kind=Organisation.Kind.BUSINESS)
    business.members.add(owner)
    with pytest.raises(ServiceError):
        listing_create(**kwargs, organisation=business)
    enterprise = OrganisationFactory(kind=Organisation.Kind.NEIGHBOURHOOD_ENTERPRISE)
    enterprise.members.add(owner)
    with pytest.raises(ServiceError) as no_price:
        listing_create(**(kwargs | {"price_info": " "}), organisation=enterprise)
    assert no_price.value.code == "price"
    listing = listing_create(**kwargs, organisation=enterprise)
    assert listing.organisation == enterprise
    assert listing.price_info == "€ 20 per uur"


def test_residents_are_not_offered_the_paid_kind_and_their_listings_are_free(
    client, owner, category, places
):
    client.force_login(owner)
    form = client.get(reverse("exchange:create")).context["form"]
    assert "paid" not in dict(form.fields["kind"].choices)
    assert "price_info" not in form.fields
    data = _form(category, places["pittelo"], kind="paid", price_info="€ 5")
    client.post(reverse("exchange:create"), data)
    assert not Listing.objects.exists()


def test_filters_and_search_find_the_listing(client, listing, places):
    ListingFactory(
        title="Wie leent mij een ladder?",
        description="Voor de dakgoot.",
        direction="request",
        kind="lend",
    )
    url = reverse("exchange:list")
    titles = lambda query: [x.title for x in client.get(url, query).context["page"]]  # noqa: E731
    assert titles({"direction": "request"}) == ["Wie leent mij een ladder?"]
    assert titles({"kind": "help"}) == ["Ik repareer je fiets"]
    assert titles({"neighbourhood": "noord"}) == ["Ik repareer je fiets"]  # a wijk: its buurten
    assert titles({"q": "fiets"}) == ["Ik repareer je fiets"]
    assert titles({"category": listing.category.slug}) == ["Ik repareer je fiets"]


def test_the_list_is_newest_first_and_leaves_out_closed_and_expired(client, listing):
    newer = ListingFactory(title="Nieuwer")
    ListingFactory(title="Ingetrokken", status=S.WITHDRAWN)
    ListingFactory(title="Verlopen", expires_at=timezone.now() - dt.timedelta(minutes=1))
    titles = [x.title for x in client.get(reverse("exchange:list")).context["page"]]
    assert titles == [newer.title, listing.title]


def test_owner_edits_closes_and_the_move_is_recorded(client, owner, listing, places):
    client.force_login(owner)
    data = _form(listing.category, places["lariks"], title="Fietsen maken")
    del data["direction"], data["expires_on"]
    client.post(reverse("exchange:edit", kwargs={"pk": listing.pk}), data)
    listing.refresh_from_db()
    assert listing.title == "Fietsen maken"
    assert listing.neighbourhood == places["lariks"]
    client.post(reverse("exchange:status", kwargs={"pk": listing.pk}), {"to": S.MATCHED})
    client.post(reverse("exchange:status", kwargs={"pk": listing.pk}), {"to": S.DONE})
    listing.refresh_from_db()
    assert listing.status == S.DONE
    moves = StatusChange.objects.filter(object_id=listing.pk).order_by("pk")
    assert [(m.from_state, m.to_state, m.by) for m in moves] == [
        (S.OPEN, S.MATCHED, owner),
        (S.MATCHED, S.DONE, owner),
    ]
    response = client.post(reverse("exchange:status", kwargs={"pk": listing.pk}), {"to": "open"})
    listing.refresh_from_db()
    assert response.status_code == 302
    assert listing.status == S.DONE


def test_expired_listings_leave_the_list_and_the_owner_extends_them(owner, listing, third):
    Listing.objects.filter(pk=listing.pk).update(expires_at=timezone.now() - dt.timedelta(hours=1))
    assert listings_expire() == 1
    listing.refresh_from_db()
    assert listing.status == S.EXPIRED
    with pytest.raises(ServiceError):
        listing_extend(listing=listing, by=third)
    listing = listing_extend(listing=listing, by=owner)
    assert listing.status == S.OPEN
    assert listing.expires_at > timezone.now() + dt.timedelta(weeks=7)
    assert listings_expire() == 0


def test_only_the_owner_moves_a_listing(listing, third):
    with pytest.raises(ServiceError) as refused:
        listing_close(listing=listing, by=third, to=S.WITHDRAWN)
    assert refused.value.code == "forbidden"
