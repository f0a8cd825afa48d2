"""Reads of matches, feedback and time credits: what the conversation page shows,
a person's balance ("gegeven / ontvangen") and the thanks shown on their profile."""

from decimal import Decimal

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Sum

from .matches import CreditMovement, CreditTransfer, Feedback, Match
from .models import Conversation
from .reciprocity import FEEDBACK_STATUSES, both_wrote


def match_of(conversation) -> Match | None:
    """The conversation's match (``select_related("match")`` makes this free)."""
    try:
        return conversation.match
    except Match.DoesNotExist:
        return None


def reciprocity_for_page(conversation, user) -> dict:
    """The match, the hours waiting for confirmation and whether "is het gelukt?" is
    open, with this person's answer: at most three queries."""
    match = match_of(conversation)
    confirmed = bool(match and match.is_confirmed)
    pending = None
    if confirmed:
        pending = (
            CreditTransfer.objects.filter(conversation=conversation, confirmed_at__isnull=True)
            .select_related("giver")
            .first()
        )
    feedback_open = conversation.listing.status in FEEDBACK_STATUSES and (
        confirmed or conversation_both_wrote(conversation)
    )
    answered = (
        feedback_open and Feedback.objects.filter(conversation=conversation, author=user).exists()
    )
    return {
        "match": match,
        "pending_hours": pending,
        "feedback_open": feedback_open,
        "feedback_answered": answered,
    }


def conversation_both_wrote(conversation) -> bool:
    return Conversation.objects.filter(pk=conversation.pk).filter(both_wrote()).exists()


def feedback_possible(conversation) -> bool:
    """Whether "is het gelukt?" may be answered about ``conversation`` now."""
    if conversation.listing.status not in FEEDBACK_STATUSES:
        return False
    match = match_of(conversation)
    return bool(match and match.is_confirmed) or conversation_both_wrote(conversation)


def conversations_with_feedback_due(queryset: QuerySet, user) -> QuerySet:
    """``feedback_due`` on each conversation: its listing closed, a confirmed match or
    both sides wrote, and ``user`` has not answered yet (in the same query)."""
    answered = Feedback.objects.filter(conversation=OuterRef("pk"), author=user)
    return queryset.annotate(
        feedback_due=ExpressionWrapper(
            Q(listing__status__in=FEEDBACK_STATUSES)
            & (Q(match__confirmed_at__isnull=False) | both_wrote())
            & ~Exists(answered),
            output_field=BooleanField(),
        )
    )


def credit_balance(user) -> dict:
    """Hours this person gave and received (confirmed transfers only)."""
    totals = CreditMovement.objects.filter(person=user).aggregate(
        given=Sum("hours", filter=Q(hours__gt=0)), received=Sum("hours", filter=Q(hours__lt=0))
    )
    return {
        "given": totals["given"] or Decimal("0"),
        "received": -(totals["received"] or Decimal("0")),
    }


def feedback_of(conversation) -> QuerySet[Feedback]:
    """Both sides' answers about ``conversation``."""
    return Feedback.objects.filter(conversation=conversation).select_related("author")


def thanks_for_profile(user) -> QuerySet[Feedback]:
    """Thank-you messages to this person that they agreed to show."""
    return (
        Feedback.objects.filter(thanks_shown=True)
        .exclude(thanks="")
        .exclude(author=user)
        .filter(Q(conversation__replier=user) | Q(conversation__listing__owner=user))
        .select_related("author")
        .order_by("-created_at")
    )
