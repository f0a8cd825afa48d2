"""The two service additions behind the admin actions: staff approving a booking on the
manager's behalf, and staff moving a help request to another area team."""

import pytest

from helprequests.models import AccessLog
from helprequests.services import help_request_assign, help_request_assign_team
from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import AreaTeam
from tests.accounts.factories import UserFactory
from venues.models import Booking, BookingEvent
from venues.services import booking_approve, booking_cancel

pytestmark = pytest.mark.django_db


def test_staff_approve_a_booking_only_when_acting_as_staff(book, staff):
    [booking] = book()

    with pytest.raises(ServiceError) as refused:
        booking_approve(booking=booking, actor=staff)
    assert refused.value.code == "forbidden"

    booking_approve(booking=booking, actor=staff, as_staff=True)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.APPROVED
    assert BookingEvent.objects.get(booking=booking, to_status="approved").actor == staff


def test_acting_as_staff_needs_a_staff_account(book, resident, outsider):
    [booking] = book()

    with pytest.raises(ServiceError) as refused:
        booking_approve(booking=booking, actor=outsider, as_staff=True)
    assert refused.value.code == "forbidden"

    booking.refresh_from_db()
    assert booking.status == Booking.Status.PENDING


def test_acting_as_staff_still_follows_the_lifecycle(book, resident, staff):
    [booking] = book()
    booking_cancel(booking=booking, actor=resident)

    with pytest.raises(ServiceError) as refused:
        booking_approve(booking=booking, actor=staff, as_staff=True)
    assert refused.value.code == "transition"


def test_the_manager_still_approves_without_the_staff_flag(book, venue_manager):
    [booking] = book()
    booking_approve(booking=booking, actor=venue_manager)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.APPROVED


def test_staff_move_a_request_to_another_team_unassigned_and_logged(
    covered_request, staff, professional_a
):
    help_request_assign(help_request=covered_request, by=professional_a, assignee=professional_a)
    team_b = AreaTeam.objects.get(name="Gebiedsteam B")

    help_request_assign_team(help_request=covered_request, team=team_b, by=staff)

    covered_request.refresh_from_db()
    assert covered_request.team == team_b
    assert covered_request.assignee is None
    log = AccessLog.objects.filter(user=staff, request_number=covered_request.pk).get()
    assert log.action == AccessLog.Action.ASSIGN


def test_only_staff_move_a_request_to_another_team(covered_request, professional_a):
    team_b = AreaTeam.objects.get(name="Gebiedsteam B")

    for user in (professional_a, UserFactory()):
        with pytest.raises(ServiceError) as refused:
            help_request_assign_team(help_request=covered_request, team=team_b, by=user)
        assert refused.value.code == "forbidden"

    covered_request.refresh_from_db()
    assert covered_request.team.name == "Gebiedsteam A"
    assert not AccessLog.objects.filter(action=AccessLog.Action.ASSIGN).exists()


def test_moving_to_the_same_team_is_refused(covered_request, staff):
    with pytest.raises(ServiceError) as refused:
        help_request_assign_team(help_request=covered_request, team=covered_request.team, by=staff)
    assert refused.value.code == "same_team"


def test_a_request_in_the_fallback_queue_can_be_given_a_team(fallback_request, staff):
    team_a = AreaTeam.objects.get(name="Gebiedsteam A")

    help_request_assign_team(help_request=fallback_request, team=team_a, by=staff)

    fallback_request.refresh_from_db()
    assert fallback_request.team == team_a
