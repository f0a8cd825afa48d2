"""Which uploaded files of the exchange may be loaded by their URL, and by whom.

A listing's photo is served while the listing is listed (open or in contact, before
its end date, not hidden): to everyone, cached. Once the listing is hidden, withdrawn,
done or expired, only its owner still loads it (not cached by others); everyone else,
the people who replied too, gets 404 (``exchange.view_listing_photo``).
"""

from django.db.models import Q

from mijnbuurt.core.media import Guard, register_media

from .photos import ListingPhoto

VIEW_PHOTO = "exchange.view_listing_photo"


def _photo(name: str) -> Guard | None:
    photo = (
        ListingPhoto.objects.select_related("listing")
        .filter(Q(image=name) | Q(thumbnail=name))
        .first()
    )
    return Guard(VIEW_PHOTO, photo.listing) if photo else None


def register_media_files() -> None:
    register_media("exchange/photos/", _photo)
    register_media("exchange/thumbnails/", _photo)
