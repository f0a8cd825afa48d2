"""Shared test set-up: personas (built as users would be), cache reset, browser."""

import os

import pytest

# Playwright's sync API runs an event loop; Django refuses ORM calls from such a
# thread unless told that this is safe (it is: tests are single-threaded).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.browser.fixtures"]


@pytest.fixture(autouse=True)
def _fresh_state():
    """Rate limits, cached lookups and the active language never leak between tests.

    A request to an /en/ page leaves English active in the thread, and ``reverse()``
    in the next test would then build /en/ URLs.
    """
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
    cache.clear()


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
    """A municipal staff member with TOTP set up, as the admin requires."""
    from tests.accounts.factories import UserFactory, enable_totp

    user = UserFactory(email="medewerker@example.org", display_name="Gemma", is_staff=True)
    enable_totp(user)
    return user
