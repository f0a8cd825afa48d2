"""Bookings in "download my data", and what deleting an account does to them."""

from django.utils import timezone

from ..models import Booking, CalendarFeed


def venue_bookings_personal_data_export(user) -> list[dict]:
    return [
        {
            "venue": b.room.venue.name,
            "room": b.room.name,
            "start": b.start.isoformat(),
            "end": b.end.isoformat(),
            "purpose": b.purpose,
            "phone": b.booker_phone,
            "attendees": b.attendees,
            "kind_of_use": b.booker_kind,
            "price": str(b.price),
            "status": b.status,
            "initiative": b.initiative.title if b.initiative else None,
        }
        for b in Booking.objects.filter(booker=user).select_related("room__venue", "initiative")
    ]


def venue_bookings_personal_data_erase(user) -> None:
    """Future bookings are withdrawn (the room is free again). Past ones stay in the
    venue's records (occupancy, revenue) without their purpose or phone number; the
    anonymised account shows as a former resident there."""
    Booking.objects.filter(
        booker=user, status__in=Booking.ACTIVE, start__gt=timezone.now()
    ).update(status=Booking.Status.CANCELLED)
    Booking.objects.filter(booker=user).update(purpose="", booker_phone="", decision_reason="")
    CalendarFeed.objects.filter(user=user).delete()
    user.managed_venues.clear()
