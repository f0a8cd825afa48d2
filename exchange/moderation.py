"""Reports and moderation of the exchange: report a listing or one message, a moderator
hides or dismisses, and the log of a moderator reading a reported conversation.

Keyword-only, validated, one transaction each, one ``ServiceError`` with a translated
message. A listing with open reports from three different people is hidden at once,
in the transaction of the third report, with the listing's row locked, so that reports
made at the same moment hide it exactly once. It stays hidden until a moderator
decides: hiding keeps it hidden, dismissing shows it again; both close its open
reports, and the owner hears of either. Moderators are municipal staff (``is_staff``;
their views also ask for two-factor authentication).
"""

import logging

import rules
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from .kinds import EXCHANGE_MODERATION
from .models import Conversation, Listing, Message
from .reports import MAX_REPORT_CHARS, ConversationAccess, Report

log = logging.getLogger(__name__)

# Open reports from this many different people hide a listing until a moderator decides.
HIDE_AFTER_REPORTS = 3

Item = Listing | Message


def _require_login(by) -> None:
    if not by.is_authenticated or not by.is_active:
        raise ServiceError(_("Log in first."), code="login")


def _require_moderator(by) -> None:
    if not by.is_authenticated or not by.is_active or not by.is_staff:
        raise ServiceError(_("Only moderators of the municipality can do this."), code="forbidden")


def _clean(reason: str, text: str) -> str:
    if reason not in Report.Reason.values:
        raise ServiceError(_("Choose why you report this."), code="reason")
    text = (text or "").strip()
    if len(text) > MAX_REPORT_CHARS:
        raise ServiceError(
            _("Your explanation can be at most %(count)d characters.")
            % {"count": MAX_REPORT_CHARS},
            code="too_long",
        )
    if reason == Report.Reason.OTHER and not text:
        raise ServiceError(
            _("Explain briefly what is wrong, so the moderators know what to look at."),
            code="no_text",
        )
    return text


def _create(*, by: User, reason: str, text: str, **item) -> Report:
    try:
        with transaction.atomic():
            return Report.objects.create(reporter=by, reason=reason, text=text, **item)
    except IntegrityError:
        raise ServiceError(
            _("You already reported this. The moderators will look at it soon."),
            code="duplicate",
        ) from None


def _notify_owner(listing: Listing, *, action: str) -> None:
    """``action``: "pending" (hidden by reports), "hidden" or "restored" (a moderator)."""
    owner = listing.owner
    if not owner.is_active:
        return
    notify(
        recipient=owner,
        kind=EXCHANGE_MODERATION.name,
        context={"listing_id": listing.pk, "title": listing.title, "action": action},
        url_name="exchange:detail",
        url_kwargs={"pk": listing.pk},
    )


def _open_reports(**item):
    return Report.objects.filter(handled_at__isnull=True, **item)


# --- Reports ----------------------------------------------------------------------------


@transaction.atomic
def report_listing(*, listing: Listing, by: User, reason: str, text: str = "") -> Report:
    """Someone who can see ``listing`` reports it, once while their report is open.
    The third open report from different people hides it pending review."""
    _require_login(by)
    text = _clean(reason, text)
    locked = (
        Listing.objects.select_for_update(of=("self",)).select_related("owner").get(pk=listing.pk)
    )
    if locked.owner_id == by.pk:
        raise ServiceError(_("You cannot report something you posted yourself."), code="own")
    if locked.hidden_at is not None or not rules.has_perm("exchange.view_listing", by, locked):
        raise ServiceError(
            _("This cannot be reported: it is not visible to everyone."), code="not_public"
        )
    report = _create(by=by, reason=reason, text=text, listing=locked)
    reporters = (
        _open_reports(listing=locked)
        .exclude(reporter__isnull=True)
        .values("reporter")
        .distinct()
        .count()
    )
    if reporters >= HIDE_AFTER_REPORTS:
        locked.hidden_at, locked.hidden_by = timezone.now(), None
        locked.save(update_fields=["hidden_at", "hidden_by", "updated_at"])
        _notify_owner(locked, action="pending")
        log.info("exchange listing %s hidden pending review (%d reports)", locked.pk, reporters)
    return report


@transaction.atomic
def report_message(*, message: Message, by: User, reason: str, text: str = "") -> Report:
    """A side of the conversation reports a message of the other side."""
    _require_login(by)
    text = _clean(reason, text)
    locked = (
        Message.objects.select_for_update(of=("self",))
        .select_related("conversation__listing")
        .get(pk=message.pk)
    )
    conversation = locked.conversation
    if by.pk not in (conversation.replier_id, conversation.listing.owner_id):
        raise ServiceError(_("You are not part of this conversation."), code="forbidden")
    if locked.sender_id == by.pk:
        raise ServiceError(_("You cannot report something you posted yourself."), code="own")
    if locked.hidden_at is not None:
        raise ServiceError(_("This has already been hidden."), code="already_hidden")
    return _create(by=by, reason=reason, text=text, message=locked)


# --- Moderation ---------------------------------------------------------------------------


def _locked(item: Item) -> Item:
    queryset = type(item).objects.select_for_update(of=("self",))
    if isinstance(item, Listing):
        queryset = queryset.select_related("owner")
    return queryset.get(pk=item.pk)


def _field(item: Item) -> dict:
    return {"listing": item} if isinstance(item, Listing) else {"message": item}


def _handle(item: Item, *, by: User, outcome: str) -> int:
    return _open_reports(**_field(item)).update(
        handled_at=timezone.now(), handled_by=by, outcome=outcome
    )


@transaction.atomic
def moderation_hide(*, item: Item, by: User) -> Item:
    """Keep ``item`` hidden (or hide it), with ``by`` as the one who decided; its open
    reports are closed. The owner of a listing is told."""
    _require_moderator(by)
    locked = _locked(item)
    if locked.hidden_by_id is not None and locked.hidden_at is not None:
        raise ServiceError(_("This has already been hidden."), code="already_hidden")
    locked.hidden_at, locked.hidden_by = locked.hidden_at or timezone.now(), by
    fields = ["hidden_at", "hidden_by"]
    locked.save(update_fields=[*fields, "updated_at"] if isinstance(locked, Listing) else fields)
    _handle(locked, by=by, outcome=Report.Outcome.HIDDEN)
    if isinstance(locked, Listing):
        _notify_owner(locked, action="hidden")
    log.info("exchange %s %s hidden by moderator %s", type(locked).__name__, locked.pk, by.pk)
    return locked


@transaction.atomic
def moderation_dismiss(*, item: Item, by: User) -> int:
    """The reports about ``item`` are unfounded: they are closed and a listing hidden
    pending review is shown again (its owner is told). Returns how many were closed."""
    _require_moderator(by)
    locked = _locked(item)
    handled = _handle(locked, by=by, outcome=Report.Outcome.DISMISSED)
    if not handled:
        raise ServiceError(_("There are no open reports about this."), code="no_reports")
    if isinstance(locked, Listing) and locked.hidden_at is not None:
        locked.hidden_at, locked.hidden_by = None, None
        locked.save(update_fields=["hidden_at", "hidden_by", "updated_at"])
        _notify_owner(locked, action="restored")
    log.info("exchange %s %s: %d reports dismissed", type(locked).__name__, locked.pk, handled)
    return handled


def conversation_access_log(*, report: Report, by: User) -> ConversationAccess:
    """A moderator reads the conversation of a reported message: who, when, which (one
    row per read)."""
    _require_moderator(by)
    if report.message_id is None or report.handled_at is not None:
        raise ServiceError(_("There are no open reports about this."), code="no_reports")
    conversation_id = report.message.conversation_id
    return ConversationAccess.objects.create(
        user=by,
        conversation=Conversation(pk=conversation_id),
        conversation_number=conversation_id,
        report=report,
    )
