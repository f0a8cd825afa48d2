"""List, detail and review queue run the same number of queries at any data size."""

import pytest
from django.urls import reverse

from initiatives.models import Status
from initiatives.services import (
    initiative_follow,
    initiative_support,
    initiative_transition,
    initiative_update_post,
)
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import image_upload, make_initiative
from tests.neighbourhoods.factories import BuurtFactory

pytestmark = pytest.mark.django_db

# Measured for a logged-in resident: session, user, unread-notifications count and
# (list) "is a reviewer?" come with every page; the rest is the page's own.
LIST_QUERIES = 8  # + count, neighbourhood choices, initiatives, their photos
DETAIL_QUERIES = 13  # + initiative, photos, organisers, history, news, volunteer tasks,
# venue bookings, comments, reviewer?, support/follow/blocked
# session, user, two-factor check, unread count, count, initiatives, organisers,
# accountability reports to review, grant requests to decide
QUEUE_QUERIES = 9
DETAIL_QUERIES_ORGANISER = 15  # + open invitations, grant requests
MINE_QUERIES = 7  # session, user, unread count, invitations, count, initiatives, photos


def grow(*, organiser, staff, initiatives: int, photos: int, supporters: int) -> list:
    made = []
    for n in range(initiatives):
        initiative = make_initiative(
            by=organiser,
            neighbourhood=BuurtFactory(),
            title=f"Initiatief {n}",
            photos=[image_upload(f"f{p}.jpg", size=(40, 30)) for p in range(photos)],
        )
        initiative_transition(initiative=initiative, to_status=Status.SUBMITTED, by=organiser)
        initiative_transition(initiative=initiative, to_status=Status.PUBLISHED, by=staff)
        for n in range(supporters):
            initiative_update_post(initiative=initiative, by=organiser, text=f"Nieuws {n}")
            fan = UserFactory()
            initiative_support(initiative=initiative, by=fan)
            initiative_follow(initiative=initiative, by=fan)
        made.append(initiative)
    return made


@pytest.mark.parametrize("size", [1, 3])
def test_list_runs_a_fixed_number_of_queries(
    size, client, organiser, staff, django_assert_max_num_queries
):
    grow(organiser=organiser, staff=staff, initiatives=4 * size, photos=size, supporters=size)
    client.force_login(UserFactory())
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(
            reverse("initiatives:list"), {"q": "Initiatief", "sort": "supported"}
        )
    assert len(response.context["page"].object_list) == min(12, 4 * size)


@pytest.mark.parametrize("size", [1, 4])
def test_detail_runs_a_fixed_number_of_queries(
    size, client, organiser, staff, django_assert_max_num_queries
):
    (initiative,) = grow(
        organiser=organiser, staff=staff, initiatives=1, photos=2 * size, supporters=3 * size
    )
    client.force_login(UserFactory())
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("initiatives:detail", args=[initiative.pk]))
    assert response.context["initiative"].supporter_count == 3 * size


@pytest.mark.parametrize("size", [1, 4])
def test_review_queue_runs_a_fixed_number_of_queries(
    size, client, organiser, staff, django_assert_max_num_queries
):
    for _ in range(3 * size):
        make_initiative(by=organiser, neighbourhood=BuurtFactory(), status=Status.SUBMITTED)
    client.force_login(staff)
    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get(reverse("initiatives:review_queue"))
    assert len(response.context["page"].object_list) == 3 * size


@pytest.mark.parametrize("size", [1, 4])
def test_detail_for_its_organiser_runs_a_fixed_number_of_queries(
    size, client, organiser, staff, django_assert_max_num_queries
):
    from initiatives.services import organiser_invite

    (initiative,) = grow(
        organiser=organiser, staff=staff, initiatives=1, photos=size, supporters=2 * size
    )
    for n in range(size):
        organiser_invite(initiative=initiative, by=organiser, email=f"mede{n}@example.org")
    client.force_login(organiser)
    with django_assert_max_num_queries(DETAIL_QUERIES_ORGANISER):
        response = client.get(reverse("initiatives:detail", args=[initiative.pk]))
    assert len(response.context["invitations"]) == size


@pytest.mark.parametrize("size", [1, 3])
def test_my_initiatives_runs_a_fixed_number_of_queries(
    size, client, organiser, staff, django_assert_max_num_queries
):
    grow(organiser=organiser, staff=staff, initiatives=2 * size, photos=size, supporters=size)
    client.force_login(organiser)
    with django_assert_max_num_queries(MINE_QUERIES):
        response = client.get(reverse("initiatives:mine"))
    assert len(response.context["page"].object_list) == 2 * size
