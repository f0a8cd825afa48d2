"""Signing up: places, waiting list, overlap, VOG and age, cancelling."""

import datetime as dt

import pytest

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from volunteers.models import SignUp
from volunteers.services import shift_sign_up, signup_cancel

from .factories import ShiftFactory, VolunteerProfileFactory, in_days

pytestmark = pytest.mark.django_db


def test_full_shift_refuses_or_waitlists(shift):
    shift.places = 1
    shift.save()
    first = shift_sign_up(shift=shift, volunteer=UserFactory())
    assert first.status == SignUp.Status.CONFIRMED
    with pytest.raises(ServiceError) as refused:
        shift_sign_up(shift=shift, volunteer=UserFactory())
    assert refused.value.code == "full"
    waiting = shift_sign_up(shift=shift, volunteer=UserFactory(), join_waitlist=True)
    assert waiting.status == SignUp.Status.WAITLISTED
    assert SignUp.objects.filter(shift=shift, status=SignUp.Status.CONFIRMED).count() == 1


def test_cancel_promotes_first_on_waiting_list_and_tells_them(shift):
    shift.places = 1
    shift.save()
    volunteer = UserFactory()
    taken = shift_sign_up(shift=shift, volunteer=volunteer)
    first_waiting = shift_sign_up(shift=shift, volunteer=UserFactory(), join_waitlist=True)
    second_waiting = shift_sign_up(shift=shift, volunteer=UserFactory(), join_waitlist=True)

    signup_cancel(signup=taken, by=volunteer)

    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == SignUp.Status.CONFIRMED
    assert first_waiting.promoted_at is not None
    assert second_waiting.status == SignUp.Status.WAITLISTED
    told = Notification.objects.get(recipient=first_waiting.volunteer)
    assert told.kind == "volunteer_shift_promoted"


def test_overlapping_shift_is_refused_with_the_clash_named(shift):
    volunteer = UserFactory()
    shift_sign_up(shift=shift, volunteer=volunteer)
    other = ShiftFactory(
        starts_at=shift.starts_at + dt.timedelta(hours=1),
        ends_at=shift.ends_at + dt.timedelta(hours=1),
    )
    with pytest.raises(ServiceError) as refused:
        shift_sign_up(shift=other, volunteer=volunteer)
    assert refused.value.code == "overlap"
    assert shift.task.title in refused.value.message
    # Back to back is fine.
    later = ShiftFactory(starts_at=shift.ends_at, ends_at=shift.ends_at + dt.timedelta(hours=1))
    assert shift_sign_up(shift=later, volunteer=volunteer).status == SignUp.Status.CONFIRMED


def test_vog_required_shift_refuses_volunteer_without_valid_vog():
    shift = ShiftFactory(task__requires_vog=True)
    without = VolunteerProfileFactory(vog_date=None).user
    expired = VolunteerProfileFactory(vog_date=dt.date.today() - dt.timedelta(days=4 * 365)).user
    valid = VolunteerProfileFactory(vog_date=dt.date.today() - dt.timedelta(days=30)).user
    for user in (without, expired, UserFactory()):
        with pytest.raises(ServiceError) as refused:
            shift_sign_up(shift=shift, volunteer=user)
        assert refused.value.code == "vog"
    assert shift_sign_up(shift=shift, volunteer=valid).status == SignUp.Status.CONFIRMED
    assert SignUp.objects.filter(shift=shift).count() == 1


def test_minimum_age():
    shift = ShiftFactory(task__min_age=18)
    day = shift.starts_at.date()
    young = VolunteerProfileFactory(birth_date=day.replace(year=day.year - 16)).user
    grown = VolunteerProfileFactory(birth_date=day.replace(year=day.year - 30)).user
    with pytest.raises(ServiceError) as refused:
        shift_sign_up(shift=shift, volunteer=young)
    assert refused.value.code == "too_young"
    with pytest.raises(ServiceError) as unknown:
        shift_sign_up(shift=shift, volunteer=UserFactory())
    assert unknown.value.code == "age_unknown"
    assert shift_sign_up(shift=shift, volunteer=grown).status == SignUp.Status.CONFIRMED


def test_volunteer_cannot_cancel_after_the_deadline_but_the_organiser_can():
    shift = ShiftFactory(starts_at=in_days(0, 23), ends_at=in_days(1, 1))
    volunteer = UserFactory()
    signup = shift_sign_up(shift=shift, volunteer=volunteer)
    with pytest.raises(ServiceError) as refused:
        signup_cancel(signup=signup, by=volunteer)
    assert refused.value.code == "deadline"
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED

    signup_cancel(signup=signup, by=shift.task.created_by, as_organiser=True)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED
    assert Notification.objects.filter(
        recipient=volunteer, kind="volunteer_signup_cancelled"
    ).exists()


def test_signing_up_again_after_cancelling(shift):
    volunteer = UserFactory()
    signup = shift_sign_up(shift=shift, volunteer=volunteer)
    with pytest.raises(ServiceError):
        shift_sign_up(shift=shift, volunteer=volunteer)
    signup_cancel(signup=signup, by=volunteer)
    assert shift_sign_up(shift=shift, volunteer=volunteer).status == SignUp.Status.CONFIRMED
