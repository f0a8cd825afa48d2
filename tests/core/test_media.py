"""Uploaded files answer by their URL with DEBUG off, each only while its object may be
seen; anything that is not a plain file name of such an object answers 404."""

import importlib
import re
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from django.utils.http import http_date

import mijnbuurt.urls
from initiatives.models import Status
from initiatives.services import initiative_update_post
from neighbourhoods.services import organisation_propose
from tests.initiatives.factories import image_upload, make_initiative
from tests.neighbourhoods.factories import BuurtFactory

pytestmark = pytest.mark.django_db

PUBLIC_CACHE = "public, max-age=31536000, immutable"


@pytest.fixture(autouse=True)
def production(settings, tmp_path):
    """DEBUG off, with the URLs loaded as production loads them; uploads in tmp."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "private"
    with override_settings(DEBUG=False):
        importlib.reload(mijnbuurt.urls)
        clear_url_caches()
        yield
    importlib.reload(mijnbuurt.urls)
    clear_url_caches()


@pytest.fixture
def published(organiser, staff):
    return make_initiative(
        by=organiser,
        neighbourhood=BuurtFactory(),
        status=Status.PUBLISHED,
        reviewer=staff,
        photos=[image_upload("moestuin.jpg")],
    )


def test_photo_of_a_published_initiative_loads_with_debug_off(client, published):
    photo = published.photos.get()
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == PUBLIC_CACHE
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content) == Path(photo.image.path).read_bytes()
    assert client.get(photo.thumbnail.url).status_code == 200


def test_an_unchanged_photo_answers_304(client, published):
    url = published.photos.get().image.url
    first = client.get(url)
    assert first["ETag"]
    assert first["Last-Modified"]

    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    older = client.get(url, headers={"If-Modified-Since": http_date(0)})
    assert older.status_code == 200


def test_the_initiative_page_shows_photos_that_load(client, published):
    page = client.get(reverse("initiatives:detail", args=[published.pk])).content.decode()
    sources = re.findall(r'<img[^>]* src="(/media/[^"]+)"', page)
    assert sources
    for src in sources:
        assert client.get(src).status_code == 200, src


@pytest.mark.parametrize(
    "path",
    [
        "/media/",
        "/media/initiatives/",
        "/media/initiatives",
        "/media/initiatives/photos/",
        "/media/../mijnbuurt/settings.py",
        "/media/%2e%2e/mijnbuurt/settings.py",
        "/media/initiatives/photos/%2e%2e/%2e%2e/%2e%2e/manage.py",
        "/media/%2fetc/passwd",
        "/media//etc/passwd",
        "/media/initiatives%5c..%5c..%5cmanage.py",
        "/media/./initiatives/photos/x.jpg",
    ],
)
def test_directories_and_paths_outside_the_uploads_answer_404(client, published, path):
    assert client.get(path).status_code == 404


def test_a_file_on_disk_that_no_object_holds_answers_404(client, settings):
    stray = Path(settings.MEDIA_ROOT) / "initiatives" / "photos" / "stray.jpg"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(image_upload().read())
    assert client.get("/media/initiatives/photos/stray.jpg").status_code == 404


def test_the_private_folder_never_answers_by_its_media_url(client, published, settings):
    private = Path(settings.MEDIA_ROOT) / "private" / "initiatives" / "photos"
    private.mkdir(parents=True)
    name = published.photos.get().image.name
    (private / Path(name).name).write_bytes(b"%PDF-1.4 bon")
    assert client.get(f"/media/private/initiatives/photos/{Path(name).name}").status_code == 404


@pytest.fixture
def superuser_flag_only(db):
    """A superuser who holds no role (no staff flag, no team): the flag opens nothing."""
    from tests.accounts.factories import UserFactory, enable_totp

    user = UserFactory(email="vlag@example.org", is_superuser=True)
    enable_totp(user)
    return user


def test_a_drafts_photo_is_for_its_organisers_and_reviewers_only(
    client, organiser, outsider, superuser_flag_only, staff
):
    draft = make_initiative(by=organiser, photos=[image_upload()])
    url = draft.photos.get().image.url
    assert client.get(url).status_code == 404
    for person in (outsider, superuser_flag_only):
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    for person in (organiser, staff):  # staff review every initiative
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert response["Cache-Control"] == "private, no-cache"


def test_news_photo_of_a_published_initiative_loads(client, organiser, published):
    update = initiative_update_post(
        initiative=published, by=organiser, text="De bakken staan er.", photo=image_upload()
    )
    response = client.get(update.photo.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC_CACHE


def test_logo_loads_once_the_organisation_is_approved(client, resident, outsider):
    organisation = organisation_propose(
        proposer=resident, name="Koor Centrum", kind="welfare", logo=image_upload("logo.png")
    )
    url = organisation.logo.url
    client.force_login(outsider)
    assert client.get(url).status_code == 404

    organisation.is_approved = True
    organisation.save(update_fields=["is_approved"])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"  # re-saved in its own format


def test_two_logos_with_the_same_file_name_get_different_urls(resident):
    first = organisation_propose(
        proposer=resident, name="Koor", kind="welfare", logo=image_upload("logo.jpg")
    )
    second = organisation_propose(
        proposer=resident, name="Band", kind="welfare", logo=image_upload("logo.jpg")
    )
    assert first.logo.name != second.logo.name
    assert re.fullmatch(r"organisations/logos/logo-[0-9a-f]{12}\.jpg", first.logo.name)


def test_a_post_to_a_media_url_is_refused(client, published):
    assert client.post(published.photos.get().image.url).status_code == 405
