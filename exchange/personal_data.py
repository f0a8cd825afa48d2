"""A person's data in the exchange: "download my data" and account deletion
(mijnbuurt.accounts.personal_data)."""

from django.db.models import Q

from .matches import CreditTransfer, Feedback, Match
from .models import Block, Conversation, Listing, Message, Preference


def exchange_personal_data_export(user) -> dict:
    return {
        "listings": [
            {
                "title": listing.title,
                "description": listing.description,
                "direction": listing.direction,
                "kind": listing.kind,
                "status": listing.status,
                "created_at": listing.created_at.isoformat(),
            }
            for listing in Listing.objects.filter(owner=user).order_by("pk")
        ],
        "messages_sent": [
            {
                "conversation": message.conversation_id,
                "listing": message.conversation.listing.title,
                "body": message.body,
                "sent_at": message.created_at.isoformat(),
            }
            for message in Message.objects.filter(sender=user)
            .select_related("conversation__listing")
            .order_by("pk")
        ],
        "matches": [
            {
                "listing": match.conversation.listing.title,
                "proposed_at": match.proposed_at.isoformat(),
                "confirmed_at": match.confirmed_at.isoformat() if match.confirmed_at else None,
            }
            for match in Match.objects.filter(
                Q(conversation__replier=user) | Q(conversation__listing__owner=user)
            )
            .select_related("conversation__listing")
            .order_by("pk")
        ],
        "did_it_work_out": [
            {
                "listing": feedback.match.conversation.listing.title,
                "outcome": feedback.outcome,
                "thanks": feedback.thanks,
                "given_at": feedback.created_at.isoformat(),
            }
            for feedback in Feedback.objects.filter(author=user)
            .select_related("match__conversation__listing")
            .order_by("pk")
        ],
        # Hours only: who the other side was is their data, not this person's.
        "time_credits": [
            {
                "direction": "given" if transfer.giver_id == user.pk else "received",
                "hours": str(transfer.hours),
                "recorded_at": transfer.recorded_at.isoformat(),
                "confirmed_at": (
                    transfer.confirmed_at.isoformat() if transfer.confirmed_at else None
                ),
            }
            for transfer in CreditTransfer.objects.filter(Q(giver=user) | Q(receiver=user))
            .only("giver_id", "hours", "recorded_at", "confirmed_at")
            .order_by("pk")
        ],
        "people_blocked": Block.objects.filter(blocker=user).count(),
        "neighbourhood_only": Preference.objects.filter(
            user=user, neighbourhood_only=True
        ).exists(),
    }


def exchange_personal_data_erase(user) -> None:
    """Their listings (with the conversations about them), their replies and what they
    wrote go; the other side of a conversation keeps nothing of them."""
    Message.objects.filter(sender=user).delete()
    Conversation.objects.filter(replier=user).delete()
    Listing.objects.filter(owner=user).delete()
    Preference.objects.filter(user=user).delete()
    Block.objects.filter(blocker=user).delete()
    Block.objects.filter(blocked=user).delete()
