"""Hand-overs: the volunteers a team trusts, and the hand-over page's fixed query count."""

import pytest
from django.urls import reverse

from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import AreaTeam
from tests.accounts.factories import UserFactory
from tests.helprequests.factories import DESCRIPTION
from volunteers.models import TrustedVolunteer
from volunteers.services.handover import handover_invite, trusted_volunteer_add

from .factories import VolunteerProfileFactory
from .handover_setup import PERSONAS, PHONE, TEAM, TITLE, _accept_and_sign_up, _login

pytestmark = pytest.mark.django_db


# --- Fixed query counts -----------------------------------------------------------------

# session, user, two-factor check (role, authenticator), notification count; hand-over
# (joins), covering team?, invitations, sign-ups; the scorer's reads (skills, volunteers,
# their skills, their neighbourhoods, task skills, shifts, places); suggested profiles
# (+ skills, neighbourhoods); the shift; the team's trusted volunteers
HANDOVER_PAGE_QUERIES = 21


@pytest.mark.parametrize("size", [1, 5])
def test_handover_page_query_count_is_fixed(
    client, django_assert_num_queries, handover, professional_a, size
):
    place = handover.task.neighbourhood
    for i in range(size):
        profile = VolunteerProfileFactory(
            user=UserFactory(email=f"v{i}@example.org", display_name=f"Vrijwilliger {i}")
        )
        profile.neighbourhoods.set([place])
        if i % 2:
            handover_invite(handover=handover, by=professional_a, volunteer_id=profile.user_id)
            if i == 1:
                _accept_and_sign_up(handover, profile.user)
    client.force_login(professional_a)
    with django_assert_num_queries(HANDOVER_PAGE_QUERIES):
        response = client.get(reverse("volunteers:handover", args=[handover.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("Vrijwilliger ") >= size


def test_organiser_pages_of_a_private_task_open_for_the_team(client, handover, professional_a):
    client.force_login(professional_a)
    response = client.get(reverse("volunteers:manage_task", args=[handover.task_id]))
    assert response.status_code == 200


# --- Volunteers the team trusts ---------------------------------------------------------


@pytest.fixture
def trusted(handover, professional_a, other_volunteer):

    team = AreaTeam.objects.get(name="Gebiedsteam A")
    return trusted_volunteer_add(team=team, by=professional_a, email="ANDER@example.org")


def test_trusted_volunteer_sees_the_open_handover_listed_and_can_sign_up(
    client, handover, trusted, outsider
):
    volunteer = trusted.volunteer
    client.force_login(volunteer)
    listing = client.get(reverse("volunteers:trusted_tasks")).content.decode()
    assert TITLE in listing
    assert DESCRIPTION not in listing
    page = client.get(reverse("volunteers:task", args=[handover.task_id]))
    assert page.status_code == 200
    assert PHONE not in page.content.decode()
    shift = handover.task.shifts.get()
    client.post(reverse("volunteers:shift_sign_up", args=[shift.pk]))
    assert shift.signups.filter(volunteer=volunteer).exists()
    # not trusted by this team: not listed, not found
    client.cookies.clear()
    client.force_login(outsider)
    assert TITLE not in client.get(reverse("volunteers:trusted_tasks")).content.decode()
    assert client.get(reverse("volunteers:task", args=[handover.task_id])).status_code == 404


def test_trusted_volunteer_of_another_team_does_not_see_it(
    client, handover, professional_b, other_volunteer
):

    team_b = AreaTeam.objects.get(name="Gebiedsteam B")
    trusted_volunteer_add(team=team_b, by=professional_b, email=other_volunteer.email)
    client.force_login(other_volunteer)
    assert TITLE not in client.get(reverse("volunteers:trusted_tasks")).content.decode()
    assert client.get(reverse("volunteers:task", args=[handover.task_id])).status_code == 404


def test_once_matched_the_listing_stops(client, handover, matched, trusted):
    client.force_login(trusted.volunteer)
    assert TITLE not in client.get(reverse("volunteers:trusted_tasks")).content.decode()
    assert client.get(reverse("volunteers:task", args=[handover.task_id])).status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_trusted_list_management_matrix(request, client, trusted, persona):
    user = _login(request, client, persona)
    page = client.get(reverse("volunteers:trusted_manage"))
    remove = client.post(reverse("volunteers:trusted_remove", args=[trusted.pk]))
    if persona in TEAM:
        assert page.status_code == 200
        assert "Otto" in page.content.decode()
        assert remove.status_code == 302
        assert not TrustedVolunteer.objects.exists()
    elif persona == "professional_b":  # their own team's (empty) list; not team A's
        assert page.status_code == 200
        assert "Otto" not in page.content.decode()
        assert remove.status_code == 404
        assert TrustedVolunteer.objects.exists()
    else:
        expected = 302 if user is None else 404
        assert (page.status_code, remove.status_code) == (expected, expected)
        assert TrustedVolunteer.objects.exists()


def test_only_members_add_and_only_volunteers_can_be_added(client, professional_a, staff, area):

    team = AreaTeam.objects.get(name="Gebiedsteam A")
    with pytest.raises(ServiceError):
        trusted_volunteer_add(team=team, by=staff, email="vrijwilliger@example.org")
    client.force_login(professional_a)
    client.post(
        reverse("volunteers:trusted_manage"), {"team": team.pk, "email": "anne@example.org"}
    )
    assert not TrustedVolunteer.objects.exists()  # Anne is no volunteer


# --- Messages without anything of the request ---------------------------------------------


def test_confirmed_volunteer_is_told_with_the_anonymised_title_only(handover, matched):
    from mijnbuurt.notifications.models import Notification

    told = Notification.objects.get(recipient=matched, kind="volunteer_handover_confirmed")
    assert told.context == {"task": TITLE}
    assert DESCRIPTION not in str(told.context)


def test_a_volunteer_added_to_the_trusted_list_is_told(handover, professional_a, other_volunteer):
    from mijnbuurt.notifications.models import Notification

    team = AreaTeam.objects.get(name="Gebiedsteam A")
    trusted_volunteer_add(team=team, by=professional_a, email=other_volunteer.email)
    told = Notification.objects.get(recipient=other_volunteer, kind="volunteer_trusted_by_team")
    assert told.link == reverse("volunteers:trusted_tasks")


def test_editing_a_private_task_keeps_its_text_anonymous(handover, professional_a):
    from volunteers.services.tasks import task_update

    with pytest.raises(ServiceError) as refused:
        task_update(task=handover.task, by=professional_a, description=f"Bel {PHONE}")
    assert refused.value.code == "not_anonymous"
    handover.task.refresh_from_db()
    assert PHONE not in handover.task.description
