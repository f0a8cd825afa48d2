"""Drafts are seen by organisers and reviewers only; nobody edits what they do not organise."""

import pytest
from django.urls import reverse

from initiatives.models import Status
from tests.accounts.factories import UserFactory, enable_totp
from tests.initiatives.factories import make_initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(organiser, buurt):
    return make_initiative(by=organiser, neighbourhood=buurt, title="Geheim plan")


def test_draft_is_404_for_anonymous_visitor(client, draft):
    response = client.get(reverse("initiatives:detail", args=[draft.pk]))
    assert response.status_code == 404


def test_draft_is_404_for_another_resident_and_visible_to_its_organiser(
    client, draft, outsider, organiser
):
    url = reverse("initiatives:detail", args=[draft.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(organiser)
    response = client.get(url)
    assert response.status_code == 200
    assert "Geheim plan" in response.content.decode()


def test_draft_is_visible_to_staff_and_to_the_area_team_of_its_neighbourhood(
    client, draft, staff, team_member, professional_b
):
    url = reverse("initiatives:detail", args=[draft.pk])
    for reviewer in (staff, team_member):
        client.force_login(reviewer)
        assert client.get(url).status_code == 200
    client.force_login(professional_b)  # an area team elsewhere
    assert client.get(url).status_code == 404


def test_published_initiative_is_public(client, organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    assert client.get(reverse("initiatives:detail", args=[initiative.pk])).status_code == 200


def test_edit_is_404_for_everyone_but_the_organisers(client, draft, outsider, staff, organiser):
    url = reverse("initiatives:edit", args=[draft.pk])
    for person in (outsider, staff):  # staff is superuser-free here, but not an organiser
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(organiser)
    assert client.get(url).status_code == 200


def test_superuser_staff_still_cannot_edit_a_draft_they_do_not_organise(client, draft):
    admin = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(admin)  # staff have their second factor; the flag still opens no edit
    client.force_login(admin)
    assert client.get(reverse("initiatives:edit", args=[draft.pk])).status_code == 404
    response = client.post(
        reverse("initiatives:transition", args=[draft.pk]), {"to_status": "submitted"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_outsider_posting_a_transition_on_a_draft_gets_404(client, draft, outsider):
    client.force_login(outsider)
    response = client.post(
        reverse("initiatives:transition", args=[draft.pk]), {"to_status": "submitted"}
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_review_queue_is_404_for_residents_and_scoped_for_area_teams(
    client, organiser, outsider, staff, team_member, buurt, other_buurt
):
    mine = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.SUBMITTED, title="In mijn gebied"
    )
    make_initiative(
        by=organiser, neighbourhood=other_buurt, status=Status.SUBMITTED, title="Ergens anders"
    )
    url = reverse("initiatives:review_queue")
    client.force_login(outsider)
    assert client.get(url).status_code == 404

    client.force_login(team_member)
    page = client.get(url).content.decode()
    assert "In mijn gebied" in page
    assert "Ergens anders" not in page

    client.force_login(staff)
    page = client.get(url).content.decode()
    assert "In mijn gebied" in page
    assert "Ergens anders" in page
    assert mine.title in page


def test_stopped_initiative_stays_visible_but_declined_does_not(client, organiser, buurt):
    stopped = make_initiative(by=organiser, neighbourhood=buurt, status=Status.STOPPED)
    declined = make_initiative(by=organiser, neighbourhood=buurt, status=Status.DECLINED)
    assert client.get(reverse("initiatives:detail", args=[stopped.pk])).status_code == 200
    assert client.get(reverse("initiatives:detail", args=[declined.pk])).status_code == 404
