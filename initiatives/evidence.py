"""Receipts and invoices for an accountability report: a PDF, or a photo of the
receipt (JPEG or PNG), at most 10 MB each. Photos are re-saved without metadata
(no GPS location), PDFs are stored as sent. Only organisers and reviewers see them.
"""

from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image

from mijnbuurt.core.images import (
    UNREADABLE,
    ImageMessages,
    image_validate,
    image_without_metadata,
    upload_stem,
)

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_PIXELS = 40_000_000
ACCEPT = "application/pdf,image/jpeg,image/png"
EVIDENCE_MESSAGES = ImageMessages(
    too_large=_("A receipt or invoice may be at most 10 MB."),
    not_an_image=_("A receipt or invoice must be a PDF, JPEG or PNG file."),
    too_many_pixels=_("The photo of the receipt has too many pixels."),
    damaged=_("This file is damaged or incomplete, so it cannot be read. Try another file."),
)


def _is_pdf(upload) -> bool:
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    return head == b"%PDF-"


def evidence_validate(upload) -> None:
    """Raise ValidationError unless ``upload`` is a PDF, or a JPEG or PNG within limits."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(EVIDENCE_MESSAGES.too_large, code="too_large")
    if _is_pdf(upload):
        return
    image_validate(
        upload,
        max_bytes=MAX_EVIDENCE_BYTES,
        max_pixels=MAX_EVIDENCE_PIXELS,
        messages=EVIDENCE_MESSAGES,
    )
    try:
        with Image.open(upload) as image:
            image_format = image.format
    except UNREADABLE as e:
        raise ValidationError(EVIDENCE_MESSAGES.not_an_image, code="bad_file") from e
    finally:
        upload.seek(0)
    if image_format not in ("JPEG", "PNG"):
        raise ValidationError(EVIDENCE_MESSAGES.not_an_image, code="bad_file")


def evidence_clean(upload) -> ContentFile:
    """What is stored: the PDF as sent, or the photo without metadata; a fresh name."""
    if not _is_pdf(upload):
        return image_without_metadata(upload, default_stem="bon")
    stem = f"{upload_stem(upload, default='bon', length=40)}-{uuid4().hex[:12]}"
    upload.seek(0)
    return ContentFile(upload.read(), name=f"{stem}.pdf")
