"""The rules of booking_request: each refusal has a clear message and changes nothing."""

import datetime as dt
from decimal import Decimal

import pytest

from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import Organisation
from tests.neighbourhoods.factories import OrganisationFactory
from venues.models import Booking, Closure, OpeningHours
from venues.services import booking_cancel, booking_decline

pytestmark = pytest.mark.django_db


def refused(book, **overrides) -> str:
    before = Booking.objects.count()
    with pytest.raises(ServiceError) as caught:
        book(**overrides)
    assert Booking.objects.count() == before
    return caught.value.message


def test_request_is_pending_with_price_for_initiative(book):
    [booking] = book()
    assert booking.status == Booking.Status.PENDING
    assert booking.price == Decimal("10.00")  # 2 hours at 5.00
    assert list(booking.events.values_list("to_status", flat=True)) == ["pending"]


def test_auto_approving_venue_approves_at_once(book, venue):
    venue.auto_approve = True
    venue.save()
    [booking] = book()
    assert booking.status == Booking.Status.APPROVED


def test_price_follows_kind_of_use(book):
    [booking] = book(booker_kind="commercial")
    assert booking.price == Decimal("80.00")
    assert booking.is_commercial


def test_outside_opening_hours_is_refused(book):
    assert "buiten de openingstijden" in refused(
        book, start_time=dt.time(22), end_time=dt.time(23, 30)
    )


def test_day_without_opening_hours_is_refused(book, venue, day):
    OpeningHours.objects.filter(venue=venue, weekday=day.weekday()).delete()
    assert "niet open" in refused(book)


def test_closure_day_is_refused(book, venue, day):
    Closure.objects.create(venue=venue, first_day=day, last_day=day, reason="Schoonmaak")
    assert "gesloten (Schoonmaak)" in refused(book)


def test_overlap_with_pending_request_is_refused(book):
    book()
    assert "al geboekt" in refused(book, start_time=dt.time(20), end_time=dt.time(22))


def test_overlap_with_approved_booking_is_refused(book, venue_manager):
    from venues.services import booking_approve

    [booking] = book()
    booking_approve(booking=booking, actor=venue_manager)
    assert "al geboekt" in refused(book, start_time=dt.time(18), end_time=dt.time(19, 30))


def test_adjacent_bookings_are_fine(book):
    book()
    [later] = book(start_time=dt.time(21), end_time=dt.time(22))
    assert later.pk


def test_declined_or_cancelled_booking_frees_the_time(book, venue_manager, resident):
    [first] = book()
    booking_decline(booking=first, actor=venue_manager, reason="Dubbel")
    [second] = book()
    booking_cancel(booking=second, actor=resident)
    [third] = book()
    assert third.status == Booking.Status.PENDING


def test_more_people_than_the_room_holds_is_refused(book):
    assert "maximaal 40 personen" in refused(book, attendees=41)


def test_end_before_start_is_refused(book):
    assert "eindtijd" in refused(book, start_time=dt.time(21), end_time=dt.time(19))


def test_time_in_the_past_is_refused(book):
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert "voorbij" in refused(book, date=yesterday)


def test_empty_purpose_is_refused(book):
    assert refused(book, purpose="   ")


def test_booking_for_an_organisation_needs_membership(book, resident):
    organisation = OrganisationFactory()
    assert "lid" in refused(book, organisation=organisation)
    organisation.members.add(resident)
    [booking] = book(organisation=Organisation.objects.get(pk=organisation.pk))
    assert booking.organisation == organisation


def test_weekly_series_books_every_date(book, day):
    bookings = book(repeat="weekly", occurrences=4)
    assert [b.start.date() for b in bookings] == [day + dt.timedelta(weeks=n) for n in range(4)]
    assert len({b.series for b in bookings}) == 1


def test_series_with_one_conflict_lists_it_and_books_nothing(book, venue, day):
    conflict = day + dt.timedelta(weeks=4)
    Closure.objects.create(venue=venue, first_day=conflict, last_day=conflict)
    message = refused(book, repeat="fortnightly", occurrences=3)
    assert str(conflict.day) in message
    assert message.count("gesloten") == 1


def test_series_length_is_limited(book):
    assert refused(book, repeat="weekly", occurrences=27)


def test_commercial_hours_cap_is_enforced_per_month(book, venue, day):
    venue.commercial_hours_cap = 3
    venue.save()
    book(booker_kind="commercial")  # 2 of 3 hours
    message = refused(book, booker_kind="commercial", start_time=dt.time(9), end_time=dt.time(11))
    assert "paracommercie" in message
    assert "1 uur" in message or "1 uren" in message
    [fits] = book(booker_kind="commercial", start_time=dt.time(9), end_time=dt.time(10))
    [not_commercial] = book(booker_kind="non_profit", start_time=dt.time(12), end_time=dt.time(17))
    assert fits.pk
    assert not_commercial.pk
