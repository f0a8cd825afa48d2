import factory

from neighbourhoods.models import AreaTeam, Organisation, TeamMembership


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
