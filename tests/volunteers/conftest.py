import pytest


@pytest.fixture
def shift(db):
    from .factories import ShiftFactory

    return ShiftFactory()


@pytest.fixture
def task(shift):
    return shift.task
