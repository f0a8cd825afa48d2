import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The dataset makes many accounts; a fast hasher keeps it quick (never in production)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def known(db):
    from tests.reports.data import build

    return build()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
