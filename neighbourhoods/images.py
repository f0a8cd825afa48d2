"""Organisation logos: at most 2 MB, re-saved in their own format without EXIF data."""

from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.images import ImageMessages, image_validate, image_without_metadata

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_PIXELS = 4000 * 4000
LOGO_MESSAGES = ImageMessages(
    too_large=_("The logo may be at most 2 MB."),
    not_an_image=_("The logo must be a JPEG, PNG or WebP image."),
    too_many_pixels=_("The logo has too many pixels."),
    damaged=_("This logo is damaged or incomplete, so it cannot be read. Try another image."),
)


def logo_validate(upload) -> None:
    image_validate(
        upload, max_bytes=MAX_LOGO_BYTES, max_pixels=MAX_LOGO_PIXELS, messages=LOGO_MESSAGES
    )


def logo_clean(upload) -> ContentFile:
    return image_without_metadata(upload, default_stem="logo")
