"""Who may see a venue, manage it, and see a booking (django-rules, per object)."""

import rules


@rules.predicate
def is_venue_manager(user, venue) -> bool:
    if venue is None or not user.is_authenticated:
        return False
    return venue.managers.filter(pk=user.pk).exists()


@rules.predicate
def is_published(user, venue) -> bool:
    return venue is not None and venue.is_published


@rules.predicate
def is_booker(user, booking) -> bool:
    if booking is None or not user.is_authenticated:
        return False
    return booking.booker_id == user.pk


@rules.predicate
def manages_booked_venue(user, booking) -> bool:
    if booking is None or not user.is_authenticated:
        return False
    return booking.room.venue.managers.filter(pk=user.pk).exists()


rules.add_perm("venues.view_venue", is_published | is_venue_manager)
rules.add_perm("venues.manage_venue", is_venue_manager)
rules.add_perm("venues.view_booking", is_booker | manages_booked_venue)
rules.add_perm("venues.cancel_booking", is_booker | manages_booked_venue)
rules.add_perm("venues.decide_booking", manages_booked_venue)
