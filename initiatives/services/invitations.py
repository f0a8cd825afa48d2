"""Co-organisers: an organiser invites someone by e-mail address; they accept or decline.

Whether an address has an account is never revealed to the inviter. A person with
an account gets a notification; an address without an account gets a plain e-mail
(in Dutch, through the outbox: written in this transaction, sent after commit) that
asks them to sign up with that address, after which they find the invitation under
"My initiatives".
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify, outgoing_email_queue

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
            url_name="initiatives:mine",
        )
    else:
        _mail_newcomer(email=email, title=initiative.title, inviter=by.public_name)
    return invitation


def _mail_newcomer(*, email: str, title: str, inviter: str) -> None:
    """E-mail an invitee without an account: sign up with this address, then accept.

    In Dutch, the site's language (there is no account to hold a preference). Written
    to the outbox in the caller's transaction; a mail server failure leaves it pending
    for the sweeper, and the invitation stays under "My initiatives".
    """
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "title": title,
            "inviter": inviter,
            "signup_url": settings.SITE_URL + reverse("account_signup"),
            "mine_url": settings.SITE_URL + reverse("initiatives:mine"),
            "email": email,
        }
    outgoing_email_queue(
        to=email,
        subject_template="initiatives/email/invitation_newcomer_subject.txt",
        body_template="initiatives/email/invitation_newcomer_body.txt",
        context=context,
        language=settings.LANGUAGE_CODE,
    )


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
