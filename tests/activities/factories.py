"""Activities and registrations."""

import datetime as dt

import factory
from django.utils import timezone

from activities.models import Activity, Registration
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory


def _next_week_at(hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=7)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class ActivityFactory(factory.django.DjangoModelFactory):
    """An activity at an address, for an approved organisation, a week ahead."""

    class Meta:
        model = Activity

    title = factory.Sequence(lambda n: f"Koffieochtend {n}")
    description = "Koffie, thee en een praatje met de buren."
    kind = Activity.Kind.COFFEE_MORNING
    audience = Activity.Audience.EVERYONE
    start = factory.LazyFunction(lambda: _next_week_at(10))
    end = factory.LazyAttribute(lambda a: a.start + dt.timedelta(hours=2))
    neighbourhood = factory.SubFactory(BuurtFactory)
    place = Activity.Place.ADDRESS
    address = "Brink 1, Assen"
    organiser_kind = Activity.OrganiserKind.ORGANISATION
    organisation = factory.SubFactory(OrganisationFactory)
    registration = Activity.Registration.PLATFORM
    capacity = 20


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    activity = factory.SubFactory(ActivityFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.REGISTERED
    code = factory.Sequence(lambda n: f"K{n:05d}")
