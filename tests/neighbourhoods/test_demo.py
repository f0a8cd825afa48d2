"""seed_demo's neighbourhoods part: geography, area teams with professionals, social map."""

from io import StringIO

import pytest
from allauth.mfa.utils import is_mfa_enabled

from mijnbuurt.accounts.models import User
from mijnbuurt.accounts.roles import Role, user_has_role
from neighbourhoods import demo
from neighbourhoods.models import AreaTeam, Neighbourhood, Organisation
from neighbourhoods.selectors import area_team_for

pytestmark = pytest.mark.django_db


def test_demo_seed_loads_geography_teams_and_social_map_and_is_idempotent():
    accounts = demo.seed(out=StringIO())
    demo.seed(out=StringIO())
    assert Neighbourhood.objects.count() == 119
    assert AreaTeam.objects.count() == len(demo.TEAMS)
    assert Organisation.objects.filter(is_approved=True).count() == len(demo.ORGANISATIONS)
    for wijk in Neighbourhood.objects.filter(level="wijk"):
        assert area_team_for(wijk) is not None, wijk
    professional = User.objects.get(email=accounts[0].email)
    assert accounts[0].totp_secret == demo.PROFESSIONAL_TOTP_SECRET
    assert user_has_role(professional, Role.PROFESSIONAL)
    assert is_mfa_enabled(professional)
