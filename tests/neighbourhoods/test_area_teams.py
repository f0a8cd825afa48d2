"""Area teams: which team serves a neighbourhood; membership makes a professional."""

import pytest
from django.urls import reverse

from mijnbuurt.accounts.roles import Role, user_has_role, user_requires_mfa
from mijnbuurt.core.mfa import _request_memo
from neighbourhoods.selectors import area_team_for, user_team_ids
from tests.accounts.factories import UserFactory

from .factories import AreaTeamFactory, TeamMembershipFactory

pytestmark = pytest.mark.django_db


def test_a_buurt_is_served_by_the_team_of_its_wijk(assen):
    team = AreaTeamFactory(neighbourhoods=[assen["WK010603"]])
    assert area_team_for(assen["BU01060300"]) == team
    assert area_team_for(assen["WK010603"]) == team
    assert area_team_for(assen["WK010600"]) is None


def test_a_team_registered_on_the_buurt_comes_before_the_wijk_team(assen):
    AreaTeamFactory(name="A wijkteam", neighbourhoods=[assen["WK010603"]])
    buurt_team = AreaTeamFactory(name="Z buurtteam", neighbourhoods=[assen["BU01060300"]])
    assert area_team_for(assen["BU01060300"]) == buurt_team


def test_team_membership_makes_a_professional_who_needs_two_factor(db):
    user = UserFactory()
    assert not user_has_role(user, Role.PROFESSIONAL)
    TeamMembershipFactory(user=user)
    assert user_has_role(user, Role.PROFESSIONAL)
    assert user_requires_mfa(user)


def test_professional_without_totp_is_sent_to_set_it_up_on_team_pages(client, db):
    user = UserFactory()
    TeamMembershipFactory(user=user)
    client.force_login(user)
    response = client.get("/team/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_professional_personas_are_in_different_teams(professional_a, professional_b):
    team_a = professional_a.team_memberships.get().team
    team_b = professional_b.team_memberships.get().team
    assert team_a != team_b
    assert user_has_role(professional_a, Role.PROFESSIONAL)
    assert user_has_role(professional_b, Role.PROFESSIONAL)


def test_profile_lists_the_professional_role(client, professional_a):
    client.force_login(professional_a)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "Professional" in html or "professional" in html


def test_my_data_lists_teams_and_organisations_and_deletion_removes_memberships(
    client, professional_a
):
    from mijnbuurt.accounts.services import user_delete
    from neighbourhoods.models import TeamMembership

    from .factories import OrganisationFactory

    organisation = OrganisationFactory(name="Buurtbedrijf Peelo")
    organisation.members.add(professional_a)
    client.force_login(professional_a)
    data = client.get(reverse("accounts:export")).json()
    assert data["neighbourhoods"]["area_teams"][0]["team"] == "Gebiedsteam A"
    assert data["neighbourhoods"]["organisations"] == ["Buurtbedrijf Peelo"]
    user_delete(user=professional_a)
    assert not TeamMembership.objects.filter(user=professional_a).exists()
    assert not organisation.members.exists()
    organisation.refresh_from_db()
    assert organisation.name == "Buurtbedrijf Peelo"


def test_a_request_asks_for_a_users_teams_once_and_anew_after_a_change(
    db, django_assert_num_queries
):
    user = UserFactory()
    token = _request_memo.set({})
    try:
        assert user_team_ids(user) == []
        with django_assert_num_queries(0):
            assert not user_has_role(user, Role.PROFESSIONAL)
        membership = TeamMembershipFactory(user=user)
        assert user_team_ids(user) == [membership.team_id]
        membership.delete()
        assert user_team_ids(user) == []
    finally:
        _request_memo.reset(token)
