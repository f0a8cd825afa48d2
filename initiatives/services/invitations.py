"""Co-organisers: an organiser invites someone by e-mail address; they accept or decline.

Whether an address has an account is never revealed to the inviter. A person with
an account gets a notification; anyone who signs up later with the address finds
the invitation under "My initiatives". (E-mail to addresses without an account is
not sent yet: the outbox is per account.)
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..kinds import INITIATIVE_INVITATION
from ..models import Initiative, Organiser, OrganiserInvitation
from .initiatives import require_organiser

MAX_ORGANISERS = 5


@transaction.atomic
def organiser_invite(*, initiative: Initiative, by, email: str) -> OrganiserInvitation:
    require_organiser(initiative, by)
    email = (email or "").strip().lower()
    if not email or "@" not in email:
        raise ServiceError(_("Enter an e-mail address."), code="no_email")
    if Organiser.objects.filter(initiative=initiative, user__email__iexact=email).exists():
        raise ServiceError(_("This person already organises the initiative."), code="organiser")
    open_count = OrganiserInvitation.objects.filter(initiative=initiative).count()
    if initiative.memberships.count() + open_count >= MAX_ORGANISERS:
        raise ServiceError(
            _("An initiative can have at most %(count)d organisers.") % {"count": MAX_ORGANISERS},
            code="too_many",
        )
    try:
        with transaction.atomic():
            invitation = OrganiserInvitation.objects.create(
                initiative=initiative, email=email, invited_by=by
            )
    except IntegrityError:
        raise ServiceError(_("This address has already been invited."), code="duplicate") from None
    invitee = User.objects.filter(email__iexact=email, is_active=True).first()
    if invitee is not None:
        notify(
            recipient=invitee,
            kind=INITIATIVE_INVITATION.name,
            context={
                "initiative_id": initiative.pk,
                "title": initiative.title,
                "inviter": by.public_name,
            },
            link=_mine_path(),
        )
    return invitation


def _mine_path() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("initiatives:mine")


def _require_invitee(invitation: OrganiserInvitation, by) -> None:
    if not by.is_authenticated or by.email.lower() != invitation.email.lower():
        raise ServiceError(_("This invitation is for someone else."), code="not_yours")


@transaction.atomic
def organiser_invitation_accept(*, invitation: OrganiserInvitation, by) -> Organiser:
    """The invited person becomes a co-organiser: they may now see and edit it."""
    invitation = OrganiserInvitation.objects.select_for_update().get(pk=invitation.pk)
    _require_invitee(invitation, by)
    organiser, _created = Organiser.objects.get_or_create(
        initiative_id=invitation.initiative_id,
        user=by,
        defaults={"role": Organiser.Role.CO_ORGANISER},
    )
    invitation.delete()
    return organiser


@transaction.atomic
def organiser_invitation_decline(*, invitation: OrganiserInvitation, by) -> None:
    _require_invitee(invitation, by)
    OrganiserInvitation.objects.filter(pk=invitation.pk).delete()
