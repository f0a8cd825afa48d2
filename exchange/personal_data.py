"""A person's data in the exchange: "download my data" and account deletion
(mijnbuurt.accounts.personal_data)."""

from django.db.models import Q

from .images import listing_photos_delete_files
from .matches import CreditTransfer, Feedback, Match
from .models import Block, Conversation, Listing, Message, Preference
from .photos import ListingPhoto
from .reports import Report


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
        "listing_photos": [
            {
                "listing": photo.listing.title,
                "photo": photo.image.name,
                "what_it_shows": photo.alt_text,
                "added_at": photo.created_at.isoformat(),
            }
            for photo in ListingPhoto.objects.filter(listing__owner=user)
            .select_related("listing")
            .order_by("pk")
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
                "listing": feedback.conversation.listing.title,
                "after_a_match": feedback.match_id is not None,
                "outcome": feedback.outcome,
                "thanks": feedback.thanks,
                "given_at": feedback.created_at.isoformat(),
            }
            for feedback in Feedback.objects.filter(author=user)
            .select_related("conversation__listing")
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
        # What they reported and the outcome; not whose listing or message it was.
        "reports_made": [
            {
                "about": report.kind,
                "reason": report.reason,
                "explanation": report.text,
                "reported_at": report.created_at.isoformat(),
                "outcome": report.outcome or None,
            }
            for report in Report.objects.filter(reporter=user).order_by("pk")
        ],
        "people_blocked": Block.objects.filter(blocker=user).count(),
        "neighbourhood_only": Preference.objects.filter(
            user=user, neighbourhood_only=True
        ).exists(),
    }


def exchange_personal_data_erase(user) -> None:
    """Their listings (with the conversations about them, and their photos with the
    files), their replies and what they wrote go; the other side of a conversation
    keeps nothing of them. Their open reports go; decided ones stay on record without
    them or their explanation."""
    Report.objects.filter(reporter=user, handled_at__isnull=True).delete()
    Report.objects.filter(reporter=user).update(reporter=None, text="")
    Message.objects.filter(sender=user).delete()
    Conversation.objects.filter(replier=user).delete()
    listing_photos_delete_files(Listing.objects.filter(owner=user))
    Listing.objects.filter(owner=user).delete()
    Preference.objects.filter(user=user).delete()
    Block.objects.filter(blocker=user).delete()
    Block.objects.filter(blocked=user).delete()
