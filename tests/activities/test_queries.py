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


@pytest.mark.parametrize("size", [3, 30])
def test_check_in_page_queries_stay_flat(
    client, django_assert_num_queries, activity, organiser, size
):
    for number in range(size):
        registration = RegistrationFactory(activity=activity)
        if number % 2:
            registration.attended_at = registration.created_at
            registration.save()
    client.force_login(organiser)
    # session, user, the activity, the organiser's membership, the list (counted from it),
    # the header's unread notifications
    with django_assert_num_queries(6):
        client.get(reverse("activities:check_in", kwargs={"pk": activity.pk}))


@pytest.mark.parametrize("size", [3, 30])
def test_my_activities_queries_stay_flat(client, django_assert_num_queries, organisation, size):
    person = UserFactory()
    for _n in range(size):
        RegistrationFactory(activity=ActivityFactory(organisation=organisation), user=person)
    client.force_login(person)
    # session, user, the coming registrations, the past ones, the header's notifications
    with django_assert_num_queries(5):
        client.get(reverse("activities:mine"))


@pytest.mark.parametrize("size", [3, 30])
def test_feeds_read_one_query(client, django_assert_num_queries, organisation, places, size):
    from activities.calendars import feed_token

    person = UserFactory()
    for _n in range(size):
        activity = ActivityFactory(organisation=organisation, neighbourhood=places["pittelo"])
        RegistrationFactory(activity=activity, user=person)
    # the wijk, its activities
    with django_assert_num_queries(2):
        client.get(reverse("activities:wijk_calendar", kwargs={"slug": "noord"}))
    with django_assert_num_queries(1):
        client.get(reverse("activities:personal_calendar", kwargs={"token": feed_token(person)}))
