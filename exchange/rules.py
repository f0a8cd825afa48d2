"""Who may see and act on listings and conversations (django-rules).

A listing that is open (or in contact) and not past its expiry is public. After that
only its owner and the people who replied to it see it. A conversation is seen by its
two sides only: the owner of the listing and the replier. No flag of the account
(superuser, staff) opens a conversation.
"""

import rules
from django.utils import timezone

from .models import LISTED_STATUSES


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def is_listed(user, listing) -> bool:
    if listing is None:
        return False
    return listing.status in LISTED_STATUSES and listing.expires_at > timezone.now()


@rules.predicate
def is_listing_owner(user, listing) -> bool:
    if listing is None or not _active(user):
        return False
    return listing.owner_id == user.pk


@rules.predicate
def has_replied(user, listing) -> bool:
    if listing is None or not _active(user):
        return False
    return listing.conversations.filter(replier=user).exists()


@rules.predicate
def is_conversation_party(user, conversation) -> bool:
    if conversation is None or not _active(user):
        return False
    return user.pk in (conversation.replier_id, conversation.listing.owner_id)


@rules.predicate
def is_logged_in(user, listing=None) -> bool:
    return _active(user)


rules.add_perm("exchange.view_listing", is_listed | is_listing_owner | has_replied)
rules.add_perm("exchange.change_listing", is_listing_owner)
rules.add_perm("exchange.reply_listing", is_logged_in & is_listed & ~is_listing_owner)
rules.add_perm("exchange.view_conversation", is_conversation_party)
