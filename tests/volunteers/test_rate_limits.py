"""Shift sign-ups and task invitations are rate limited."""

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Status
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from tests.rate_limits import assert_limited, set_limit
from volunteers.kinds import NEW_SIGNUP
from volunteers.models import SignUp, Suggestion, TaskInvitation

from .factories import ShiftFactory, TaskFactory, VolunteerProfileFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(organiser, staff):
    initiative = make_initiative(by=organiser, status=Status.PUBLISHED, reviewer=staff)
    return TaskFactory(initiative=initiative, created_by=organiser, title="Moestuin Lariks")


def _sign_up(client, shift, capture):
    with capture(execute=True):
        return client.post(reverse("volunteers:shift_sign_up", kwargs={"pk": shift.pk}))


def test_sign_ups_over_the_limit_get_429_and_the_organiser_hears_nothing_more(
    client, settings, task, resident, mailoutbox, django_capture_on_commit_callbacks
):
    shifts = [ShiftFactory(task=task, starts_at=in_days(10 + n)) for n in range(3)]
    set_limit(settings, "signups", "2/h/user")
    client.force_login(resident)
    capture = django_capture_on_commit_callbacks
    assert [_sign_up(client, shift, capture).status_code for shift in shifts[:2]] == [302, 302]
    told = Notification.objects.filter(recipient=task.created_by, kind=NEW_SIGNUP.name).count()
    mails = len(mailoutbox)
    assert told == 2

    response = _sign_up(client, shifts[2], capture)

    assert_limited(response)
    assert not SignUp.objects.filter(shift=shifts[2]).exists()
    assert (
        Notification.objects.filter(recipient=task.created_by, kind=NEW_SIGNUP.name).count()
        == told
    )
    assert len(mailoutbox) == mails


def test_another_volunteer_still_signs_up_when_one_is_limited(
    client, settings, task, resident, outsider, django_capture_on_commit_callbacks
):
    shift = ShiftFactory(task=task, starts_at=in_days(10))
    other_shift = ShiftFactory(task=task, starts_at=in_days(11))
    set_limit(settings, "signups", "1/h/user")
    client.force_login(resident)
    capture = django_capture_on_commit_callbacks
    _sign_up(client, shift, capture)
    assert _sign_up(client, other_shift, capture).status_code == 429

    client.force_login(outsider)

    assert _sign_up(client, other_shift, capture).status_code == 302
    assert SignUp.objects.filter(shift=other_shift, volunteer=outsider).exists()


def _suggested(task, name):
    profile = VolunteerProfileFactory(user=UserFactory(display_name=name))
    Suggestion.objects.create(
        volunteer=profile.user, task=task, score=5.0, reasons=[], computed_at=timezone.now()
    )
    return profile.user


def test_task_invitations_over_the_limit_get_429_and_send_no_mail(
    client, settings, task, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    ShiftFactory(task=task)
    volunteers = [_suggested(task, name) for name in ("Vera", "Wim")]
    set_limit(settings, "invitations", "1/h/user")
    client.force_login(organiser)
    url = reverse("volunteers:task_invite", args=[task.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"volunteer": volunteers[0].pk}).status_code == 302
    assert [mail.to for mail in mailoutbox] == [[volunteers[0].email]]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"volunteer": volunteers[1].pk})

    assert_limited(response)
    assert list(TaskInvitation.objects.values_list("volunteer", flat=True)) == [volunteers[0].pk]
    assert len(mailoutbox) == 1
