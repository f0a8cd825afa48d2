import pytest


@pytest.fixture
def known(db):
    from tests.reports.data import build

    return build()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
