"""Initiative photos: check type and size; store a large copy and a thumbnail, no EXIF.

neighbourhoods/images.py does the same for logos, but keeps the original size and
speaks of "the logo"; photos need resizing and their own messages, so they live here.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
LARGE_SIZE = (1600, 1600)
THUMBNAIL_SIZE = (480, 480)
JPEG_QUALITY = 85


def photo_validate(upload) -> None:
    """Raise ValidationError unless ``upload`` is a JPEG, PNG or WebP photo of at most 8 MB."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("A photo may be at most 8 MB."), code="too_large")
    bad_image = ValidationError(_("A photo must be a JPEG, PNG or WebP image."), code="bad_image")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as e:
        raise bad_image from e
    finally:
        upload.seek(0)
    if image_format not in ACCEPTED_FORMATS:
        raise bad_image
    if width * height > MAX_PHOTO_PIXELS:
        raise ValidationError(_("The photo has too many pixels."), code="too_many_pixels")


@dataclass(frozen=True)
class CleanPhoto:
    large: ContentFile
    thumbnail: ContentFile


def _jpeg(image: Image.Image, size: tuple[int, int], name: str) -> ContentFile:
    copy = image.copy()
    copy.thumbnail(size, Image.Resampling.LANCZOS)
    # A fresh image holds pixels only: no EXIF, GPS, XMP or comments come along.
    clean = Image.new("RGB", copy.size, (255, 255, 255))
    clean.paste(copy, mask=copy.getchannel("A") if copy.mode == "RGBA" else None)
    out = BytesIO()
    clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return ContentFile(out.getvalue(), name=name)


def photo_clean(upload) -> CleanPhoto:
    """A large copy (at most 1600 px) and a thumbnail (480 px), JPEG, without metadata."""
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original)
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
        stem = Path(getattr(upload, "name", "") or "foto").stem[:40] or "foto"
        stem = f"{stem}-{uuid4().hex[:8]}"
        return CleanPhoto(
            large=_jpeg(image, LARGE_SIZE, f"{stem}.jpg"),
            thumbnail=_jpeg(image, THUMBNAIL_SIZE, f"{stem}-klein.jpg"),
        )
