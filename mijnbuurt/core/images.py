"""Uploaded images: check type, size and pixels, and re-save them without metadata.

Every image is re-drawn onto a fresh canvas before it is stored, so EXIF (with its
GPS location), XMP and comments never reach the disk. Apps keep their own limits
and messages (a logo, a photo) and call these functions.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.functional import Promise
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class ImageMessages:
    too_large: str | Promise
    not_an_image: str | Promise
    too_many_pixels: str | Promise


def image_validate(upload, *, max_bytes: int, max_pixels: int, messages: ImageMessages) -> None:
    """Raise ValidationError unless ``upload`` is a JPEG, PNG or WebP within the limits."""
    if upload.size > max_bytes:
        raise ValidationError(messages.too_large, code="too_large")
    not_an_image = ValidationError(messages.not_an_image, code="bad_image")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as e:
        raise not_an_image from e
    finally:
        upload.seek(0)
    if image_format not in ACCEPTED_FORMATS:
        raise not_an_image
    if width * height > max_pixels:
        raise ValidationError(messages.too_many_pixels, code="too_many_pixels")


def upload_stem(upload, *, default: str, length: int = 50) -> str:
    return Path(getattr(upload, "name", "") or default).stem[:length] or default


def image_without_metadata(upload, *, default_stem: str) -> ContentFile:
    """A copy of the image in its own format and size, with pixels only."""
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
    stem = upload_stem(upload, default=default_stem)
    return ContentFile(out.getvalue(), name=f"{stem}.{ACCEPTED_FORMATS[image_format]}")


def image_upright(upload) -> Image.Image:
    """The uploaded image turned as the camera meant it, in RGB (or RGBA)."""
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original)
        return image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")


def image_as_jpeg(image: Image.Image, *, size: tuple[int, int], name: str) -> ContentFile:
    """``image`` scaled down to fit ``size``, as a JPEG with pixels only."""
    copy = image.copy()
    copy.thumbnail(size, Image.Resampling.LANCZOS)
    clean = Image.new("RGB", copy.size, (255, 255, 255))
    clean.paste(copy, mask=copy.getchannel("A") if copy.mode == "RGBA" else None)
    out = BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=name)
