"""Public pages for anonymous visitors come from the cache, and are never stale or shared
with anyone logged in (mijnbuurt/core/page_cache.py)."""

import gzip
import json
import shutil

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from initiatives.models import Status
from initiatives.services import initiative_transition, initiative_update_post
from mijnbuurt.core.page_cache import pages_changed
from mijnbuurt.core.redis import redis_cache
from neighbourhoods.services import organisation_approve
from tests.accounts.factories import PASSWORD
from tests.activities.factories import ActivityFactory
from tests.buurtbudget.factories import ProposalFactory
from tests.exchange.factories import ListingFactory
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import OrganisationFactory
from tests.servers import PrivateRedis
from tests.venues.factories import VenueFactory
from tests.volunteers.factories import ShiftFactory
from volunteers.services.tasks import task_update

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def queries_for(client, path, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers)
    return response, len(captured)


@pytest.fixture
def published(organiser, staff):
    return make_initiative(
        by=organiser, status=Status.PUBLISHED, reviewer=staff, title="Moestuin Lariks"
    )


@pytest.fixture
def public_pages(published):
    """One address of every view in PAGE_CACHE_VIEWS, in both languages."""
    buurt = published.neighbourhood
    organisation = OrganisationFactory(neighbourhoods=[buurt.wijk])
    venue = VenueFactory(neighbourhood=buurt.wijk)
    task = ShiftFactory(task__initiative=published).task
    proposal = ProposalFactory()
    paths = [
        "/",
        reverse("neighbourhoods:wijken"),
        reverse("neighbourhoods:detail", args=[buurt.wijk.slug]),
        reverse("neighbourhoods:map"),
        reverse("neighbourhoods:layer", args=["organisaties"]),
        reverse("neighbourhoods:organisations"),
        reverse("neighbourhoods:organisation", args=[organisation.slug]),
        reverse("initiatives:list"),
        reverse("initiatives:list") + "?q=moestuin",
        reverse("initiatives:detail", args=[published.pk]),
        reverse("initiatives:knowledge"),
        reverse("volunteers:list"),
        reverse("volunteers:task", args=[task.pk]),
        reverse("venues:list"),
        reverse("venues:detail", args=[venue.slug]),
        reverse("exchange:list"),
        reverse("exchange:detail", args=[ListingFactory().pk]),
        reverse("activities:list"),
        reverse("activities:detail", args=[ActivityFactory(neighbourhood=buurt).pk]),
        reverse("buurtbudget:list"),
        reverse("buurtbudget:detail", args=[proposal.round_id]),
        reverse("buurtbudget:proposals", args=[proposal.round_id]),
        reverse("buurtbudget:proposal", args=[proposal.pk]),
    ]
    return paths + [f"/en{path}" for path in paths]


def test_every_public_page_is_served_from_the_cache_as_rendered(client, public_pages, settings):
    seen_views = set()
    for path in public_pages:
        first = client.get(path)
        assert first.status_code == 200, path
        seen_views.add(first.resolver_match.view_name)

        again, queries = queries_for(client, path)
        assert again.status_code == 200, path
        assert queries == 0, path  # no session, no database, no template
        assert again.content == first.content, path
        assert "Content-Security-Policy" in again, path
        assert again["X-Frame-Options"] == "DENY", path
        assert "csrfmiddlewaretoken" not in again.content.decode(), path
    assert seen_views == set(settings.PAGE_CACHE_VIEWS)


def test_an_approved_initiative_shows_at_once_on_the_list_and_its_page(
    client, organiser, staff, django_capture_on_commit_callbacks
):
    assert client.get(reverse("initiatives:list")).status_code == 200  # stored
    submitted = make_initiative(
        by=organiser, status=Status.SUBMITTED, title="Speeltuin Kloosterveen"
    )
    detail = reverse("initiatives:detail", args=[submitted.pk])
    assert client.get(detail).status_code == 404
    assert "Speeltuin Kloosterveen" not in client.get(reverse("initiatives:list")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        initiative_transition(
            initiative=submitted, to_status=Status.PUBLISHED, by=staff, note="Mooi plan."
        )

    assert "Speeltuin Kloosterveen" in client.get(reverse("initiatives:list")).content.decode()
    assert "Speeltuin Kloosterveen" in client.get(detail).content.decode()


def test_news_on_an_initiative_shows_at_once_on_its_page(
    client, published, organiser, django_capture_on_commit_callbacks
):
    detail = reverse("initiatives:detail", args=[published.pk])
    assert "De eerste bakken staan er" not in client.get(detail).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        initiative_update_post(
            initiative=published, by=organiser, text="De eerste bakken staan er"
        )
    assert "De eerste bakken staan er" in client.get(detail).content.decode()


def test_an_edited_task_shows_at_once_on_the_list_and_its_page(
    client, published, organiser, django_capture_on_commit_callbacks
):
    task = ShiftFactory(task__initiative=published, task__title="Bakken vullen").task
    page = reverse("volunteers:task", args=[task.pk])
    assert "Bakken vullen" in client.get(page).content.decode()
    assert "Bakken vullen" in client.get(reverse("volunteers:list")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        task_update(task=task, by=organiser, title="Zaaien met de buurt")

    for path in (page, reverse("volunteers:list")):
        html = client.get(path).content.decode()
        assert "Zaaien met de buurt" in html
        assert "Bakken vullen" not in html


def test_an_approved_organisation_shows_at_once_on_the_social_map(
    client, django_capture_on_commit_callbacks
):
    proposed = OrganisationFactory(name="Repair Café Pittelo", is_approved=False)
    assert "Repair Café Pittelo" not in client.get("/sociale-kaart/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert organisation_approve(organisations=[proposed]) == 1
    assert "Repair Café Pittelo" in client.get("/sociale-kaart/").content.decode()


def test_a_login_keeps_the_stored_pages(client, resident, django_capture_on_commit_callbacks):
    client.get("/initiatieven/")
    with django_capture_on_commit_callbacks(execute=True):
        Client().force_login(resident)  # a session and last_login written
    _, queries = queries_for(client, "/initiatieven/")
    assert queries == 0


def test_a_message_of_vraag_en_aanbod_keeps_the_stored_pages(
    client, django_capture_on_commit_callbacks
):
    from exchange.services import message_send
    from tests.exchange.factories import ConversationFactory

    conversation = ConversationFactory()
    client.get("/vraag-en-aanbod/")
    with django_capture_on_commit_callbacks(execute=True):
        message_send(conversation=conversation, sender=conversation.replier, body="Hallo!")
    _, queries = queries_for(client, "/vraag-en-aanbod/")
    assert queries == 0


def test_a_logged_in_person_never_gets_a_stored_page_and_theirs_is_never_stored(
    client, published, organiser
):
    path = reverse("initiatives:detail", args=[published.pk])
    signed_in = Client()
    signed_in.force_login(organiser)

    mine = signed_in.get(path)  # first, while nothing is stored
    assert reverse("account_logout") in mine.content.decode()
    _, queries = queries_for(client, path)
    assert queries > 0  # the anonymous visitor did not get the organiser's page
    anonymous = client.get(path).content.decode()
    assert reverse("account_logout") not in anonymous

    again, queries = queries_for(signed_in, path)
    assert queries > 0
    assert reverse("account_logout") in again.content.decode()
    assert reverse("account_login") not in again.content.decode().split("<main", 1)[0]


def test_a_page_with_a_message_is_neither_served_from_nor_put_in_the_cache(client, resident):
    home = reverse("home")
    client.get(home)  # stored
    client.post(reverse("account_login"), {"login": resident.email, "password": PASSWORD})
    client.post(reverse("account_logout"))  # "You have signed out.", for the next page

    with_message = client.get(home)
    assert "Je bent uitgelogd." in with_message.content.decode()
    assert "ETag" not in with_message  # rendered for this visitor, not from the cache
    after = client.get(home)
    assert "Je bent uitgelogd." not in after.content.decode()
    assert "ETag" in after


def test_a_page_that_sets_a_cookie_is_not_stored(client, settings):
    # Even a page with a form (and so a CSRF cookie) listed by mistake is never kept.
    settings.PAGE_CACHE_VIEWS = [*settings.PAGE_CACHE_VIEWS, "account_login"]
    login = reverse("account_login")
    first = client.get(login)
    assert settings.CSRF_COOKIE_NAME in first.cookies
    fresh = Client()
    second = fresh.get(login)
    assert settings.CSRF_COOKIE_NAME in second.cookies
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert "ETag" not in second  # rendered again, not from the cache


def test_dutch_and_english_pages_are_kept_apart(client):
    for _ in range(2):
        dutch = client.get("/initiatieven/").content.decode()
        english = client.get("/en/initiatieven/").content.decode()
        assert '<html lang="nl"' in dutch
        assert '<html lang="en"' in english


def test_the_language_switch_links_to_this_page_in_the_other_language(client):
    dutch = client.get("/initiatieven/?q=moestuin&thema=groen").content.decode()
    assert 'href="/en/initiatieven/?q=moestuin&amp;thema=groen"' in dutch
    english = client.get("/en/initiatieven/?q=moestuin").content.decode()
    assert 'href="/initiatieven/?q=moestuin"' in english


def test_query_parameters_in_another_order_are_the_same_page(client):
    client.get("/initiatieven/?q=moestuin&page=1")
    _, queries = queries_for(client, "/initiatieven/?page=1&q=moestuin")
    assert queries == 0


def test_an_unchanged_page_is_answered_304_and_compressed_when_accepted(client):
    first = client.get("/initiatieven/")
    etag = first["ETag"]
    assert first["Last-Modified"]
    not_modified = client.get("/initiatieven/", headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert "Content-Security-Policy" in not_modified

    zipped = client.get("/initiatieven/", headers={"accept-encoding": "gzip, br"})
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == first.content
    assert len(zipped.content) < len(first.content) / 3
    assert "Accept-Encoding" in zipped["Vary"]
    assert "Cookie" in zipped["Vary"]


def test_a_map_layer_the_view_gzipped_is_stored_plain_and_served_as_asked(client):
    """The layer view compresses its own answer; the stored entry must still say so,
    or the map's script reads gzip bytes as JSON and shows no layer at all."""
    OrganisationFactory(name="Buurthuis Lariks", latitude=52.99, longitude=6.55)
    path = reverse("neighbourhoods:layer", args=["organisaties"])
    for first_asks_gzip in (True, False):
        pages_changed()  # nothing stored for the layer: the first request stores it
        first = client.get(path, headers={"accept-encoding": "gzip"} if first_asks_gzip else {})
        plain, queries = queries_for(client, path)
        zipped, _queries = queries_for(client, path, accept_encoding="gzip, br")
        assert queries == 0  # served from the page cache
        assert "Content-Encoding" not in plain
        assert json.loads(plain.content)["features"][0]["properties"]["name"] == (
            "Buurthuis Lariks"
        )
        assert zipped["Content-Encoding"] == "gzip"
        assert gzip.decompress(zipped.content) == plain.content
        assert first.status_code == 200


def test_an_off_setting_serves_every_page_fresh(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/initiatieven/")
    response, queries = queries_for(client, "/initiatieven/")
    assert queries > 0
    assert "ETag" not in response


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
def test_pages_come_from_redis_and_still_answer_when_redis_is_gone(client):
    server = PrivateRedis()
    try:
        with override_settings(CACHES={"default": redis_cache(server.url, timeout=1)}):
            client.get("/initiatieven/")
            _, queries = queries_for(client, "/initiatieven/")
            assert queries == 0
            server.stop()
            response, queries = queries_for(client, "/initiatieven/")
            assert response.status_code == 200
            assert queries > 0
            assert "Initiatieven" in response.content.decode()
    finally:
        if server.process.poll() is None:
            server.stop()
