"""Writes and rules of help requests: filing, triage, messages, satisfaction, deletion.

Every action of a professional or staff member writes an ``AccessLog`` row; every
status change goes through ``help_request_transition``. Error messages never quote
anything of a request.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify
from neighbourhoods.models import AreaTeam, Organisation, TeamMembership

from .kinds import HELP_REQUEST_NEWS, HELP_REQUEST_TEAM
from .lifecycle import HELP_REQUEST, RESIDENT, TEAM
from .models import (
    CLOSED_STATUSES,
    AccessLog,
    HelpMessage,
    HelpRequest,
    HelpStatus,
    Satisfaction,
)
from .rules import handles_help_request

MAX_TEXT = 4000
D = HelpMessage.Direction


def actor_roles(*, user, help_request: HelpRequest) -> set[str]:
    return HELP_REQUEST.roles_of(user, help_request)


def _require(role: str, *, user, help_request: HelpRequest) -> None:
    if role not in actor_roles(user=user, help_request=help_request):
        raise ServiceError(_("You may not do this with this request."), code="forbidden")


def view_period(at: dt.datetime) -> dt.datetime:
    """The start of the period (``HELP_REQUEST_VIEW_LOG_MINUTES`` long) that ``at`` is in."""
    seconds = max(1, settings.HELP_REQUEST_VIEW_LOG_MINUTES) * 60
    stamp = int(at.timestamp())
    return dt.datetime.fromtimestamp(stamp - stamp % seconds, tz=dt.UTC)


def log_access(help_request: HelpRequest, *, by, action: str) -> None:
    """Write who did what with the request to its audit log.

    Views by one person within one period of ``HELP_REQUEST_VIEW_LOG_MINUTES`` are one
    entry (the first): a unique constraint on request, person and period decides, in
    one statement, so two requests at the same moment cannot write two.
    """
    entry = AccessLog(
        request=help_request,
        request_number=help_request.pk,
        user=by,
        action=action,
        at=timezone.now(),
    )
    if action == AccessLog.Action.VIEW and by is not None:
        entry.view_period = view_period(entry.at)
        AccessLog.objects.bulk_create([entry], ignore_conflicts=True)
    else:
        entry.save()


def notify_resident(help_request: HelpRequest) -> None:
    """ "You have a new message about your request", with a link; nothing else."""
    requester = help_request.requester
    if requester is None or not requester.is_active:
        return
    notify(
        recipient=requester,
        kind=HELP_REQUEST_NEWS.name,
        context={},
        url_name="help:detail",
        url_kwargs={"pk": help_request.pk},
    )


def notify_team(help_request: HelpRequest, *, exclude: User | None = None) -> None:
    """The assignee, or else every member of the covering team; no content."""
    if help_request.assignee_id:
        ids = {help_request.assignee_id}
    elif help_request.team_id:
        ids = set(
            TeamMembership.objects.filter(team_id=help_request.team_id).values_list(
                "user_id", flat=True
            )
        )
    else:
        return  # the fallback queue: staff look at it in the team pages
    if exclude is not None:
        ids.discard(exclude.pk)
    for user in User.objects.filter(pk__in=ids, is_active=True).order_by("pk"):
        notify(
            recipient=user,
            kind=HELP_REQUEST_TEAM.name,
            context={},
            url_name="help:team_detail",
            url_kwargs={"pk": help_request.pk},
        )


def clean_text(text: str, *, required_message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError(required_message, code="empty")
    if len(text) > MAX_TEXT:
        raise ServiceError(
            _("Please keep it shorter than %(max)d characters.") % {"max": MAX_TEXT},
            code="too_long",
        )
    return text


def help_request_viewed(*, help_request: HelpRequest, by: User) -> None:
    """A professional or staff member opened the request: write it to the audit log."""
    log_access(help_request, by=by, action=AccessLog.Action.VIEW)


def reopen_possible(help_request: HelpRequest, *, now: dt.datetime | None = None) -> bool:
    """A resident may reopen a resolved request within HELP_REQUEST_REOPEN_DAYS."""
    if help_request.status != HelpStatus.RESOLVED or help_request.closed_at is None:
        return False
    limit = dt.timedelta(days=settings.HELP_REQUEST_REOPEN_DAYS)
    return (now or timezone.now()) - help_request.closed_at <= limit


def _locked(help_request: HelpRequest) -> HelpRequest:
    locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if locked.anonymised_at is not None:
        raise ServiceError(_("This request has been anonymised."), code="anonymised")
    return locked


@transaction.atomic
def help_request_transition(
    *,
    help_request: HelpRequest,
    to_status: str,
    by: User,
    note: str = "",
    organisation: Organisation | None = None,
    tell_resident: bool = True,
) -> HelpRequest:
    """Move a request along the table in lifecycle.py; record who, when, from, to, note.

    ``tell_resident=False``: a step on the way to another one in the same action (the
    hand-over's "in triage" before "handed to a volunteer"), so the resident gets one
    e-mail for the action, not one per step.
    """
    locked = _locked(help_request)
    step = HELP_REQUEST.check(locked, to_status, by=by, note=note)
    changes = {"closed_at": step.at if to_status in CLOSED_STATUSES else None}
    if to_status == HelpStatus.REFERRED:
        if organisation is None or not organisation.is_approved:
            raise ServiceError(
                _("Choose the organisation from the social map."), code="organisation"
            )
        changes["referred_to"] = organisation
    if to_status == HelpStatus.HANDED_TO_VOLUNTEER and not locked.volunteers_may_help:
        raise ServiceError(
            _(
                "This request cannot go to a volunteer: the kind of help is for "
                "professionals, or the resident did not consent."
            ),
            code="not_for_volunteers",
        )
    reopening = TEAM not in step.roles and to_status == HelpStatus.IN_TRIAGE
    if reopening and not reopen_possible(locked, now=step.at):
        raise ServiceError(
            _("This request can no longer be reopened. Ask for help again."),
            code="reopen_expired",
        )
    step.apply(changes=changes)
    if TEAM in step.roles:
        log_access(locked, by=by, action=AccessLog.Action.STATUS)
        if tell_resident:
            notify_resident(locked)
    else:
        notify_team(locked, exclude=by)
    help_request.status, help_request.closed_at = locked.status, locked.closed_at
    return locked


@transaction.atomic
def help_request_assign(
    *, help_request: HelpRequest, by: User, assignee: User | None
) -> HelpRequest:
    """Assign to a member of the covering team (or, in the fallback queue, to staff)."""
    locked = _locked(help_request)
    _require(TEAM, user=by, help_request=locked)
    if assignee is not None and not handles_help_request.test(assignee, locked):
        raise ServiceError(
            _("Choose someone of the team that covers this request."), code="not_in_team"
        )
    locked.assignee = assignee
    locked.save(update_fields=["assignee", "updated_at"])
    log_access(locked, by=by, action=AccessLog.Action.ASSIGN)
    help_request.assignee = assignee
    return locked


@transaction.atomic
def help_request_assign_team(
    *, help_request: HelpRequest, team: AreaTeam, by: User
) -> HelpRequest:
    """Municipal staff move an open request to another area team (wrong area, capacity).

    The assignee belonged to the old team, so the request goes back to the new team's
    queue unassigned; the new team is told (without content) and the audit log records it.
    """
    if not (by is not None and by.is_authenticated and by.is_active and by.is_staff):
        raise ServiceError(
            _("Only municipal staff can move a request to another team."), code="forbidden"
        )
    locked = _locked(help_request)
    if locked.status in CLOSED_STATUSES:
        raise ServiceError(_("This request is closed."), code="closed")
    if team is None:
        raise ServiceError(_("Choose an area team."), code="no_team")
    if locked.team_id == team.pk:
        raise ServiceError(_("This request is already with that team."), code="same_team")
    locked.team = team
    locked.assignee = None
    locked.save(update_fields=["team", "assignee", "updated_at"])
    log_access(locked, by=by, action=AccessLog.Action.ASSIGN)
    notify_team(locked, exclude=by)
    help_request.team, help_request.assignee = team, None
    return locked


def first_contact_made(locked: HelpRequest, *, by: User, at: dt.datetime) -> None:
    """The team reached the resident for the first time: the request is no longer new.

    A new request goes into triage (in its history, by ``by``) and an unassigned one
    goes to ``by``, so the queue never says "new, nobody, contact made" at once. The
    caller holds the row lock, writes the audit entry of its own action and tells the
    resident once (this step sends nothing of its own).
    """
    if locked.first_contact_at is not None:
        return
    changes = {"first_contact_at": at}
    if locked.assignee_id is None:
        changes["assignee"] = by
    if locked.status == HelpStatus.NEW:
        HELP_REQUEST.check(locked, HelpStatus.IN_TRIAGE, by=by).apply(changes=changes)
        return
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*changes, "updated_at"])


@transaction.atomic
def help_contact_record(*, help_request: HelpRequest, by: User) -> HelpRequest:
    """The professional spoke with the resident (phone, visit): first contact is made."""
    locked = _locked(help_request)
    _require(TEAM, user=by, help_request=locked)
    first_contact_made(locked, by=by, at=timezone.now())
    log_access(locked, by=by, action=AccessLog.Action.CONTACT)
    _copy_state(locked, help_request)
    return locked


def _copy_state(locked: HelpRequest, help_request: HelpRequest) -> None:
    """Show the caller's object what the service changed on the locked row."""
    for name in ("status", "assignee_id", "first_contact_at"):
        setattr(help_request, name, getattr(locked, name))


@transaction.atomic
def help_message_send(
    *, help_request: HelpRequest, by: User, body: str, asks_for_information: bool = False
) -> HelpMessage:
    """A message from the team to the resident (also "ask for more information")."""
    locked = _locked(help_request)
    _require(TEAM, user=by, help_request=locked)
    if locked.requester_id is None:
        raise ServiceError(
            _("This person has no account: contact them by phone, e-mail or a visit."),
            code="no_account",
        )
    body = clean_text(body, required_message=_("Write a message."))
    message = HelpMessage.objects.create(
        request=locked,
        author=by,
        direction=D.TO_RESIDENT,
        body=body,
        asks_for_information=asks_for_information,
    )
    first_contact_made(locked, by=by, at=message.created_at)
    log_access(locked, by=by, action=AccessLog.Action.MESSAGE)
    notify_resident(locked)  # one e-mail for the message, also when it started triage
    _copy_state(locked, help_request)
    return message


@transaction.atomic
def help_note_add(*, help_request: HelpRequest, by: User, body: str) -> HelpMessage:
    """An internal note: the team sees it, the resident never does."""
    locked = _locked(help_request)
    _require(TEAM, user=by, help_request=locked)
    body = clean_text(body, required_message=_("Write a note."))
    note = HelpMessage.objects.create(request=locked, author=by, direction=D.INTERNAL, body=body)
    log_access(locked, by=by, action=AccessLog.Action.NOTE)
    return note


@transaction.atomic
def help_reply_send(*, help_request: HelpRequest, by: User, body: str) -> HelpMessage:
    """The resident answers the team."""
    locked = _locked(help_request)
    _require(RESIDENT, user=by, help_request=locked)
    if not locked.is_open:
        raise ServiceError(
            _("This request is closed. Reopen it or ask for help again."), code="closed"
        )
    body = clean_text(body, required_message=_("Write a message."))
    message = HelpMessage.objects.create(
        request=locked, author=by, direction=D.FROM_RESIDENT, body=body
    )
    notify_team(locked, exclude=by)
    return message


@transaction.atomic
def help_satisfaction_give(
    *, help_request: HelpRequest, by: User, score: int, comment: str = ""
) -> Satisfaction:
    locked = _locked(help_request)
    _require(RESIDENT, user=by, help_request=locked)
    if locked.status != HelpStatus.RESOLVED:
        raise ServiceError(
            _("You can say how satisfied you are once your request is resolved."),
            code="not_resolved",
        )
    if Satisfaction.objects.filter(request=locked).exists():
        raise ServiceError(_("You already told us how satisfied you are. Thank you!"), code="done")
    if score not in range(1, 6):
        raise ServiceError(_("Choose a score from 1 to 5."), code="score")
    return Satisfaction.objects.create(
        request=locked, score=score, comment=(comment or "").strip()[:MAX_TEXT]
    )


@transaction.atomic
def help_request_delete(*, help_request: HelpRequest, by: User) -> None:
    """The resident deletes a closed request, with its messages and history."""
    locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    _require(RESIDENT, user=by, help_request=locked)
    if not locked.is_closed:
        raise ServiceError(
            _("Withdraw your request first; then you can delete it."), code="still_open"
        )
    locked.delete()
