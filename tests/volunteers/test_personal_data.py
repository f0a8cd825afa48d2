"""Volunteering in "download my data", and deleting an account frees its places."""

import datetime as dt

import pytest

from mijnbuurt.accounts.services import user_delete, user_export_data
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from volunteers.models import SignUp, VolunteerProfile
from volunteers.services import shift_sign_up

from .factories import ShiftFactory, SkillFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def test_my_data_holds_my_volunteer_profile_and_shifts(shift):
    profile = VolunteerProfileFactory(
        skills=[SkillFactory(name="Koken", slug="koken")], vog_date=dt.date(2026, 1, 5)
    )
    shift_sign_up(shift=shift, volunteer=profile.user)

    data = user_export_data(user=profile.user)["volunteering"]

    assert data["profile"]["skills"] == ["Koken"]
    assert data["profile"]["vog_date"] == "2026-01-05"
    [exported] = data["shifts"]
    assert exported["task"] == shift.task.title
    assert exported["status"] == "confirmed"


def test_deleting_my_account_gives_my_place_to_the_waiting_list_without_mailing_me():
    shift = ShiftFactory(places=1)
    leaving = VolunteerProfileFactory().user
    waiting = UserFactory()
    shift_sign_up(shift=shift, volunteer=leaving)
    shift_sign_up(shift=shift, volunteer=waiting, join_waitlist=True)

    user_delete(user=leaving)

    assert not VolunteerProfile.objects.filter(user=leaving).exists()
    assert SignUp.objects.get(volunteer=leaving).status == SignUp.Status.CANCELLED
    assert SignUp.objects.get(volunteer=waiting).status == SignUp.Status.CONFIRMED
    assert Notification.objects.filter(recipient=waiting, kind="volunteer_shift_promoted").exists()
    assert not Notification.objects.filter(
        recipient=leaving, kind="volunteer_signup_cancelled"
    ).exists()
