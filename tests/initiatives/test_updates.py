"""Organisers post news on a running initiative; followers hear about it."""

import pytest
from django.urls import reverse
from PIL import ExifTags, Image

from initiatives.models import InitiativeUpdate, Status
from initiatives.services import initiative_follow, initiative_update_post
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.initiatives.factories import make_initiative
from tests.initiatives.test_photos import photo_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(organiser, buurt):
    return make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)


def test_organiser_posts_news_and_followers_are_notified(client, running, organiser, outsider):
    initiative_follow(initiative=running, by=outsider)
    client.force_login(organiser)

    response = client.post(
        reverse("initiatives:post_update", args=[running.pk]),
        {"text": "De eerste bakken staan er!"},
        follow=True,
    )

    assert "Je nieuws is geplaatst." in response.content.decode()
    assert "De eerste bakken staan er!" in response.content.decode()
    notification = Notification.objects.get(recipient=outsider, kind="initiative_update")
    assert notification.context["excerpt"] == "De eerste bakken staan er!"
    assert notification.link == f"/initiatieven/{running.pk}/#news"
    assert not Notification.objects.filter(recipient=organiser, kind="initiative_update")


def test_only_organisers_post_news(client, running, outsider):
    client.force_login(outsider)
    response = client.post(
        reverse("initiatives:post_update", args=[running.pk]), {"text": "Ik ook!"}
    )
    assert response.status_code == 404
    assert not InitiativeUpdate.objects.exists()


def test_news_needs_text_and_a_published_initiative(organiser, buurt, running):
    draft = make_initiative(by=organiser, neighbourhood=buurt)
    with pytest.raises(ServiceError):
        initiative_update_post(initiative=draft, by=organiser, text="Te vroeg")
    with pytest.raises(ServiceError):
        initiative_update_post(initiative=running, by=organiser, text="   ")
    assert not InitiativeUpdate.objects.exists()


def test_news_photo_loses_its_exif_location(organiser, running):
    update = initiative_update_post(
        initiative=running, by=organiser, text="Foto van de oogst", photo=photo_with_gps()
    )
    with Image.open(update.photo.path) as image:
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "exif" not in image.info
