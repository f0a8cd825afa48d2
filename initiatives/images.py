"""Initiative photos: at most 8 MB; stored as a large copy and a thumbnail, no EXIF."""

from dataclasses import dataclass
from uuid import uuid4

from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.images import (
    ImageMessages,
    image_as_jpeg,
    image_upright,
    image_validate,
    upload_stem,
)

MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
LARGE_SIZE = (1600, 1600)
THUMBNAIL_SIZE = (480, 480)
PHOTO_MESSAGES = ImageMessages(
    too_large=_("A photo may be at most 8 MB."),
    not_an_image=_("A photo must be a JPEG, PNG or WebP image."),
    too_many_pixels=_("The photo has too many pixels."),
    damaged=_("This photo is damaged or incomplete, so it cannot be read. Try another photo."),
)


def photo_validate(upload) -> None:
    image_validate(
        upload, max_bytes=MAX_PHOTO_BYTES, max_pixels=MAX_PHOTO_PIXELS, messages=PHOTO_MESSAGES
    )


@dataclass(frozen=True)
class CleanPhoto:
    large: ContentFile
    thumbnail: ContentFile


def photo_clean(upload) -> CleanPhoto:
    """A large copy (at most 1600 px) and a thumbnail (480 px), JPEG, without metadata."""
    image = image_upright(upload)
    stem = f"{upload_stem(upload, default='foto', length=40)}-{uuid4().hex[:8]}"
    return CleanPhoto(
        large=image_as_jpeg(image, size=LARGE_SIZE, name=f"{stem}.jpg"),
        thumbnail=image_as_jpeg(image, size=THUMBNAIL_SIZE, name=f"{stem}-klein.jpg"),
    )
