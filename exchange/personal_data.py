"""A person's data in the exchange: "download my data" and account deletion
(mijnbuurt.accounts.personal_data)."""

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
