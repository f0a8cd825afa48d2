import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded photos go to a temporary folder, never the repository's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def buurt(db):
    from tests.neighbourhoods.factories import BuurtFactory

    return BuurtFactory(name="Brinkkwartier", slug="brinkkwartier")


@pytest.fixture
def other_buurt(db):
    from tests.neighbourhoods.factories import BuurtFactory

    return BuurtFactory(name="Pittelo Midden", slug="pittelo-midden")


@pytest.fixture
def team_member(db, buurt):
    """A professional whose area team covers the wijk of ``buurt`` (with TOTP set up)."""
    from tests.neighbourhoods.factories import AreaTeamFactory, team_professional

    team = AreaTeamFactory(name="Gebiedsteam Centrum", neighbourhoods=[buurt.wijk])
    user, _ = team_professional(team, email="teamlid@example.org", display_name="Tineke")
    return user


@pytest.fixture
def submitted(organiser, staff, buurt):
    """An initiative by ``organiser``, submitted for review (it may ask for a grant)."""
    from initiatives.models import Status
    from tests.initiatives.factories import make_initiative

    return make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.SUBMITTED, reviewer=staff
    )
