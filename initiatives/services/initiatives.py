"""Start, copy and edit initiatives and their photos; personal data of the app."""

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.images import photo_clean, photo_validate

from ..lifecycle import INITIATIVE
from ..models import (
    EDITABLE_STATUSES,
    PUBLIC_STATUSES,
    AbuseReport,
    AccountabilityReport,
    Comment,
    Follow,
    GrantRequest,
    Initiative,
    InitiativePhoto,
    InitiativeUpdate,
    Need,
    Organiser,
    OrganiserInvitation,
    PostingBlock,
    Status,
    Support,
)
from ..rules import is_organiser

MAX_PHOTOS = 10
MAX_UPDATE_CHARS = 2000
EXCERPT_CHARS = 300
EDITABLE_FIELDS = (
    "title",
    "summary",
    "description",
    "theme",
    "neighbourhood",
    "latitude",
    "longitude",
    "start_date",
    "end_date",
)


def initiative_path(initiative: Initiative) -> str:
    """The language-neutral path of an initiative, as notifications store links."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("initiatives:detail", kwargs={"pk": initiative.pk})


def _check_fields(fields: dict) -> None:
    if not (fields.get("title") or "").strip():
        raise ServiceError(_("Give the initiative a title."), code="no_title")
    start, end = fields.get("start_date"), fields.get("end_date")
    if not isinstance(start, date):
        raise ServiceError(_("Choose a start date."), code="no_start")
    if end is not None and end < start:
        raise ServiceError(_("The end date cannot be before the start date."), code="end_first")
    if (fields.get("latitude") is None) != (fields.get("longitude") is None):
        raise ServiceError(_("Choose a place on the map, or none."), code="half_location")


def _set_needs(initiative: Initiative, needs: Iterable[str]) -> None:
    needs = set(needs)
    unknown = needs - set(Need.values)
    if unknown:
        raise ServiceError(_("Choose what the initiative needs from the list."), code="need")
    for need in Need.values:
        setattr(initiative, f"needs_{need}", need in needs)


def require_organiser(initiative: Initiative, by) -> None:
    if not is_organiser.test(by, initiative):
        raise ServiceError(_("Only the organisers can change this initiative."), code="forbidden")


def require_not_blocked(by) -> None:
    """People blocked by the moderators may not post comments, news or initiatives."""
    if PostingBlock.objects.filter(user_id=by.pk).exists():
        raise ServiceError(
            _(
                "You have been blocked from posting on Mijn buurt Assen because of earlier "
                "messages that broke the house rules. Contact the municipality if you think "
                "this is a mistake."
            ),
            code="blocked",
        )


def _require_editable(initiative: Initiative) -> None:
    if initiative.status not in EDITABLE_STATUSES:
        raise ServiceError(
            _("An initiative can only be changed while it is a draft or changes were requested."),
            code="not_editable",
        )


@transaction.atomic
def initiative_create(*, by, needs: Iterable[str] = (), photos=(), **fields) -> Initiative:
    """Start an initiative as a draft, with ``by`` as its owner."""
    if not by.is_authenticated or not by.is_active:
        raise ServiceError(_("Log in to start an initiative."), code="login")
    require_not_blocked(by)
    _check_fields(fields)
    initiative = Initiative(status=Status.DRAFT, **fields)
    _set_needs(initiative, needs)
    initiative.save()
    Organiser.objects.create(initiative=initiative, user=by, role=Organiser.Role.OWNER)
    INITIATIVE.record_start([initiative], by=by)
    for photo in photos:
        initiative_photo_add(initiative=initiative, by=by, image=photo)
    return initiative


@transaction.atomic
def initiative_copy(*, original: Initiative, by) -> Initiative:
    """ "Start this in my neighbourhood": a new draft for ``by``, crediting the original."""
    if original.status not in PUBLIC_STATUSES or original.hidden_at is not None:
        raise ServiceError(
            _("Only a running or completed initiative can be started elsewhere."),
            code="not_public",
        )
    return initiative_create(
        by=by,
        needs=original.needs,
        copied_from=original,
        title=original.title,
        summary=original.summary,
        description=original.description,
        theme=original.theme,
        neighbourhood=getattr(by, "home_neighbourhood", None) or original.neighbourhood,
        start_date=timezone.localdate(),
    )


@transaction.atomic
def initiative_update(
    *, initiative: Initiative, by, needs: Iterable[str] | None = None, photos=(), **fields
) -> Initiative:
    """Organisers change their draft (or answer a request for changes)."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    require_organiser(initiative, by)
    _require_editable(initiative)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(initiative, name, value)
    _check_fields({name: getattr(initiative, name) for name in EDITABLE_FIELDS})
    if needs is not None:
        _set_needs(initiative, needs)
    initiative.save()
    for photo in photos:
        initiative_photo_add(initiative=initiative, by=by, image=photo)
    return initiative


@transaction.atomic
def initiative_photo_add(
    *, initiative: Initiative, by, image, description: str = ""
) -> InitiativePhoto:
    """Add a photo: checked, resized (1600 px and a thumbnail) and stripped of EXIF."""
    require_organiser(initiative, by)
    _require_editable(initiative)
    if initiative.photos.count() >= MAX_PHOTOS:
        raise ServiceError(
            _("An initiative can have at most %(count)d photos.") % {"count": MAX_PHOTOS},
            code="too_many_photos",
        )
    try:
        photo_validate(image)
    except ValidationError as error:
        raise ServiceError(error.messages[0], code=error.code or "bad_image") from None
    clean = photo_clean(image)
    photo = InitiativePhoto(initiative=initiative, description=description[:200], uploaded_by=by)
    photo.image.save(clean.large.name, clean.large, save=False)
    photo.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
    photo.save()
    return photo


@transaction.atomic
def initiative_photo_remove(*, photo: InitiativePhoto, by) -> None:
    require_organiser(photo.initiative, by)
    _require_editable(photo.initiative)
    image, thumbnail = photo.image, photo.thumbnail
    photo.delete()
    transaction.on_commit(lambda: (image.delete(save=False), thumbnail.delete(save=False)))


# --- Personal data (registered in apps.py) ----------------------------------------------


def initiatives_personal_data_export(user) -> dict:
    """The initiatives section of "download my data"."""
    memberships = Organiser.objects.filter(user=user).select_related("initiative")
    return {
        "organised": [
            {
                "title": m.initiative.title,
                "status": m.initiative.status,
                "role": m.role,
                "created_at": m.initiative.created_at.isoformat(),
                "link": initiative_path(m.initiative),
            }
            for m in memberships.order_by("initiative__created_at", "pk")
        ],
        "news_posted": [
            {"initiative": title, "text": text, "created_at": created_at.isoformat()}
            for title, text, created_at in InitiativeUpdate.objects.filter(author=user)
            .order_by("created_at")
            .values_list("initiative__title", "text", "created_at")
        ],
        "invitations": list(
            OrganiserInvitation.objects.filter(email__iexact=user.email).values_list(
                "initiative__title", flat=True
            )
        ),
        "supported": list(
            Support.objects.filter(user=user)
            .order_by("created_at")
            .values_list("initiative__title", flat=True)
        ),
        "followed": list(
            Follow.objects.filter(user=user)
            .order_by("created_at")
            .values_list("initiative__title", flat=True)
        ),
        "comments": [
            {
                "initiative": title,
                "comment": body,
                "created_at": created_at.isoformat(),
                "hidden_by_moderation": hidden_at is not None,
            }
            for title, body, created_at, hidden_at in Comment.objects.filter(author=user)
            .order_by("created_at")
            .values_list("initiative__title", "body", "created_at", "hidden_at")
        ],
        "abuse_reports_made": [
            {"reason": reason, "explanation": text, "created_at": created_at.isoformat()}
            for reason, text, created_at in AbuseReport.objects.filter(reporter=user)
            .order_by("created_at")
            .values_list("reason", "text", "created_at")
        ],
        "accountability_reports": [
            {"initiative": title, "status": status, "what_was_done": done, "how": how}
            for title, status, done, how in AccountabilityReport.objects.filter(
                created_by=user
            ).values_list("initiative__title", "status", "what_was_done", "how_we_did_it")
        ],
        "grant_requests": [
            {"initiative": title, "amount_requested": str(amount), "status": status}
            for title, amount, status in GrantRequest.objects.filter(requested_by=user)
            .order_by("created_at")
            .values_list("initiative__title", "amount_requested", "status")
        ],
    }


def initiatives_personal_data_erase(user) -> None:
    """Supports and follows go; public initiatives stay (shown by "Former resident").

    Initiatives that never became public and that only this person organised are
    deleted with their photos: nobody else has a claim on them.
    """
    Support.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    OrganiserInvitation.objects.filter(email__iexact=user.email).delete()
    never_public = Initiative.objects.filter(memberships__user=user, published_at__isnull=True)
    for initiative in never_public.distinct():
        if initiative.memberships.exclude(user=user).exists():
            continue
        for photo in initiative.photos.all():
            photo.image.delete(save=False)
            photo.thumbnail.delete(save=False)
        initiative.delete()
