"""Geography, area teams and organisations for tests: every test folder builds a wijk,
a buurt or a team with these factories."""

import factory

from neighbourhoods.models import AreaTeam, Neighbourhood, Organisation, TeamMembership
from tests.accounts.factories import UserFactory, enable_totp


class WijkFactory(factory.django.DjangoModelFactory):
    """A wijk (district) with a made-up code, far from Assen's real ``WK0106..`` codes."""

    class Meta:
        model = Neighbourhood

    code = factory.Sequence(lambda n: f"WK9{n:05d}")
    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")
    level = Neighbourhood.Level.WIJK
    latitude = 52.99
    longitude = 6.56


class BuurtFactory(WijkFactory):
    """A buurt (neighbourhood) in a wijk of its own unless ``wijk=`` is given."""

    code = factory.Sequence(lambda n: f"BU9{n:07d}")
    name = factory.Sequence(lambda n: f"Buurt {n}")
    slug = factory.Sequence(lambda n: f"buurt-{n}")
    level = Neighbourhood.Level.BUURT
    wijk = factory.SubFactory(WijkFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = Organisation.Kind.WELFARE
    description = "Hulp en ontmoeting in de wijk."
    latitude = 52.99
    longitude = 6.56
    is_approved = True

    @factory.post_generation
    def neighbourhoods(self, create, extracted, **kwargs):
        if create and extracted:
            self.neighbourhoods.set(extracted)


class AreaTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaTeam
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Gebiedsteam {n}")
    phone = "0592-000 000"
    email = factory.Sequence(lambda n: f"team{n}@example.org")

    @factory.post_generation
    def neighbourhoods(self, create, extracted, **kwargs):
        if create and extracted:
            self.neighbourhoods.set(extracted)


class TeamMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    team = factory.SubFactory(AreaTeamFactory)
    discipline = TeamMembership.Discipline.SOCIAL_WORK


def team_professional(team: AreaTeam, *, is_coordinator: bool = False, **user_fields):
    """A professional of ``team`` with TOTP set up, as the area-team pages require.

    Returns the user and the TOTP secret (to log in with a code in a browser test).
    """
    user = UserFactory(**user_fields)
    TeamMembershipFactory(team=team, user=user, is_coordinator=is_coordinator)
    return user, enable_totp(user)
