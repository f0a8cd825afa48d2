"""Filing a help request: by the resident, or by a professional on their behalf (intake)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.phones import phone_normalise
from neighbourhoods import locator
from neighbourhoods.geocoding import geocode_postcode
from neighbourhoods.models import Neighbourhood, TeamMembership
from neighbourhoods.selectors import area_team_for

from .models import (
    AccessLog,
    ContactWay,
    HelpKind,
    HelpRequest,
    HelpRequestEvent,
    HelpStatus,
    Urgency,
)
from .rules import handles_help_request
from .services import clean_text, first_contact_made, log_access, notify_team
from .workdays import first_contact_due


def _check_contact(*, contact_way, phone, email, address) -> None:
    if contact_way not in ContactWay.values:
        raise ServiceError(_("Choose how we can contact you."), code="contact_way")
    missing = {
        ContactWay.PHONE: (not phone, _("Fill in a phone number, so we can call you.")),
        ContactWay.EMAIL: (not email, _("Fill in an e-mail address, so we can write to you.")),
        ContactWay.VISIT: (not address, _("Fill in an address, so we can visit you.")),
    }[contact_way]
    if missing[0]:
        raise ServiceError(missing[1], code="contact_missing")


def _file(*, requester, filed_by, neighbourhood, kind, urgency, description, **fields):
    if kind not in HelpKind.values:
        raise ServiceError(_("Choose what kind of help you need."), code="kind")
    if urgency not in Urgency.values:
        raise ServiceError(_("Choose how urgent it is."), code="urgency")
    if not isinstance(neighbourhood, Neighbourhood):
        raise ServiceError(_("Choose your neighbourhood."), code="neighbourhood")
    description = clean_text(
        description, required_message=_("Tell us in a few words what you need help with.")
    )
    fields["contact_phone"] = phone_normalise(fields.get("contact_phone"))
    _check_contact(
        contact_way=fields["contact_way"],
        phone=fields.get("contact_phone", ""),
        email=fields.get("contact_email", ""),
        address=fields.get("contact_address", ""),
    )
    now = timezone.now()
    help_request = HelpRequest.objects.create(
        requester=requester,
        filed_by=filed_by,
        neighbourhood=neighbourhood,
        team=area_team_for(neighbourhood),
        kind=kind,
        urgency=urgency,
        description=description,
        created_at=now,
        due_at=first_contact_due(urgency=urgency, filed_at=now),
        **fields,
    )
    HelpRequestEvent.objects.create(
        request=help_request, actor=filed_by or requester, at=now, to_status=HelpStatus.NEW
    )
    return help_request


@transaction.atomic
def help_request_create(
    *,
    requester: User,
    neighbourhood: Neighbourhood,
    kind: str,
    description: str,
    urgency: str = Urgency.NORMAL,
    contact_way: str = ContactWay.PHONE,
    contact_phone: str = "",
    contact_email: str = "",
    contact_address: str = "",
    consent_share_anonymised: bool = False,
) -> HelpRequest:
    """A resident asks for help; it goes to the team covering their neighbourhood."""
    help_request = _file(
        requester=requester,
        filed_by=None,
        neighbourhood=neighbourhood,
        kind=kind,
        urgency=urgency,
        description=description,
        contact_name=requester.display_name,
        contact_way=contact_way,
        contact_phone=contact_phone,
        contact_email=(contact_email or requester.email).strip(),
        contact_address=(contact_address or "").strip(),
        consent_share_anonymised=bool(consent_share_anonymised),
    )
    notify_team(help_request)
    return help_request


@transaction.atomic
def help_request_intake(
    *,
    by: User,
    contact_name: str,
    neighbourhood: Neighbourhood,
    kind: str,
    description: str,
    urgency: str = Urgency.NORMAL,
    contact_way: str = ContactWay.PHONE,
    contact_phone: str = "",
    contact_email: str = "",
    contact_address: str = "",
    consent_share_anonymised: bool = False,
) -> HelpRequest:
    """A professional files a request for someone without an account (phone or walk-in)."""
    if not (by.is_staff or TeamMembership.objects.filter(user_id=by.pk).exists()):
        raise ServiceError(_("Only area-team professionals can do an intake."), code="forbidden")
    contact_name = (contact_name or "").strip()
    if not contact_name:
        raise ServiceError(_("Fill in the name of the person you help."), code="contact_name")
    help_request = _file(
        requester=None,
        filed_by=by,
        neighbourhood=neighbourhood,
        kind=kind,
        urgency=urgency,
        description=description,
        contact_name=contact_name[:120],
        contact_way=contact_way,
        contact_phone=contact_phone,
        contact_email=(contact_email or "").strip(),
        contact_address=(contact_address or "").strip(),
        consent_share_anonymised=bool(consent_share_anonymised),
    )
    if handles_help_request.test(by, help_request):
        # Talking with the person is the first contact, when the covering team did it;
        # filed for another team, that team still makes contact (and the clock runs).
        first_contact_made(help_request, by=by, at=help_request.created_at)
    log_access(help_request, by=by, action=AccessLog.Action.INTAKE)
    notify_team(help_request, exclude=by)
    return help_request


def help_neighbourhood_locate(*, postcode: str, house_number: str) -> Neighbourhood:
    """The buurt of a postcode and house number (not stored on the profile)."""
    result = geocode_postcode(postcode=postcode, house_number=house_number)
    buurt = locator.buurt_at(latitude=result.latitude, longitude=result.longitude)
    if buurt is None:
        raise ServiceError(
            _("That address is not in Assen. Choose your neighbourhood from the list."),
            code="outside",
        )
    return buurt
