"""Image validation decodes every pixel, so a damaged upload is a form error, not a 500."""

import pytest
from django.core.exceptions import ValidationError
from PIL import Image, ImageFile

from mijnbuurt.core.images import ImageMessages, image_validate, photo_clean, photo_validate
from neighbourhoods.images import logo_clean, logo_validate
from tests.core.damaged_images import corrupt_png, truncated_jpeg
from tests.initiatives.factories import image_upload

MESSAGES = ImageMessages(
    too_large="too large",
    not_an_image="not an image",
    too_many_pixels="too many pixels",
    damaged="damaged",
)


def validate(upload, *, max_pixels: int = 10_000_000) -> None:
    image_validate(upload, max_bytes=10_000_000, max_pixels=max_pixels, messages=MESSAGES)


@pytest.mark.parametrize("damaged", [truncated_jpeg, corrupt_png])
def test_a_damaged_image_is_refused_as_damaged(damaged):
    upload = damaged()
    with pytest.raises(ValidationError) as error:
        validate(upload)
    assert error.value.code == "damaged"
    assert error.value.messages == ["damaged"]
    assert upload.tell() == 0  # the upload is rewound for whoever reads it next


@pytest.mark.parametrize("damaged", [truncated_jpeg, corrupt_png])
def test_photo_and_logo_validators_refuse_what_cleaning_could_not_decode(damaged):
    for validator, clean in ((photo_validate, photo_clean), (logo_validate, logo_clean)):
        with pytest.raises(OSError, match=r"truncated|broken"):  # was the 500
            clean(damaged())
        with pytest.raises(ValidationError):
            validator(damaged())


def test_a_sound_image_passes_and_stays_readable():
    upload = image_upload("goed.png", size=(30, 20), image_format="PNG")
    validate(upload)
    assert upload.tell() == 0
    with Image.open(upload) as image:
        image.load()
        assert image.size == (30, 20)


def test_too_many_pixels_is_refused_before_the_pixels_are_decoded(monkeypatch):
    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: decoded.append(self))
    with pytest.raises(ValidationError) as error:
        validate(image_upload(size=(200, 100)), max_pixels=200 * 100 - 1)
    assert error.value.code == "too_many_pixels"
    assert not decoded


def test_truncated_images_are_never_loaded_leniently():
    """Pillow would otherwise fill a cut-off image with grey instead of refusing it."""
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
