"""Handing a help request to a volunteer through a private, anonymised task.

The professional writes an anonymised task (no names, addresses or phone numbers),
invites suggested volunteers, and confirms the match once a volunteer signed up.
Only then does the matched volunteer see the resident's contact details, and every
look at them is written to the request's AccessLog. Nothing of the request goes
into the task, an invitation or a notification beyond the anonymised task text.
"""

import datetime as dt
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helprequests.models import AccessLog, ContactWay, HelpRequest, HelpStatus
from helprequests.rules import handles_help_request
from helprequests.services import help_request_transition, log_access
from initiatives.models import Theme
from mijnbuurt.core.dates import planned_dates_check
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.transitions import transition
from mijnbuurt.notifications.services import notify
from neighbourhoods.geocoding import POSTCODE_PATTERN

from ..kinds import HANDOVER_CONFIRMED, TRUSTED_BY_TEAM
from ..lifecycle import HANDOVER
from ..models import (
    HandOver,
    Shift,
    SignUp,
    Task,
    TaskInvitation,
    TaskKind,
    TrustedVolunteer,
    VolunteerProfile,
)
from .invitations import task_invitation_create

MAX_TITLE = 120
MAX_DESCRIPTION = 2000

# What an anonymised text must not contain, with the words of the message.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\d+])(?:\+31|0031|0)(?:[\s.\-()]*\d){9}(?!\d)")
POSTCODE = re.compile(rf"\b{POSTCODE_PATTERN}\b\s*,?\s*\d{{1,5}}\b")
STREET = re.compile(
    r"\b[A-Za-z][\w'-]*(?:straat|laan|weg|plein|singel|dijk|kade|pad|dreef|hof|gracht|steeg|"
    r"plantsoen|park|erf|wijk|veld|markt|ring|brink|es)\s+\d{1,5}\b",
    re.IGNORECASE,
)


def anonymity_problem(text: str) -> str | None:
    """The kind of personal detail ``text`` seems to contain, or None."""
    if EMAIL.search(text):
        return _("an e-mail address")
    if PHONE.search(text):
        return _("a phone number")
    if POSTCODE.search(text) or STREET.search(text):
        return _("an address")
    return None


def _clean(text: str, *, max_length: int, missing: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError(missing, code="empty")
    if len(text) > max_length:
        raise ServiceError(
            _("Please keep it shorter than %(max)d characters.") % {"max": max_length},
            code="too_long",
        )
    anonymity_check(text)
    return text


def anonymity_check(text: str) -> None:
    """Refuse text of a private task that seems to hold someone's contact details."""
    problem = anonymity_problem(text)
    if problem:
        raise ServiceError(
            _(
                "The text seems to contain %(what)s. Leave out names, addresses, phone "
                "numbers and e-mail addresses: the volunteer gets the contact details "
                "only after you confirm the match."
            )
            % {"what": problem},
            code="not_anonymous",
        )


def _require_team(by, help_request: HelpRequest | None) -> None:
    if help_request is None or not handles_help_request.test(by, help_request):
        raise ServiceError(_("You may not do this with this request."), code="forbidden")


def handover_refusal(help_request: HelpRequest) -> str | None:
    """Why this request cannot be handed to a volunteer now (plain words), or None."""
    if help_request.anonymised_at is not None or not help_request.is_open:
        return _("This request is closed.")
    if not help_request.consent_share_anonymised:
        return _(
            "The resident did not consent to sharing an anonymised version with "
            "volunteers. Ask the resident first."
        )
    if not help_request.volunteers_may_help:
        return _("This kind of help is for professionals only; it is never handed over.")
    return None


def active_handover(help_request: HelpRequest) -> HandOver | None:
    return (
        HandOver.objects.filter(help_request=help_request)
        .exclude(status=HandOver.Status.ENDED)
        .first()
    )


@transaction.atomic
def handover_create(
    *,
    help_request: HelpRequest,
    by,
    kind: TaskKind,
    title: str,
    description: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
) -> HandOver:
    """A private, published task with one shift of one place, for this request."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    _require_team(by, help_request)
    refusal = handover_refusal(help_request)
    if refusal:
        raise ServiceError(refusal, code="not_for_volunteers")
    if kind.professional_only:
        raise ServiceError(
            _("This kind of task is for professionals only; choose another kind."),
            code="professional_only",
        )
    if active_handover(help_request) is not None:
        raise ServiceError(
            _("This request already has a hand-over. End it first."), code="duplicate"
        )
    title = _clean(title, max_length=MAX_TITLE, missing=_("Give the task a short title."))
    description = _clean(
        description,
        max_length=MAX_DESCRIPTION,
        missing=_("Describe what the volunteer would do."),
    )
    planned_dates_check(first=starts_at.date())
    if starts_at <= timezone.now():
        raise ServiceError(_("Choose a moment in the future."), code="past")
    if ends_at <= starts_at:
        raise ServiceError(_("The end comes after the start."), code="ends_before_start")
    now = timezone.now()
    task = Task.objects.create(
        title=title,
        description=description,
        kind=kind,
        theme=Theme.CARE,
        neighbourhood_id=help_request.neighbourhood_id,
        is_private=True,
        created_by=by,
        status=Task.Status.PUBLISHED,
        published_at=now,
    )
    Shift.objects.create(task=task, starts_at=starts_at, ends_at=ends_at, places=1)
    return HandOver.objects.create(task=task, help_request=help_request, created_by=by)


def _locked(handover: HandOver, by) -> HandOver:
    locked = (
        HandOver.objects.select_for_update(of=("self",))
        .select_related("task", "help_request")
        .get(pk=handover.pk)
    )
    _require_team(by, locked.help_request)
    return locked


def handover_invite(*, handover: HandOver, by, volunteer_id: int) -> TaskInvitation:
    """Invite a volunteer with the existing invitation (the anonymised task title only)."""
    with transaction.atomic():
        locked = _locked(handover, by)
        if locked.status != HandOver.Status.OFFERED:
            raise ServiceError(
                _("This hand-over is no longer looking for a volunteer."), code="not_offered"
            )
    return task_invitation_create(task=locked.task, volunteer_id=volunteer_id, invited_by=by)


def _to_handed(help_request: HelpRequest, by) -> None:
    if help_request.status == HelpStatus.HANDED_TO_VOLUNTEER:
        return
    if help_request.status == HelpStatus.NEW:
        # A step on the way: the resident gets one e-mail, for the volunteer found.
        help_request_transition(
            help_request=help_request, to_status=HelpStatus.IN_TRIAGE, by=by, tell_resident=False
        )
    if help_request.status != HelpStatus.IN_TRIAGE:
        raise ServiceError(
            _("Put the request back in triage first, then confirm the volunteer."),
            code="status",
        )
    help_request_transition(
        help_request=help_request, to_status=HelpStatus.HANDED_TO_VOLUNTEER, by=by
    )


def _locked_for_move(handover: HandOver) -> HandOver:
    """The hand-over's row, locked; the lifecycle asks who may move it."""
    return (
        HandOver.objects.select_for_update(of=("self",))
        .select_related("task", "help_request")
        .get(pk=handover.pk)
    )


@transaction.atomic
def handover_confirm(*, handover: HandOver, by, volunteer_id: int) -> HandOver:
    """Confirm the volunteer who signed up: from now on they see the contact details."""
    locked = _locked_for_move(handover)
    step = HANDOVER.check(locked, HandOver.Status.CONFIRMED, by=by)
    refusal = handover_refusal(locked.help_request)
    if refusal:
        raise ServiceError(refusal, code="not_for_volunteers")
    signup = (
        SignUp.objects.filter(
            shift__task=locked.task, volunteer_id=volunteer_id, status=SignUp.Status.CONFIRMED
        )
        .select_related("volunteer")
        .first()
    )
    if signup is None or not signup.volunteer.is_active:
        raise ServiceError(
            _("Only a volunteer who signed up for the task can be confirmed."),
            code="not_signed_up",
        )
    _to_handed(locked.help_request, by)
    step.apply(
        changes={"volunteer": signup.volunteer, "confirmed_by": by, "confirmed_at": step.at}
    )
    # Only the anonymised task's title: the contact details wait on the task page.
    notify(
        recipient=signup.volunteer,
        kind=HANDOVER_CONFIRMED.name,
        context={"task": locked.task.title},
        url_name="volunteers:task",
        url_kwargs={"pk": locked.task_id},
    )
    handover.__dict__.update(
        {f: getattr(locked, f) for f in ("volunteer_id", "status", "confirmed_at")}
    )
    return locked


@transaction.atomic
def handover_end(*, handover: HandOver, by) -> HandOver:
    """End the hand-over: the task closes and the volunteer no longer sees contact details."""
    locked = _locked_for_move(handover)
    step = HANDOVER.check(locked, HandOver.Status.ENDED, by=by)
    step.apply(changes={"ended_at": step.at})
    task = Task.objects.select_for_update().get(pk=locked.task_id)
    if task.status == Task.Status.PUBLISHED:
        transition(task, Task.Status.CLOSED, by=by)
    handover.status, handover.ended_at = locked.status, locked.ended_at
    return locked


def handover_contact(*, task: Task, user) -> dict | None:
    """The resident's contact details for the matched volunteer, or None for anyone else.

    Only name, the preferred way (phone or e-mail) and, for a visit, the address; never
    anything else of the request. Each time they are shown, an AccessLog row is written.
    """
    if not task.is_private or not user.is_authenticated:
        return None
    handover = (
        HandOver.objects.filter(
            task=task, volunteer=user, status=HandOver.Status.CONFIRMED, volunteer__is_active=True
        )
        .select_related("help_request__requester")
        .first()
    )
    request = handover.help_request if handover else None
    if request is None or request.anonymised_at is not None or not request.is_open:
        return None
    name = request.contact_name or (request.requester.public_name if request.requester else "")
    contact = {"name": name, "way": request.get_contact_way_display()}
    if request.contact_way == ContactWay.EMAIL:
        contact["email"] = request.contact_email
    else:
        contact["phone"] = request.contact_phone
    if request.contact_way == ContactWay.VISIT and request.contact_address:
        contact["address"] = request.contact_address
    log_access(request, by=user, action=AccessLog.Action.VIEW)
    return contact


# --- Volunteers a team trusts -------------------------------------------------------------


def _require_member(by, team) -> None:
    if not by.is_authenticated or not by.team_memberships.filter(team=team).exists():
        raise ServiceError(_("Only members of this area team can do this."), code="forbidden")


def trusted_volunteer_add(*, team, by, email: str) -> TrustedVolunteer:
    """Trust a registered volunteer (found by e-mail address) for the team's hand-overs."""
    _require_member(by, team)
    email = (email or "").strip()
    volunteer = (
        VolunteerProfile.objects.filter(user__email__iexact=email, user__is_active=True)
        .select_related("user")
        .first()
    )
    if not email or volunteer is None:
        raise ServiceError(
            _("There is no volunteer with this e-mail address. Nothing was changed."),
            code="unknown",
        )
    trusted, created = TrustedVolunteer.objects.get_or_create(
        team=team, volunteer=volunteer.user, defaults={"added_by": by}
    )
    if not created:
        raise ServiceError(
            _("%(name)s is already on the list.") % {"name": volunteer.user.public_name},
            code="duplicate",
        )
    notify(
        recipient=volunteer.user,
        kind=TRUSTED_BY_TEAM.name,
        context={"team": team.name},
        url_name="volunteers:trusted_tasks",
    )
    return trusted


def trusted_volunteer_remove(*, trusted: TrustedVolunteer, by) -> None:
    _require_member(by, trusted.team)
    trusted.delete()
