import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Tests create many volunteers; a fast hasher keeps them quick (never in production)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def shift(db):
    from .factories import ShiftFactory

    return ShiftFactory()


@pytest.fixture
def task(shift):
    return shift.task
