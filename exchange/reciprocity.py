"""Writes of matches, "is het gelukt?" and time credits (the services of
``exchange.matches``). Keyword-only, one transaction each, rows locked in a fixed
order (listing, then conversation), one ``ServiceError`` with a translated message."""

import logging
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.transitions import transition
from mijnbuurt.notifications.services import notify

from .kinds import EXCHANGE_FEEDBACK, EXCHANGE_MATCH
from .lifecycle import SYSTEM
from .matches import CreditMovement, CreditTransfer, Feedback, Match
from .models import ACTIVE_STATUSES, LISTED_STATUSES, Conversation, Listing, Message

log = logging.getLogger(__name__)

MAX_HOURS = Decimal("100")
FEEDBACK_STATUSES = (Listing.Status.DONE, Listing.Status.WITHDRAWN, Listing.Status.EXPIRED)


def _locked(conversation: Conversation, by: User) -> Conversation:
    """The conversation, its listing locked first; refused to anyone but its two sides."""
    Listing.objects.select_for_update().filter(pk=conversation.listing_id).first()
    locked = (
        Conversation.objects.select_for_update(of=("self",))
        .select_related("listing__owner", "replier")
        .get(pk=conversation.pk)
    )
    if by.pk not in (locked.listing.owner_id, locked.replier_id):
        raise ServiceError(_("You are not part of this conversation."), code="forbidden")
    return locked


def other_side(conversation: Conversation, user: User) -> User:
    owner = conversation.listing.owner
    return conversation.replier if user.pk == owner.pk else owner


def _tell(recipient: User, conversation: Conversation) -> None:
    notify(
        recipient=recipient,
        kind=EXCHANGE_MATCH.name,
        context={},
        url_name="exchange:conversation",
        url_kwargs={"pk": conversation.pk},
    )


def match_press(*, conversation: Conversation, by: User) -> Match:
    """ "We hebben een match": the first press proposes, the other side's press confirms.

    When confirmed, the listing becomes matched (if it was still open or in contact).
    Two presses at once by the two sides give one confirmed match.
    """
    with transaction.atomic():
        locked = _locked(conversation, by)
        listing = locked.listing
        if listing.status not in ACTIVE_STATUSES:
            raise ServiceError(_("This listing is closed."), code="closed")
        match = Match.objects.filter(conversation=locked).first()
        if match is None:
            match = Match.objects.create(conversation=locked, proposed_by=by)
            _tell(other_side(locked, by), locked)
            log.info("exchange conversation %s: match proposed", locked.pk)
            return match
        if match.is_confirmed:
            raise ServiceError(_("This match has already been confirmed."), code="confirmed")
        if match.proposed_by_id == by.pk:
            raise ServiceError(
                _("You have already said there is a match; the other person confirms it."),
                code="waiting",
            )
        match.confirmed_at = timezone.now()
        match.save(update_fields=["confirmed_at"])
        if listing.status in LISTED_STATUSES:
            transition(listing, Listing.Status.MATCHED, by=by, extra_roles={SYSTEM})
        _tell(other_side(locked, by), locked)
    log.info("exchange conversation %s: match confirmed", locked.pk)
    return match


def feedback_ask(listing: Listing) -> int:
    """Ask both sides "is het gelukt?" about each conversation of a closed listing that
    led to a confirmed match or in which both sides wrote (once each). Call inside the
    transaction that closed the listing."""
    asked = 0
    matched = dict(
        Match.objects.filter(
            conversation__listing=listing, confirmed_at__isnull=False
        ).values_list("conversation_id", "pk")
    )
    conversations = Conversation.objects.filter(listing=listing).filter(
        Q(pk__in=matched.keys()) | both_wrote()
    )
    for conversation in conversations.select_related("replier").order_by("pk"):
        match_pk = matched.get(conversation.pk)
        for person in (listing.owner, conversation.replier):
            # The key of a match's question stays as it was, so nobody is asked twice.
            key = (
                f"exchange_feedback:{match_pk}:{person.pk}"
                if match_pk
                else f"exchange_feedback_conversation:{conversation.pk}:{person.pk}"
            )
            sent = notify(
                recipient=person,
                kind=EXCHANGE_FEEDBACK.name,
                context={},
                url_name="exchange:feedback",
                url_kwargs={"pk": conversation.pk},
                once_key=key,
            )
            asked += sent is not None
    return asked


def both_wrote() -> Q:
    """A condition on conversations: at least one message from each side."""
    messages = Message.objects.filter(conversation=OuterRef("pk"))
    return Q(Exists(messages.filter(sender=OuterRef("listing__owner")))) & Q(
        Exists(messages.filter(sender=OuterRef("replier")))
    )


def feedback_give(
    *, conversation: Conversation, by: User, outcome: str, thanks: str = ""
) -> Feedback:
    """One side answers "is het gelukt?" about a conversation of a closed listing that
    led to a confirmed match or in which both sides wrote (once; a second answer
    replaces the first)."""
    if outcome not in Feedback.Outcome.values:
        raise ServiceError(_("Choose yes, partly or no."), code="outcome")
    thanks = (thanks or "").strip()
    if len(thanks) > 1000:
        raise ServiceError(_("A thank-you message has at most 1000 characters."), code="long")
    with transaction.atomic():
        locked = _locked(conversation, by)
        match = _feedback_possible(locked)
        if locked.listing.status not in FEEDBACK_STATUSES:
            raise ServiceError(
                _("You can answer this once the listing has been closed."), code="open"
            )
        feedback, _created = Feedback.objects.update_or_create(
            conversation=locked,
            author=by,
            defaults={"match": match, "outcome": outcome, "thanks": thanks},
        )
    return feedback


def thanks_show(*, conversation: Conversation, by: User, shown: bool) -> Feedback:
    """The person thanked agrees (or no longer agrees) to show the thanks on their profile."""
    with transaction.atomic():
        locked = _locked(conversation, by)
        feedback = (
            Feedback.objects.select_for_update()
            .filter(conversation=locked)
            .exclude(author=by)
            .exclude(thanks="")
            .first()
        )
        if feedback is None:
            raise ServiceError(_("There is no thank-you message for you yet."), code="none")
        feedback.thanks_shown = shown
        feedback.save(update_fields=["thanks_shown"])
    return feedback


def _feedback_possible(conversation: Conversation) -> Match | None:
    """The confirmed match, or None when there is none but both sides wrote; refused
    when neither."""
    match = Match.objects.filter(conversation=conversation, confirmed_at__isnull=False).first()
    if (
        match is None
        and not Conversation.objects.filter(pk=conversation.pk).filter(both_wrote()).exists()
    ):
        raise ServiceError(
            _(
                "You can say whether it worked out once you have both written in this "
                "conversation, or have confirmed a match."
            ),
            code="no_exchange",
        )
    return match


def _confirmed_match(conversation: Conversation) -> Match:
    match = Match.objects.filter(conversation=conversation, confirmed_at__isnull=False).first()
    if match is None:
        raise ServiceError(_("This conversation has no confirmed match."), code="no_match")
    return match


# --- Time credits -----------------------------------------------------------------------


def _hours(value) -> Decimal:
    try:
        hours = Decimal(str(value).replace(",", ".")).quantize(Decimal("0.25"))
    except (InvalidOperation, ValueError):
        raise ServiceError(_("Give the hours as a number, such as 1,5."), code="hours") from None
    if not Decimal("0") < hours <= MAX_HOURS:
        raise ServiceError(
            _("Give between a quarter of an hour and %(max)s hours.") % {"max": MAX_HOURS},
            code="hours",
        )
    return hours


def credit_record(*, conversation: Conversation, by: User, hours, gave: bool) -> CreditTransfer:
    """One side records the hours given (``gave``: by themselves, else by the other
    side); the other side confirms. One transfer waits for confirmation at a time."""
    hours = _hours(hours)
    with transaction.atomic():
        locked = _locked(conversation, by)
        _confirmed_match(locked)
        if CreditTransfer.objects.filter(conversation=locked, confirmed_at__isnull=True).exists():
            raise ServiceError(
                _("Hours are already waiting for confirmation in this conversation."),
                code="pending",
            )
        other = other_side(locked, by)
        giver, receiver = (by, other) if gave else (other, by)
        transfer = CreditTransfer.objects.create(
            conversation=locked, giver=giver, receiver=receiver, hours=hours, recorded_by=by
        )
        _tell(other, locked)
    return transfer


def credit_confirm(*, conversation: Conversation, by: User) -> CreditTransfer:
    """The other side confirms the waiting hours: two movements, +hours and -hours."""
    with transaction.atomic():
        locked = _locked(conversation, by)
        transfer = (
            CreditTransfer.objects.select_for_update()
            .filter(conversation=locked, confirmed_at__isnull=True)
            .first()
        )
        if transfer is None:
            raise ServiceError(_("No hours are waiting for confirmation."), code="none")
        if transfer.recorded_by_id == by.pk:
            raise ServiceError(
                _("The other person confirms the hours you recorded."), code="waiting"
            )
        transfer.confirmed_at = timezone.now()
        transfer.save(update_fields=["confirmed_at"])
        CreditMovement.objects.bulk_create(
            [
                CreditMovement(
                    transfer=transfer, person_id=transfer.giver_id, hours=transfer.hours
                ),
                CreditMovement(
                    transfer=transfer, person_id=transfer.receiver_id, hours=-transfer.hours
                ),
            ]
        )
    return transfer


def credit_decline(*, conversation: Conversation, by: User) -> None:
    """Either side removes hours still waiting for confirmation."""
    with transaction.atomic():
        locked = _locked(conversation, by)
        deleted, _rows = CreditTransfer.objects.filter(
            conversation=locked, confirmed_at__isnull=True
        ).delete()
        if not deleted:
            raise ServiceError(_("No hours are waiting for confirmation."), code="none")
