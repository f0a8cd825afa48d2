"""Staff work with initiatives in the admin; approving goes through the lifecycle service."""

import pytest

from initiatives.models import Initiative, Status, StatusChange
from tests.initiatives.factories import make_initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


@pytest.mark.parametrize(
    "url",
    ["/admin/initiatives/initiative/", "/admin/initiatives/initiative/?status__exact=submitted"],
)
def test_staff_see_initiatives_in_the_admin(admin_client, organiser, buurt, url):
    make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    assert admin_client.get(url).status_code == 200


def test_staff_open_an_initiative_in_the_admin(admin_client, organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED)
    response = admin_client.get(f"/admin/initiatives/initiative/{initiative.pk}/change/")
    assert response.status_code == 200


def test_admin_approve_action_publishes_submitted_and_refuses_drafts(
    admin_client, organiser, staff, buurt
):
    submitted = make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED)
    draft = make_initiative(by=organiser, neighbourhood=buurt, title="Nog een concept")

    response = admin_client.post(
        "/admin/initiatives/initiative/",
        {"action": "approve", "_selected_action": [submitted.pk, draft.pk]},
        follow=True,
    )

    assert response.status_code == 200
    submitted.refresh_from_db()
    draft.refresh_from_db()
    assert (submitted.status, draft.status) == (Status.PUBLISHED, Status.DRAFT)
    assert StatusChange.objects.filter(initiative=submitted, to_status="published", by=staff)
    assert "Goedgekeurde initiatieven: 1." in response.content.decode()
    assert Initiative.objects.count() == 2
