"""The lifecycle (one service for every status change) and organisers' news."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.images import photo_clean, photo_validate
from mijnbuurt.notifications.services import notify

from ..kinds import INITIATIVE_STATUS, INITIATIVE_UPDATE
from ..lifecycle import INITIATIVE
from ..models import (
    PUBLIC_STATUSES,
    Follow,
    Initiative,
    InitiativeUpdate,
    Organiser,
    Status,
)
from .initiatives import (
    EXCERPT_CHARS,
    MAX_UPDATE_CHARS,
    require_not_blocked,
    require_organiser,
)

# --- Lifecycle --------------------------------------------------------------------------


def actor_roles(*, user, initiative: Initiative) -> set[str]:
    """Whether ``user`` acts as organiser and/or reviewer of ``initiative``."""
    return INITIATIVE.roles_of(user, initiative)


@transaction.atomic
def initiative_transition(*, initiative: Initiative, to_status: str, by, note: str = ""):
    """Move ``initiative`` to ``to_status`` if the table allows it for ``by``.

    Records the change (who, when, from, to, note) and notifies the organisers and
    followers, except the person who made it. Anything else raises ServiceError and
    changes nothing.
    """
    locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
    step = INITIATIVE.check(locked, to_status, by=by, note=note)
    if to_status == Status.SUBMITTED:
        require_not_blocked(by)
    changes = {}
    if to_status == Status.SUBMITTED:
        changes["submitted_at"] = step.at
    if to_status == Status.PUBLISHED and locked.published_at is None:
        changes["published_at"] = step.at
    step.apply(changes=changes)
    _notify_status(locked, by=by, note=step.note)
    initiative.status = locked.status
    initiative.submitted_at, initiative.published_at = locked.submitted_at, locked.published_at
    return locked


def _notify_status(initiative: Initiative, *, by, note: str) -> None:
    context = {"title": initiative.title, "to_status": initiative.status, "note": note}
    _notify_people(initiative, by=by, kind=INITIATIVE_STATUS.name, context=context)


def _notify_people(initiative: Initiative, *, by, kind: str, context: dict, anchor="") -> None:
    """Notify the organisers and followers of ``initiative``, except ``by``."""
    organisers = Organiser.objects.filter(initiative=initiative).values_list("user_id", flat=True)
    followers = Follow.objects.filter(initiative=initiative).values_list("user_id", flat=True)
    recipient_ids = (set(organisers) | set(followers)) - {by.pk}
    context = {"initiative_id": initiative.pk, **context}
    for recipient in User.objects.filter(pk__in=recipient_ids, is_active=True).order_by("pk"):
        notify(
            recipient=recipient,
            kind=kind,
            context=context,
            url_name="initiatives:detail",
            url_kwargs={"pk": initiative.pk},
            anchor=anchor,
        )


@transaction.atomic
def initiative_update_post(
    *, initiative: Initiative, by, text: str, photo=None
) -> InitiativeUpdate:
    """Organisers share news on a running or completed initiative; followers hear of it."""
    require_organiser(initiative, by)
    require_not_blocked(by)
    if initiative.status not in PUBLIC_STATUSES:
        raise ServiceError(
            _("You can post news once the initiative has been published."), code="not_public"
        )
    if initiative.hidden_at is not None:
        raise ServiceError(
            _("The moderators hid this initiative, so you cannot post news on it now."),
            code="hidden",
        )
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write something to share."), code="empty")
    update = InitiativeUpdate(initiative=initiative, author=by, text=text[:MAX_UPDATE_CHARS])
    if photo:
        try:
            photo_validate(photo)
        except ValidationError as error:
            raise ServiceError(error.messages[0], code=error.code or "bad_image") from None
        clean = photo_clean(photo)
        update.photo.save(clean.large.name, clean.large, save=False)
        update.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
    update.save()
    excerpt = text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
    _notify_people(
        initiative,
        by=by,
        kind=INITIATIVE_UPDATE.name,
        context={"title": initiative.title, "excerpt": excerpt},
        anchor="#news",
    )
    return update
