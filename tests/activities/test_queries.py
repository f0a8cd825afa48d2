"""The list and an activity's page read a fixed number of queries, whatever their size."""

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory

from .factories import ActivityFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [3, 30])
def test_list_queries_stay_flat(client, django_assert_num_queries, organisation, size):
    for _n in range(size):
        activity = ActivityFactory(organisation=organisation)
        RegistrationFactory(activity=activity)
    with django_assert_num_queries(3):
        client.get(reverse("activities:list"))


@pytest.mark.parametrize("size", [3, 30])
def test_activity_page_queries_stay_flat(
    client, django_assert_num_queries, activity, organiser, size
):
    for _n in range(size):
        RegistrationFactory(activity=activity)
    client.force_login(UserFactory())
    with django_assert_num_queries(6):
        client.get(reverse("activities:detail", kwargs={"pk": activity.pk}))
    client.force_login(organiser)
    # 6: the organiser's current membership of the organisation is read, not assumed
    with django_assert_num_queries(6):
        client.get(reverse("activities:registrations", kwargs={"pk": activity.pk}))
