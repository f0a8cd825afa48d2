"""Who may see and act on listings and conversations (django-rules).

A listing that is open (or in contact) and not past its expiry is public. After that
only its owner and the people who replied to it see it. A conversation is seen by its
two sides only: the owner of the listing and the replier. No flag of the account
(superuser, staff) opens a conversation; a moderator (staff with two-factor
authentication) reads one only through an open report of a message in it.

A listing hidden by reports or a moderator is seen by its owner only.
"""

import rules
from django.utils import timezone

from mijnbuurt.core.mfa import role_predicate

from .models import LISTED_STATUSES


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def is_listed(user, listing) -> bool:
    if listing is None:
        return False
    return (
        listing.status in LISTED_STATUSES
        and listing.expires_at > timezone.now()
        and listing.hidden_at is None
    )


@rules.predicate
def is_hidden(user, listing) -> bool:
    return listing is not None and listing.hidden_at is not None


@rules.predicate
def is_listing_owner(user, listing) -> bool:
    if listing is None or not _active(user):
        return False
    return listing.owner_id == user.pk


@rules.predicate
def has_replied(user, listing) -> bool:
    if listing is None or not _active(user) or listing.hidden_at is not None:
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


@role_predicate
@rules.predicate
def is_moderator(user) -> bool:
    """Municipal staff moderate (their pages also ask for two-factor authentication)."""
    return _active(user) and user.is_staff


@rules.predicate
def has_open_report(user, listing) -> bool:
    return listing is not None and listing.reports.filter(handled_at__isnull=True).exists()


@rules.predicate
def is_open_message_report(user, report) -> bool:
    return report is not None and report.message_id is not None and report.handled_at is None


rules.add_perm("exchange.view_listing", is_listed | is_listing_owner | has_replied)
rules.add_perm(
    "exchange.report_listing",
    is_logged_in & ~is_listing_owner & ~is_hidden & (is_listed | has_replied),
)
rules.add_perm("exchange.change_listing", is_listing_owner)
# A photo's file (exchange.media): public while listed, else its owner's only; and a
# moderator's while the listing has an open report (they judge the photos too).
rules.add_perm(
    "exchange.view_listing_photo",
    is_listed | is_listing_owner | (is_moderator & has_open_report),
)
rules.add_perm("exchange.reply_listing", is_logged_in & is_listed & ~is_listing_owner)
rules.add_perm("exchange.view_conversation", is_conversation_party)
rules.add_perm("exchange.read_reported_conversation", is_moderator & is_open_message_report)
