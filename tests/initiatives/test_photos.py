"""Photos: only real images of a sensible size, resized, and without EXIF (location)."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext
from PIL import ExifTags, Image

from initiatives.models import (
    AccountabilityPhoto,
    AccountabilityReport,
    InitiativePhoto,
    InitiativeUpdate,
    Status,
)
from initiatives.services import initiative_photo_add
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.images import MAX_PHOTO_BYTES
from tests.core.damaged_images import corrupt_png, truncated_jpeg
from tests.initiatives.factories import edit_form_data, image_upload, make_initiative
from tests.initiatives.test_accountability import edit_data

DAMAGED_PHOTO = "This photo is damaged or incomplete, so it cannot be read. Try another photo."

pytestmark = pytest.mark.django_db


def photo_with_gps() -> SimpleUploadedFile:
    image = Image.new("RGB", (2400, 1800), (200, 90, 40))
    exif = image.getexif()
    exif[ExifTags.Base.Make] = "Telefoon"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 59.0, 33.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (6.0, 33.0, 45.0)
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("tuin.jpg", out.getvalue(), content_type="image/jpeg")


def test_uploaded_photo_loses_its_exif_location_and_is_resized(organiser, buurt):
    upload = photo_with_gps()
    with Image.open(BytesIO(upload.read())) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo has GPS
    upload.seek(0)
    initiative = make_initiative(by=organiser, neighbourhood=buurt)

    photo = initiative_photo_add(initiative=initiative, by=organiser, image=upload)

    for stored, longest in ((photo.image, 1600), (photo.thumbnail, 480)):
        with Image.open(stored.path) as image:
            assert "exif" not in image.info
            assert not image.getexif()
            assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
            assert max(image.size) == longest


def test_non_image_upload_is_refused_with_a_dutch_message(client, organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    fake = SimpleUploadedFile("virus.jpg", b"MZ not really a photo", content_type="image/jpeg")
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:edit", args=[initiative.pk]),
        edit_form_data(initiative, photos=[fake]),
    )
    assert response.status_code == 200
    assert "Een foto moet een JPEG-, PNG- of WebP-afbeelding zijn." in response.content.decode()
    assert not InitiativePhoto.objects.exists()


def test_oversized_photo_is_refused_with_a_dutch_message(organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    big = image_upload()
    big.size = MAX_PHOTO_BYTES + 1
    with pytest.raises(ServiceError) as error:
        initiative_photo_add(initiative=initiative, by=organiser, image=big)
    assert error.value.message == "Een foto mag hoogstens 8 MB groot zijn."
    assert not InitiativePhoto.objects.exists()


def test_gif_is_refused(organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    out = BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")
    gif = SimpleUploadedFile("a.gif", out.getvalue(), content_type="image/gif")
    with pytest.raises(ServiceError):
        initiative_photo_add(initiative=initiative, by=organiser, image=gif)


def test_png_with_transparency_is_stored_as_jpeg(organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    out = BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(out, format="PNG")
    png = SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")
    photo = initiative_photo_add(initiative=initiative, by=organiser, image=png)
    assert photo.image.name.endswith(".jpg")
    with Image.open(photo.image.path) as image:
        assert image.format == "JPEG"


def test_only_organisers_add_photos(organiser, outsider, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    with pytest.raises(ServiceError):
        initiative_photo_add(initiative=initiative, by=outsider, image=image_upload())


def test_organiser_removes_a_photo(client, organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, photos=[image_upload()])
    photo = initiative.photos.get()
    client.force_login(organiser)
    client.post(reverse("initiatives:photo_remove", args=[initiative.pk, photo.pk]))
    assert not initiative.photos.exists()


def _stored_files(settings) -> list:
    media = Path(settings.MEDIA_ROOT)
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.mark.parametrize("damaged", [truncated_jpeg, corrupt_png])
def test_damaged_photo_on_the_initiative_form_is_a_form_error(
    client, organiser, buurt, damaged, settings
):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:edit", args=[initiative.pk]),
        edit_form_data(initiative, photos=[damaged()]),
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("photos", code="damaged")
    assert gettext(DAMAGED_PHOTO) in response.content.decode()
    assert not InitiativePhoto.objects.exists()
    assert _stored_files(settings) == []


@pytest.mark.parametrize("damaged", [truncated_jpeg, corrupt_png])
def test_damaged_photo_with_news_is_refused_and_nothing_is_posted(
    client, organiser, buurt, damaged, settings
):
    running = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:post_update", args=[running.pk]),
        {"text": "Kijk eens!", "photo": damaged()},
        follow=True,
    )
    assert response.status_code == 200
    assert gettext(DAMAGED_PHOTO) in response.content.decode()
    assert not InitiativeUpdate.objects.exists()
    assert _stored_files(settings) == []


@pytest.mark.parametrize("damaged", [truncated_jpeg, corrupt_png])
def test_damaged_photo_in_the_accountability_report_is_a_form_error(
    client, organiser, staff, buurt, damaged, settings
):
    completed = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.COMPLETED, reviewer=staff
    )
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:accountability_edit", args=[completed.pk]),
        edit_data(photos=[damaged()]),
    )
    assert response.status_code == 200
    assert gettext(DAMAGED_PHOTO) in response.content.decode()
    assert not AccountabilityReport.objects.exists()
    assert not AccountabilityPhoto.objects.exists()
    assert _stored_files(settings) == []


@pytest.mark.parametrize("damaged", [truncated_jpeg, corrupt_png])
def test_services_refuse_a_damaged_photo_whoever_calls_them(organiser, buurt, damaged):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    with pytest.raises(ServiceError) as error:
        initiative_photo_add(initiative=initiative, by=organiser, image=damaged())
    assert error.value.code == "damaged"
    assert not InitiativePhoto.objects.exists()
