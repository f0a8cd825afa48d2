"""Shared test set-up: personas (built as users would be), cache reset, browser."""

import os

import pytest

# Playwright's sync API runs an event loop; Django refuses ORM calls from such a
# thread unless told that this is safe (it is: tests are single-threaded).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.browser.fixtures", "tests.packaging", "tests.s3"]


@pytest.fixture(autouse=True)
def _fresh_state():
    """Rate limits, cached lookups, a Redis outage and the active language never leak
    between tests.

    A request to an /en/ page leaves English active in the thread, and ``reverse()``
    in the next test would then build /en/ URLs.
    """
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import translation

    from mijnbuurt.core.redis import redis_is_back

    redis_is_back()
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Passwords hash with MD5 in tests: the same flows, without PBKDF2's deliberate cost."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def resident(db):
    from tests.accounts.factories import UserFactory

    return UserFactory(email="anne@example.org", display_name="Anne")


@pytest.fixture
def outsider(db):
    from tests.accounts.factories import UserFactory

    return UserFactory(email="buitenstaander@example.org", display_name="Bram")


@pytest.fixture
def staff(db):
    """A municipal staff member: the "gemeente" group, TOTP set up, no superuser."""
    from tests.accounts.factories import staff_member

    return staff_member(email="medewerker@example.org", display_name="Gemma")


def _team_member(email: str, name: str, team: str, discipline: str, *, totp: bool = True):
    from neighbourhoods.models import AreaTeam, TeamMembership
    from tests.accounts.factories import UserFactory, enable_totp

    user = UserFactory(email=email, display_name=name)
    area_team, _ = AreaTeam.objects.get_or_create(name=team)
    TeamMembership.objects.create(team=area_team, user=user, discipline=discipline)
    if totp:
        enable_totp(user)
    return user


@pytest.fixture
def professional_a(db):
    """A professional of area team A (social work), with TOTP set up."""
    return _team_member("professional-a@example.org", "Petra", "Gebiedsteam A", "social_work")


@pytest.fixture
def professional_b(db):
    """A professional of area team B (youth and family), with TOTP set up."""
    return _team_member(
        "professional-b@example.org", "Pieter", "Gebiedsteam B", "youth_and_family"
    )


@pytest.fixture
def superuser(db):
    """A superuser (with the staff flag and TOTP) in no area team, organising nothing.

    Per-object rules have no superuser shortcut: the flags open no one's request,
    draft or booking; as staff they see what the rules give staff (the fallback queue).
    """
    from tests.accounts.factories import UserFactory, enable_totp

    user = UserFactory(
        email="superuser@example.org", display_name="Sjoerd", is_staff=True, is_superuser=True
    )
    enable_totp(user)
    return user


@pytest.fixture
def professional_a_without_mfa(db):
    """A professional of area team A who has not set up two-factor authentication."""
    return _team_member(
        "professional-a2@example.org", "Paula", "Gebiedsteam A", "social_work", totp=False
    )


@pytest.fixture
def organiser(db):
    """A resident who organises initiatives (the role follows from organising one)."""
    from tests.accounts.factories import UserFactory

    return UserFactory(email="organisator@example.org", display_name="Olga")


@pytest.fixture
def venue_manager(db):
    """A resident who manages a community building (venues give them the role)."""
    from tests.accounts.factories import UserFactory

    return UserFactory(email="beheerder@example.org", display_name="Bea")


@pytest.fixture(autouse=True)
def celery_eager(request):
    """Tasks run in-process, also on the Redis run, unless a test is about the worker
    (marked ``redis``): e-mail that a change causes is sent within the test."""
    if request.node.get_closest_marker("redis"):
        yield
        return
    from tests.notifications.utils import celery_config

    with celery_config(task_always_eager=True):
        yield
