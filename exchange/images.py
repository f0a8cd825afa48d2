"""Photos of a listing through the site's image pipeline (``mijnbuurt.core.images``):
at most 8 MB, JPEG, PNG or WebP; stored as a large copy and a thumbnail, re-drawn so
that no EXIF (GPS location), XMP or comment reaches the disk. And the two writes: the
owner adds a photo (with what it shows) or removes one."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.images import photo_clean, photo_validate

from .models import ACTIVE_STATUSES, Listing
from .photos import MAX_ALT, MAX_PHOTOS, ListingPhoto

log = logging.getLogger(__name__)


def _alt(alt_text: str) -> str:
    alt_text = " ".join((alt_text or "").split())
    if not alt_text:
        raise ServiceError(
            _("Describe what the photo shows, for people who cannot see it."), code="alt"
        )
    if len(alt_text) > MAX_ALT:
        raise ServiceError(
            _("The description has at most %(max)d characters.") % {"max": MAX_ALT}, code="alt"
        )
    return alt_text


def listing_photo_add(*, listing: Listing, by: User, image, alt_text: str) -> ListingPhoto:
    """The owner adds a photo to an active listing (at most four)."""
    alt_text = _alt(alt_text)
    if image is None:
        raise ServiceError(_("Choose a photo."), code="empty")
    try:
        photo_validate(image)
    except ValidationError as error:
        raise ServiceError(error.messages[0], code=error.code or "bad_image") from None
    with transaction.atomic():
        locked = Listing.objects.select_for_update().get(pk=listing.pk)
        if locked.owner_id != by.pk:
            raise ServiceError(
                _("Only the person who placed the listing can do this."), code="forbidden"
            )
        if locked.status not in ACTIVE_STATUSES:
            raise ServiceError(_("A closed listing cannot be changed."), code="closed")
        if ListingPhoto.objects.filter(listing=locked).count() >= MAX_PHOTOS:
            raise ServiceError(
                _("A listing can have at most %(count)d photos.") % {"count": MAX_PHOTOS},
                code="too_many_photos",
            )
        clean = photo_clean(image)
        photo = ListingPhoto(listing=locked, alt_text=alt_text, uploaded_by=by)
        photo.image.save(clean.large.name, clean.large, save=False)
        photo.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
        try:
            photo.save()
        except Exception:
            _delete_files(photo)
            raise
    log.info("exchange listing %s: photo %s added", locked.pk, photo.pk)
    return photo


def _delete_files(photo: ListingPhoto) -> None:
    photo.image.delete(save=False)
    photo.thumbnail.delete(save=False)


def listing_photo_remove(*, photo: ListingPhoto, by: User) -> None:
    """The owner removes a photo (whatever the listing's status); the files go too."""
    with transaction.atomic():
        locked = Listing.objects.select_for_update().get(pk=photo.listing_id)
        if locked.owner_id != by.pk:
            raise ServiceError(
                _("Only the person who placed the listing can do this."), code="forbidden"
            )
        found = ListingPhoto.objects.filter(pk=photo.pk, listing=locked).first()
        if found is None:
            raise ServiceError(_("This photo has already been removed."), code="gone")
        found.delete()
        transaction.on_commit(lambda: _delete_files(found))
    log.info("exchange listing %s: photo %s removed", locked.pk, photo.pk)


def listing_photos_delete_files(listings) -> None:
    """Remove the files of the photos of ``listings`` (before the listings are deleted)."""
    for photo in ListingPhoto.objects.filter(listing__in=listings).only("image", "thumbnail"):
        _delete_files(photo)
