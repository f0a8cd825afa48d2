"""Writes of the exchange: listings (place, edit, close, extend, expire), the relay
(reply, message, read) and a person's preference. Keyword-only, validated, one
transaction each, rows locked in a fixed order (listing, then person), one
``ServiceError`` with a translated message."""

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.transitions import transition
from mijnbuurt.notifications.services import notify

from .kinds import EXCHANGE_MESSAGE
from .lifecycle import SYSTEM
from .models import (
    ACTIVE_STATUSES,
    LISTED_STATUSES,
    Block,
    Conversation,
    Listing,
    Message,
    Preference,
)
from .reciprocity import FEEDBACK_STATUSES, feedback_ask
from .selectors import organisations_for_paid_services, same_wijk

log = logging.getLogger(__name__)

DEFAULT_WEEKS = 8
MAX_WEEKS = 26
MAX_MESSAGE = 2000


def default_expiry(today: dt.date | None = None) -> dt.date:
    return (today or timezone.localdate()) + dt.timedelta(weeks=DEFAULT_WEEKS)


def _expiry(expires_on: dt.date | None) -> dt.datetime:
    today = timezone.localdate()
    day = expires_on or default_expiry(today)
    if day <= today:
        raise ServiceError(_("Choose an end date after today."), code="expiry")
    if day > today + dt.timedelta(weeks=MAX_WEEKS):
        raise ServiceError(
            _("Choose an end date within %(weeks)d weeks.") % {"weeks": MAX_WEEKS}, code="expiry"
        )
    end_of_day = dt.datetime.combine(day, dt.time(23, 59))
    return timezone.make_aware(end_of_day)


def _check_listing(*, owner, kind, category, organisation, price_info) -> None:
    if category.is_care:
        raise ServiceError(
            _(
                "This is care or support the area team gives, so it is not placed as a "
                "listing. Ask the area team for help instead: they keep it private."
            ),
            code="care",
        )
    if not category.is_active:
        raise ServiceError(_("Choose one of the categories."), code="category")
    if kind == Listing.Kind.PAID:
        allowed = organisations_for_paid_services(owner)
        if organisation is None or organisation.pk not in {o.pk for o in allowed}:
            raise ServiceError(
                _(
                    "Paid services are only for approved neighbourhood enterprises and "
                    "social organisations, placed by one of their members."
                ),
                code="paid",
            )
        if not price_info.strip():
            raise ServiceError(_("Say what the service costs."), code="price")


def listing_create(
    *,
    owner: User,
    direction: str,
    kind: str,
    title: str,
    description: str,
    category,
    neighbourhood,
    audience: str = Listing.Audience.EVERYONE,
    expires_on: dt.date | None = None,
    organisation=None,
    price_info: str = "",
) -> Listing:
    _check_listing(
        owner=owner,
        kind=kind,
        category=category,
        organisation=organisation,
        price_info=price_info,
    )
    paid = kind == Listing.Kind.PAID
    with transaction.atomic():
        listing = Listing.objects.create(
            owner=owner,
            direction=direction,
            kind=kind,
            title=title.strip(),
            description=description.strip(),
            category=category,
            neighbourhood=neighbourhood,
            audience=audience,
            expires_at=_expiry(expires_on),
            organisation=organisation if paid else None,
            price_info=price_info.strip() if paid else "",
        )
    log.info("exchange listing %s placed", listing.pk)
    return listing


def listing_update(*, listing: Listing, by: User, **fields) -> Listing:
    """The owner edits an active listing (not its offer/request or end date)."""
    with transaction.atomic():
        locked = Listing.objects.select_for_update().get(pk=listing.pk)
        if locked.owner_id != by.pk:
            raise ServiceError(
                _("Only the person who placed the listing can do this."), code="forbidden"
            )
        if locked.status not in ACTIVE_STATUSES:
            raise ServiceError(_("A closed listing cannot be changed."), code="closed")
        kind = fields.get("kind", locked.kind)
        paid = kind == Listing.Kind.PAID
        price_info = fields.get("price_info", locked.price_info) if paid else ""
        organisation = fields.get("organisation", locked.organisation) if paid else None
        _check_listing(
            owner=by,
            kind=kind,
            category=fields.get("category", locked.category),
            organisation=organisation,
            price_info=price_info,
        )
        for name in ("kind", "title", "description", "category", "neighbourhood", "audience"):
            if name in fields:
                value = fields[name]
                setattr(locked, name, value.strip() if isinstance(value, str) else value)
        locked.price_info, locked.organisation = price_info.strip(), organisation
        locked.save()
    return locked


def listing_close(*, listing: Listing, by: User, to: str) -> Listing:
    """The owner marks a match, closes or withdraws the listing. Once closed, both
    sides of each confirmed match are asked "is het gelukt?"."""
    with transaction.atomic():
        locked = Listing.objects.select_for_update().get(pk=listing.pk)
        transition(locked, to, by=by)
        if locked.status in FEEDBACK_STATUSES:
            feedback_ask(locked)
    return locked


def listing_extend(*, listing: Listing, by: User) -> Listing:
    """The owner gives the listing another default period (an expired one opens again)."""
    with transaction.atomic():
        locked = Listing.objects.select_for_update().get(pk=listing.pk)
        if locked.owner_id != by.pk:
            raise ServiceError(
                _("Only the person who placed the listing can do this."), code="forbidden"
            )
        expires_at = _expiry(default_expiry())
        if locked.status == Listing.Status.EXPIRED:
            transition(locked, Listing.Status.OPEN, by=by, changes={"expires_at": expires_at})
        elif locked.status in ACTIVE_STATUSES:
            locked.expires_at = expires_at
            locked.save(update_fields=["expires_at", "updated_at"])
        else:
            raise ServiceError(_("A closed listing cannot be extended."), code="closed")
    return locked


def listings_expire(*, now: dt.datetime | None = None) -> int:
    """Active listings past their end date become expired (the daily task); both sides
    of each confirmed match are asked "is het gelukt?" (once each, however often the
    task runs)."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            Listing.objects.select_for_update(skip_locked=True)
            .filter(status__in=ACTIVE_STATUSES, expires_at__lte=now)
            .order_by("pk")
        )
        for listing in due:
            transition(listing, Listing.Status.EXPIRED, by=None, extra_roles={SYSTEM})
            feedback_ask(listing)
    return len(due)


# --- The relay --------------------------------------------------------------------------


def _body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ServiceError(_("Write a message."), code="empty")
    if len(body) > MAX_MESSAGE:
        raise ServiceError(
            _("A message has at most %(max)d characters.") % {"max": MAX_MESSAGE}, code="long"
        )
    return body


def _neighbourhood_only(owner: User) -> bool:
    return Preference.objects.filter(user=owner, neighbourhood_only=True).exists()


def _blocked(*, sender: User, recipient_id: int) -> None:
    if Block.objects.filter(blocker_id=recipient_id, blocked=sender).exists():
        raise ServiceError(_("You cannot send messages to this person."), code="blocked")


def _may_reach(*, listing: Listing, replier: User) -> None:
    if listing.owner_id == replier.pk:
        raise ServiceError(_("You cannot reply to your own listing."), code="own")
    _blocked(sender=replier, recipient_id=listing.owner_id)
    if (
        listing.status not in ACTIVE_STATUSES
        or listing.expires_at <= timezone.now()
        or listing.hidden_at is not None
    ):
        raise ServiceError(_("This listing is closed."), code="closed")
    home = replier.home_neighbourhood
    neighbours_only = listing.audience == Listing.Audience.NEIGHBOURHOOD
    if neighbours_only and not same_wijk(home, listing.neighbourhood):
        raise ServiceError(
            _("Only people from this neighbourhood (wijk) may reply to this listing."),
            code="audience",
        )
    if _neighbourhood_only(listing.owner) and not same_wijk(
        home, listing.owner.home_neighbourhood
    ):
        raise ServiceError(
            _("This person only receives messages from people in their own neighbourhood."),
            code="audience",
        )


def _daily_cap(replier: User) -> None:
    cap = settings.EXCHANGE_DAILY_CONVERSATIONS
    since = timezone.now() - dt.timedelta(days=1)
    if Conversation.objects.filter(replier=replier, created_at__gte=since).count() >= cap:
        raise ServiceError(
            _(
                "You have started %(cap)d conversations in the last 24 hours, the most "
                "there can be in a day. Try again tomorrow."
            )
            % {"cap": cap},
            code="daily_cap",
        )


def _send(conversation: Conversation, *, sender: User, body: str, recipient: User) -> Message:
    message = Message.objects.create(conversation=conversation, sender=sender, body=body)
    read_field = (
        "owner_read_at" if sender.pk == conversation.listing.owner_id else "replier_read_at"
    )
    setattr(conversation, read_field, message.created_at)
    conversation.last_message_at = message.created_at
    conversation.save(update_fields=["last_message_at", read_field])
    notify(
        recipient=recipient,
        kind=EXCHANGE_MESSAGE.name,
        context={},
        url_name="exchange:conversation",
        url_kwargs={"pk": conversation.pk},
    )
    return message


def conversation_start(*, listing: Listing, replier: User, body: str) -> Conversation:
    """ "Reageer": the replier's conversation about ``listing`` (made once), with a message."""
    body = _body(body)
    with transaction.atomic():
        locked = (
            Listing.objects.select_for_update(of=("self",))
            .select_related("neighbourhood", "owner__home_neighbourhood")
            .get(pk=listing.pk)
        )
        person = (
            User.objects.select_for_update(of=("self",))
            .select_related("home_neighbourhood")
            .get(pk=replier.pk)
        )
        _may_reach(listing=locked, replier=person)
        conversation = Conversation.objects.filter(listing=locked, replier=person).first()
        if conversation is None:
            if locked.status not in LISTED_STATUSES:
                raise ServiceError(_("This listing takes no new replies."), code="closed")
            _daily_cap(person)
            try:
                with transaction.atomic():
                    conversation = Conversation.objects.create(listing=locked, replier=person)
            except IntegrityError:  # made meanwhile (the listing lock makes this rare)
                conversation = Conversation.objects.get(listing=locked, replier=person)
            if locked.status == Listing.Status.OPEN:
                transition(locked, Listing.Status.IN_CONTACT, by=person, extra_roles={SYSTEM})
        conversation.listing = locked
        _send(conversation, sender=person, body=body, recipient=locked.owner)
    log.info("exchange conversation %s: message from the replier", conversation.pk)
    return conversation


def message_send(*, conversation: Conversation, sender: User, body: str) -> Message:
    body = _body(body)
    with transaction.atomic():
        locked = (
            Conversation.objects.select_for_update(of=("self",))
            .select_related("listing__owner", "replier")
            .get(pk=conversation.pk)
        )
        owner = locked.listing.owner
        if sender.pk not in (owner.pk, locked.replier_id):
            raise ServiceError(_("You are not part of this conversation."), code="forbidden")
        if locked.listing.status not in ACTIVE_STATUSES:
            raise ServiceError(
                _("This listing is closed; the conversation can no longer continue."),
                code="closed",
            )
        recipient = locked.replier if sender.pk == owner.pk else owner
        _blocked(sender=sender, recipient_id=recipient.pk)
        message = _send(locked, sender=sender, body=body, recipient=recipient)
    return message


def conversation_mark_read(*, conversation: Conversation, user: User) -> None:
    field = "owner_read_at" if user.pk == conversation.listing.owner_id else "replier_read_at"
    Conversation.objects.filter(pk=conversation.pk).update(**{field: timezone.now()})


def person_block(*, conversation: Conversation, by: User) -> Block:
    """``by`` blocks the other side of ``conversation``."""
    owner_id = conversation.listing.owner_id
    if by.pk not in (owner_id, conversation.replier_id):
        raise ServiceError(_("You are not part of this conversation."), code="forbidden")
    other_id = conversation.replier_id if by.pk == owner_id else owner_id
    block, _created = Block.objects.get_or_create(blocker=by, blocked_id=other_id)
    log.info("exchange: user %s blocked user %s", by.pk, other_id)
    return block


def preference_set(*, user: User, neighbourhood_only: bool) -> Preference:
    preference, _created = Preference.objects.update_or_create(
        user=user, defaults={"neighbourhood_only": neighbourhood_only}
    )
    return preference
