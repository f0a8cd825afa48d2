"""Residents take part: support ("ik steun dit") and follow."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError

from ..models import (
    PUBLIC_STATUSES,
    Follow,
    Initiative,
    Status,
    Support,
)

# --- Support and follow -----------------------------------------------------------------


def _require_resident(by) -> None:
    if not by.is_authenticated or not by.is_active:
        raise ServiceError(_("Log in first."), code="login")


@transaction.atomic
def initiative_support(*, initiative: Initiative, by) -> Support:
    """ "Ik steun dit": once per person, only while the initiative is running."""
    _require_resident(by)
    if initiative.status != Status.PUBLISHED:
        raise ServiceError(_("You can only support a running initiative."), code="not_running")
    try:
        with transaction.atomic():
            return Support.objects.create(initiative=initiative, user=by)
    except IntegrityError:
        raise ServiceError(_("You already support this initiative."), code="duplicate") from None


@transaction.atomic
def initiative_support_withdraw(*, initiative: Initiative, by) -> None:
    _require_resident(by)
    deleted, _rows = Support.objects.filter(initiative=initiative, user=by).delete()
    if not deleted:
        raise ServiceError(_("You do not support this initiative."), code="not_supporting")


@transaction.atomic
def initiative_follow(*, initiative: Initiative, by) -> Follow:
    """Follow a public initiative to hear about its news."""
    _require_resident(by)
    if initiative.status not in PUBLIC_STATUSES:
        raise ServiceError(_("You can only follow a published initiative."), code="not_public")
    follow, _created = Follow.objects.get_or_create(initiative=initiative, user=by)
    return follow


@transaction.atomic
def initiative_unfollow(*, initiative: Initiative, by) -> None:
    _require_resident(by)
    Follow.objects.filter(initiative=initiative, user=by).delete()
