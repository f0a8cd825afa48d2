"""Reads of matches, feedback and time credits: what the conversation page shows,
a person's balance ("gegeven / ontvangen") and the thanks shown on their profile."""

from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from .matches import CreditMovement, CreditTransfer, Feedback, Match
from .reciprocity import FEEDBACK_STATUSES


def match_of(conversation) -> Match | None:
    """The conversation's match (``select_related("match")`` makes this free)."""
    try:
        return conversation.match
    except Match.DoesNotExist:
        return None


def reciprocity_for_page(conversation, user) -> dict:
    """The match, and the hours waiting for confirmation, of a conversation: one query."""
    match = match_of(conversation)
    pending = None
    if match is not None and match.is_confirmed:
        pending = (
            CreditTransfer.objects.filter(conversation=conversation, confirmed_at__isnull=True)
            .select_related("giver")
            .first()
        )
    return {
        "match": match,
        "pending_hours": pending,
        "feedback_open": bool(
            match and match.is_confirmed and conversation.listing.status in FEEDBACK_STATUSES
        ),
    }


def credit_balance(user) -> dict:
    """Hours this person gave and received (confirmed transfers only)."""
    totals = CreditMovement.objects.filter(person=user).aggregate(
        given=Sum("hours", filter=Q(hours__gt=0)), received=Sum("hours", filter=Q(hours__lt=0))
    )
    return {
        "given": totals["given"] or Decimal("0"),
        "received": -(totals["received"] or Decimal("0")),
    }


def feedback_of(match: Match) -> QuerySet[Feedback]:
    return match.feedback.select_related("author")


def thanks_for_profile(user) -> QuerySet[Feedback]:
    """Thank-you messages to this person that they agreed to show."""
    return (
        Feedback.objects.filter(thanks_shown=True)
        .exclude(thanks="")
        .exclude(author=user)
        .filter(Q(match__conversation__replier=user) | Q(match__conversation__listing__owner=user))
        .select_related("author")
        .order_by("-created_at")
    )
