"""Fixtures of the activities tests: two wijken, an organisation the organiser is a
member of, a community building managed by the venue manager, and an activity with
twenty places and one registrant."""

import pytest

from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory, WijkFactory
from tests.venues.factories import RoomFactory, VenueFactory

from .factories import ActivityFactory, RegistrationFactory


@pytest.fixture
def places(db):
    noord = WijkFactory(name="Noord", slug="noord")
    zuid = WijkFactory(name="Zuid", slug="zuid")
    return {
        "noord": noord,
        "zuid": zuid,
        "pittelo": BuurtFactory(name="Pittelo", slug="pittelo", wijk=noord),
        "kloosterveen": BuurtFactory(name="Kloosterveen", slug="kloosterveen", wijk=zuid),
    }


@pytest.fixture
def organisation(organiser):
    organisation = OrganisationFactory(name="Stichting Samen", slug="stichting-samen")
    organisation.members.add(organiser)
    return organisation


@pytest.fixture
def venue(venue_manager, places):
    return VenueFactory(
        name="Buurthuis De Pit",
        slug="buurthuis-de-pit",
        managers=[venue_manager],
        neighbourhood=places["noord"],
        step_free=True,
    )


@pytest.fixture
def room(venue):
    return RoomFactory(venue=venue, name="Grote zaal", capacity=25)


@pytest.fixture
def activity(organisation, organiser, places):
    return ActivityFactory(
        title="Koffieochtend Pittelo",
        organisation=organisation,
        created_by=organiser,
        neighbourhood=places["pittelo"],
    )


@pytest.fixture
def registrant(activity):
    user = UserFactory(email="deelnemer@example.org", display_name="Dirk")
    RegistrationFactory(activity=activity, user=user)
    return user
