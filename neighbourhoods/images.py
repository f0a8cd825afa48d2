"""Uploaded logos: check type and size, and re-save without EXIF (location) data."""

from io import BytesIO
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_PIXELS = 4000 * 4000
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def logo_validate(upload) -> None:
    """Raise ValidationError unless ``upload`` is a JPEG, PNG or WebP of at most 2 MB."""
    if upload.size > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo may be at most 2 MB."), code="too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as e:
        raise ValidationError(
            _("The logo must be a JPEG, PNG or WebP image."), code="bad_image"
        ) from e
    finally:
        upload.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(_("The logo must be a JPEG, PNG or WebP image."), code="bad_image")
    if width * height > MAX_LOGO_PIXELS:
        raise ValidationError(_("The logo has too many pixels."), code="too_many_pixels")


def logo_clean(upload) -> ContentFile:
    """A copy of the image without EXIF or other metadata, in the same format."""
    upload.seek(0)
    with Image.open(upload) as image:
        image_format = image.format
        image = ImageOps.exif_transpose(image)
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        if image.mode == "P" and image.getpalette():
            clean.putpalette(image.getpalette())
        out = BytesIO()
        clean.save(out, format=image_format)
    stem = Path(getattr(upload, "name", "") or "logo").stem[:50] or "logo"
    return ContentFile(out.getvalue(), name=f"{stem}.{FORMATS[image_format]}")
