"""Suggested volunteers for organisers, invitations and answering them."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mijnbuurt.notifications.models import Notification
from volunteers.kinds import TASK_INVITATION
from volunteers.models import Suggestion, TaskInvitation

from .factories import ShiftFactory, SkillFactory, TaskFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db

SUGGESTIONS_QUERIES = 9


@pytest.fixture
def task(organiser):
    task = TaskFactory(created_by=organiser, title="Moestuin Lariks")
    ShiftFactory(task=task)
    return task


def _suggest(task, *, findable=True, name="Vera", email=None, skills=()):
    profile = VolunteerProfileFactory(
        is_findable=findable,
        skills=list(skills),
        user__display_name=name,
        **({"user__email": email} if email else {}),
    )
    Suggestion.objects.create(
        volunteer=profile.user,
        task=task,
        score=5.0,
        reasons=[["skill", "Koken"], ["near_home", ["Lariks", 0.4]]],
        computed_at=timezone.now(),
    )
    return profile


def _suggestions_url(task):
    return reverse("volunteers:task_suggestions", args=[task.pk])


def test_lists_only_findable_volunteers_without_contact_details(client, organiser, task):
    cook = SkillFactory(name="Koken", slug="koken")
    _suggest(task, name="Vera", email="vera@example.org", skills=[cook])
    _suggest(task, findable=False, name="Verborgen Henk")
    client.force_login(organiser)

    page = client.get(_suggestions_url(task)).content.decode()

    assert "Vera" in page
    assert "Verborgen Henk" not in page
    assert "vera@example.org" not in page
    assert "heeft de vaardigheid: Koken" in page  # the reasons, worded for the organiser
    assert "0,4 km" in page  # how far the volunteer lives ...
    assert "(Lariks)" in page  # ... and where


def test_suggestions_and_invite_answer_404_to_non_organisers(client, outsider, organiser, task):
    volunteer = _suggest(task)
    client.force_login(outsider)
    assert client.get(_suggestions_url(task)).status_code == 404
    invite = reverse("volunteers:task_invite", args=[task.pk])
    assert client.post(invite, {"volunteer": volunteer.user_id}).status_code == 404
    assert not TaskInvitation.objects.exists()

    client.force_login(organiser)
    assert client.get(_suggestions_url(task)).status_code == 200


def test_invite_creates_an_invitation_and_notifies(
    client, organiser, task, django_capture_on_commit_callbacks
):
    volunteer = _suggest(task)
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("volunteers:task_invite", args=[task.pk]), {"volunteer": volunteer.user_id}
        )

    assert response.status_code == 302
    invitation = TaskInvitation.objects.get()
    assert (invitation.volunteer, invitation.invited_by) == (volunteer.user, organiser)
    note = Notification.objects.get(kind=TASK_INVITATION.name)
    assert note.recipient == volunteer.user
    assert note.link == reverse("volunteers:invitation", args=[invitation.pk])
    [email] = mail.outbox
    assert email.to == [volunteer.user.email]
    assert "Olga" in email.subject
    assert "Moestuin Lariks" in email.subject
    assert note.link in email.body
    page = client.get(_suggestions_url(task)).content.decode()
    assert "Waiting for an answer" in page or "Wacht op antwoord" in page


@pytest.mark.parametrize("value", ["", "abc", "99999999999999999999", "-99999999999999999999"])
def test_invite_refuses_bad_or_hidden_volunteers(client, organiser, task, value):
    hidden = _suggest(task, findable=False)
    client.force_login(organiser)
    url = reverse("volunteers:task_invite", args=[task.pk])

    for volunteer in (value, hidden.user_id):
        response = client.post(url, {"volunteer": volunteer}, follow=True)
        assert response.status_code == 200
        assert list(response.context["messages"])

    assert not TaskInvitation.objects.exists()
    assert not Notification.objects.filter(kind=TASK_INVITATION.name).exists()


def test_inviting_twice_changes_nothing(client, organiser, task):
    volunteer = _suggest(task)
    client.force_login(organiser)
    url = reverse("volunteers:task_invite", args=[task.pk])
    client.post(url, {"volunteer": volunteer.user_id})
    client.post(url, {"volunteer": volunteer.user_id})
    assert TaskInvitation.objects.count() == 1
    assert Notification.objects.filter(kind=TASK_INVITATION.name).count() == 1


def test_only_the_invitee_can_see_and_answer(client, organiser, outsider, task):
    volunteer = _suggest(task)
    invitation = TaskInvitation.objects.create(
        task=task, volunteer=volunteer.user, invited_by=organiser
    )
    url = reverse("volunteers:invitation", args=[invitation.pk])
    for other in (outsider, organiser):
        client.force_login(other)
        assert client.get(url).status_code == 404
        assert client.post(url, {"answer": "accept"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == TaskInvitation.Status.PENDING

    client.force_login(volunteer.user)
    assert client.get(url).status_code == 200
    response = client.post(url, {"answer": "accept"})

    assert response.url == reverse("volunteers:task", args=[task.pk])
    invitation.refresh_from_db()
    assert invitation.status == TaskInvitation.Status.ACCEPTED
    assert invitation.answered_at is not None


def test_an_answered_invitation_cannot_be_answered_again(client, organiser, task):
    volunteer = _suggest(task)
    invitation = TaskInvitation.objects.create(
        task=task, volunteer=volunteer.user, invited_by=organiser
    )
    url = reverse("volunteers:invitation", args=[invitation.pk])
    client.force_login(volunteer.user)

    client.post(url, {"answer": "decline"})
    client.post(url, {"answer": "accept"})
    response = client.post(url, {"answer": "maybe"}, follow=True)

    invitation.refresh_from_db()
    assert invitation.status == TaskInvitation.Status.DECLINED
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_suggestions_page_query_count_is_fixed(
    client, django_assert_num_queries, organiser, task, size
):
    skills = [SkillFactory(name=f"Vaardigheid {n}", slug=f"v-{n}") for n in range(3)]
    for n in range(size):
        profile = _suggest(task, name=f"Vrijwilliger {n}", skills=skills[: n % 3 + 1])
        if n % 2:
            TaskInvitation.objects.create(task=task, volunteer=profile.user, invited_by=organiser)
    client.force_login(organiser)

    with django_assert_num_queries(SUGGESTIONS_QUERIES):
        response = client.get(_suggestions_url(task))

    assert response.status_code == 200
    assert response.content.decode().count('scope="row"') == size


@pytest.mark.parametrize("others", [0, 5])
def test_invitation_page_query_count_is_fixed(
    client, django_assert_num_queries, organiser, task, others
):
    volunteer = _suggest(task)
    invitation = TaskInvitation.objects.create(
        task=task, volunteer=volunteer.user, invited_by=organiser
    )
    for n in range(others):
        other = TaskFactory(created_by=organiser, title=f"Andere taak {n}")
        TaskInvitation.objects.create(task=other, volunteer=volunteer.user, invited_by=organiser)
    client.force_login(volunteer.user)

    with django_assert_num_queries(4):  # session, user, the invitation, the header
        response = client.get(reverse("volunteers:invitation", args=[invitation.pk]))

    assert response.status_code == 200
    assert "Moestuin Lariks" in response.content.decode()
