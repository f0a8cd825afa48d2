"""Photos of a listing: through the image pipeline (no EXIF, resized), with what they
show, at most four, added and removed by the owner only; served by their URL while
the listing is listed, and part of the owner's personal data."""

import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image

from exchange.images import listing_photo_add, listing_photo_remove
from exchange.models import Listing
from exchange.personal_data import exchange_personal_data_erase, exchange_personal_data_export
from exchange.photos import MAX_PHOTOS, ListingPhoto
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.images import PHOTO_MESSAGES
from tests.core.damaged_images import truncated_jpeg

from .factories import image_upload

pytestmark = pytest.mark.django_db

PUBLIC_CACHE = "public, max-age=31536000, immutable"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def photo_with_gps() -> SimpleUploadedFile:
    image = Image.new("RGB", (2400, 1800), (200, 90, 40))
    exif = image.getexif()
    exif[ExifTags.Base.Make] = "Telefoon"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 59.0, 33.0)
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("schuur.jpg", out.getvalue(), content_type="image/jpeg")


def _add(listing, **kwargs):
    kwargs.setdefault("image", image_upload())
    kwargs.setdefault("alt_text", "Een rode ladder tegen de schuur")
    return listing_photo_add(listing=listing, by=listing.owner, **kwargs)


def test_a_photo_loses_its_exif_location_and_is_resized(listing):
    upload = photo_with_gps()
    with Image.open(BytesIO(upload.read())) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    upload.seek(0)

    photo = _add(listing, image=upload, alt_text="  Een   fiets  ")

    assert photo.alt_text == "Een fiets"
    for stored, longest in ((photo.image, 1600), (photo.thumbnail, 480)):
        with Image.open(stored.path) as image:
            assert "exif" not in image.info
            assert not image.getexif()
            assert max(image.size) == longest
    assert photo.image.name.startswith("exchange/photos/")
    assert photo.thumbnail.name.startswith("exchange/thumbnails/")


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"alt_text": "   "}, "alt"),
        ({"alt_text": "x" * 201}, "alt"),
        ({"image": None}, "empty"),
        (
            {"image": SimpleUploadedFile("a.jpg", b"no image", content_type="image/jpeg")},
            "bad_image",
        ),
        ({"image": truncated_jpeg()}, "damaged"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(listing, media, kwargs, code):
    with pytest.raises(ServiceError) as refused:
        _add(listing, **kwargs)
    assert refused.value.code == code
    assert refused.value.message
    assert not ListingPhoto.objects.exists()
    assert _files(media) == []


def test_only_the_owner_adds_and_removes_photos(listing, replier, media):
    with pytest.raises(ServiceError) as refused:
        listing_photo_add(listing=listing, by=replier, image=image_upload(), alt_text="Fiets")
    assert refused.value.code == "forbidden"
    photo = _add(listing)
    with pytest.raises(ServiceError):
        listing_photo_remove(photo=photo, by=replier)
    assert ListingPhoto.objects.count() == 1
    assert len(_files(media)) == 2


def test_at_most_four_photos_and_none_on_a_closed_listing(listing, withdrawn):
    for _i in range(MAX_PHOTOS):
        _add(listing)
    with pytest.raises(ServiceError) as refused:
        _add(listing)
    assert refused.value.code == "too_many_photos"
    with pytest.raises(ServiceError) as refused:
        _add(withdrawn)
    assert refused.value.code == "closed"
    assert ListingPhoto.objects.count() == MAX_PHOTOS


def test_removing_a_photo_removes_its_files(listing, media, django_capture_on_commit_callbacks):
    photo = _add(listing)
    with django_capture_on_commit_callbacks(execute=True):
        listing_photo_remove(photo=photo, by=listing.owner)
    assert not ListingPhoto.objects.exists()
    assert _files(media) == []
    with pytest.raises(ServiceError) as refused:
        listing_photo_remove(photo=photo, by=listing.owner)
    assert refused.value.code == "gone"


def test_the_owner_uploads_a_photo_on_the_listing_page(client, listing):
    client.force_login(listing.owner)
    page = client.get(reverse("exchange:detail", kwargs={"pk": listing.pk}))
    add_url = reverse("exchange:photo_add", kwargs={"pk": listing.pk})
    assert add_url in page.content.decode()

    response = client.post(add_url, {"photo": image_upload(), "alt_text": "Mijn gereedschap"})

    assert response.status_code == 302
    photo = listing.photos.get()
    page = client.get(reverse("exchange:detail", kwargs={"pk": listing.pk})).content.decode()
    assert f'src="{photo.thumbnail.url}" alt="Mijn gereedschap"' in page
    assert (
        reverse("exchange:photo_remove", kwargs={"pk": listing.pk, "photo_pk": photo.pk}) in page
    )


def test_the_form_says_what_is_wrong_and_stores_nothing(client, listing, media):
    client.force_login(listing.owner)
    url = reverse("exchange:photo_add", kwargs={"pk": listing.pk})
    response = client.post(url, {"photo": image_upload(), "alt_text": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["alt_text"]
    not_image = SimpleUploadedFile("a.jpg", b"no image", content_type="image/jpeg")
    response = client.post(url, {"photo": not_image, "alt_text": "Iets"})
    assert response.status_code == 200
    assert response.context["form"].errors["photo"][0] == str(PHOTO_MESSAGES.not_an_image)
    assert not ListingPhoto.objects.exists()
    assert _files(media) == []


def test_the_list_shows_the_first_photo_on_the_card(client, listing):
    first = _add(listing)
    _add(listing)
    page = client.get(reverse("exchange:list")).content.decode()
    assert first.thumbnail.url in page


def test_a_listed_listings_photo_is_public_and_cached(client, listing):
    photo = _add(listing)
    for url in (photo.image.url, photo.thumbnail.url):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == PUBLIC_CACHE


@pytest.mark.parametrize(
    "change",
    [
        {"hidden_at": timezone.now()},
        {"status": Listing.Status.WITHDRAWN},
        {"status": Listing.Status.DONE},
        {"expires_at": timezone.now() - dt.timedelta(minutes=1)},
    ],
    ids=["hidden", "withdrawn", "done", "expired"],
)
def test_a_photo_of_a_listing_no_longer_listed_is_for_its_owner_only(
    client, listing, conversation, third, superuser, change
):
    photo = _add(listing)
    Listing.objects.filter(pk=listing.pk).update(**change)
    assert client.get(photo.image.url).status_code == 404
    for person in (conversation.replier, third, superuser):
        client.force_login(person)
        assert client.get(photo.image.url).status_code == 404
        assert client.get(photo.thumbnail.url).status_code == 404
    client.force_login(listing.owner)
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    page = client.get(reverse("exchange:detail", kwargs={"pk": listing.pk}))
    assert page.context["photos"] == [photo]


def test_the_replier_of_a_closed_listing_sees_no_photos_on_its_page(client, listing, conversation):
    _add(listing)
    Listing.objects.filter(pk=listing.pk).update(status=Listing.Status.WITHDRAWN)
    client.force_login(conversation.replier)
    page = client.get(reverse("exchange:detail", kwargs={"pk": listing.pk}))
    assert page.status_code == 200
    assert page.context["photos"] == []


def test_photos_are_exported_and_erased_with_their_files(listing, media):
    photo = _add(listing)
    exported = exchange_personal_data_export(listing.owner)["listing_photos"]
    assert exported == [
        {
            "listing": listing.title,
            "photo": photo.image.name,
            "what_it_shows": "Een rode ladder tegen de schuur",
            "added_at": photo.created_at.isoformat(),
        }
    ]
    exchange_personal_data_erase(listing.owner)
    assert not ListingPhoto.objects.exists()
    assert _files(media) == []


def test_a_moderator_sees_the_photos_of_a_reported_hidden_listing(client, listing):
    from tests.accounts.factories import UserFactory, enable_totp

    from .factories import ReportFactory

    moderator = UserFactory(email="moderator@example.org", is_staff=True)
    enable_totp(moderator)
    photo = _add(listing)
    Listing.objects.filter(pk=listing.pk).update(hidden_at=timezone.now())
    client.force_login(moderator)
    assert client.get(photo.image.url).status_code == 404  # no open report
    report = ReportFactory(listing=listing)
    assert client.get(photo.image.url).status_code == 200
    page = client.get(reverse("exchange:moderation")).content.decode()
    assert f'src="{photo.thumbnail.url}" alt="{photo.alt_text}"' in page
    # Staff without two-factor authentication are no moderator: sent to set it up.
    client.force_login(UserFactory(email="zonder-2fa@example.org", is_staff=True))
    response = client.get(photo.image.url)
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("mfa_activate_totp")
    report.handled_at = timezone.now()
    report.save(update_fields=["handled_at"])
    client.force_login(moderator)
    assert client.get(photo.image.url).status_code == 404
