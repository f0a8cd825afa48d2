"""Which uploaded files of initiatives may be loaded by their URL, and by whom.

Photos and news photos follow their initiative (everyone once it is visible, else its
organisers and reviewers); photos of an accountability report are public once the
report is submitted, before that only for organisers and reviewers. A news post the
moderators hid takes its photo with it. Cost evidence is private: it has no URL and
is served by ``views.accountability.evidence`` only.
"""

from django.db.models import Q

from mijnbuurt.core.media import Guard, register_media

from .models import AccountabilityPhoto, InitiativePhoto, InitiativeUpdate

VIEW_INITIATIVE = "initiatives.view_initiative"


def _photo(name: str) -> Guard | None:
    photo = (
        InitiativePhoto.objects.select_related("initiative")
        .filter(Q(image=name) | Q(thumbnail=name))
        .first()
    )
    return Guard(VIEW_INITIATIVE, photo.initiative) if photo else None


def _update_photo(name: str) -> Guard | None:
    update = (
        InitiativeUpdate.objects.select_related("initiative")
        .filter(Q(photo=name) | Q(thumbnail=name), hidden_at__isnull=True)
        .first()
    )
    return Guard(VIEW_INITIATIVE, update.initiative) if update else None


def _report_photo(name: str) -> Guard | None:
    photo = (
        AccountabilityPhoto.objects.select_related("report__initiative")
        .filter(Q(image=name) | Q(thumbnail=name))
        .first()
    )
    if photo is None:
        return None
    if photo.report.is_public:
        return Guard(VIEW_INITIATIVE, photo.report.initiative)
    return Guard("initiatives.view_accountability", photo.report.initiative)


def register_media_files() -> None:
    register_media("initiatives/photos/", _photo)
    register_media("initiatives/thumbnails/", _photo)
    register_media("initiatives/updates/", _update_photo)
    register_media("initiatives/accountability/", _report_photo)
