import pytest

from mijnbuurt.notifications.services import notify
from tests.notifications.utils import celery_config

DEAD_BROKER = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker_down(celery_eager):
    """Celery publishes to a closed port, as when Redis is down; restored afterwards."""
    with celery_config(broker_url=DEAD_BROKER, task_always_eager=False):
        yield


@pytest.fixture
def security_notice():
    """Make an account-security notification for a user (committed at once)."""

    def make(user, event="password_changed", url_name="account_change_password"):
        return notify(
            recipient=user, kind="account_security", context={"event": event}, url_name=url_name
        )

    return make
