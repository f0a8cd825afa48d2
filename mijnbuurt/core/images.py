"""Uploaded images: check type, size and pixels, and re-save them without metadata.

Every image is re-drawn onto a fresh canvas before it is stored, so EXIF (with its
GPS location), XMP and comments never reach the disk. Photos people upload
(initiatives, their news and accountability, listings of Vraag en aanbod) share the
limits and messages at the end of this module; other images (a logo) keep their own.

Validation decodes every pixel, as the cleaning afterwards does: ``Image.verify()``
reads only the structure, so a file cut short or with broken pixel data passed it
and then failed while being stored. Pillow's ``ImageFile.LOAD_TRUNCATED_IMAGES``
stays off (a test guards it), so a cut-off image is refused rather than filled in.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from struct import error as StructError
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class ImageMessages:
    too_large: str | Promise
    not_an_image: str | Promise
    too_many_pixels: str | Promise
    damaged: str | Promise


# What Pillow raises on a file that is not an image, or one whose header or pixel data
# is broken. A decoder meets untrusted bytes here, so every such failure is the user's
# file, never a server error.
UNREADABLE = (
    OSError,  # includes UnidentifiedImageError and "image file is truncated"
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    TypeError,
    ZeroDivisionError,
    StructError,
    Image.DecompressionBombError,
)


def image_validate(upload, *, max_bytes: int, max_pixels: int, messages: ImageMessages) -> None:
    """Raise ValidationError unless ``upload`` is a JPEG, PNG or WebP within the limits."""
    if upload.size > max_bytes:
        raise ValidationError(messages.too_large, code="too_large")
    not_an_image = ValidationError(messages.not_an_image, code="bad_image")
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise not_an_image
            width, height = image.size
            if width * height > max_pixels:  # before a single pixel is decoded
                raise ValidationError(messages.too_many_pixels, code="too_many_pixels")
            try:
                image.load()
                ImageOps.exif_transpose(image)  # what storing it does next
            except UNREADABLE as e:
                raise ValidationError(messages.damaged, code="damaged") from e
    except Image.DecompressionBombError as e:  # Pillow's own limit, far above ours
        raise ValidationError(messages.too_many_pixels, code="too_many_pixels") from e
    except UNREADABLE as e:
        raise not_an_image from e
    finally:
        upload.seek(0)


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
    # A fresh name for every upload, so a file's URL never shows other bytes and can be
    # cached for good (mijnbuurt.core.media).
    stem = f"{upload_stem(upload, default=default_stem, length=40)}-{uuid4().hex[:12]}"
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


# Photos people upload (initiatives, their news and accountability, listings of Vraag en
# aanbod): at most 8 MB and 40 million pixels; stored as a large copy and a thumbnail.
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


def photo_validate(upload, *, max_bytes: int | None = None) -> None:
    """Refuse what is not a photo of at most ``max_bytes`` (default ``MAX_PHOTO_BYTES``)."""
    image_validate(
        upload,
        max_bytes=MAX_PHOTO_BYTES if max_bytes is None else max_bytes,
        max_pixels=MAX_PHOTO_PIXELS,
        messages=PHOTO_MESSAGES,
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
