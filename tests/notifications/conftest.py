import pytest

from mijnbuurt.notifications.services import notify
from tests.notifications.utils import celery_config

DEAD_BROKER = "redis://127.0.0.1:1/0"


@pytest.fixture(autouse=True)
def celery_eager(request):
    """Tasks run in-process, also on the Redis run, unless a test is about the worker."""
    if request.node.get_closest_marker("redis"):
        yield
        return
    with celery_config(task_always_eager=True):
        yield


@pytest.fixture
def broker_down(celery_eager):
    """Celery publishes to a closed port, as when Redis is down; restored afterwards."""
    with celery_config(broker_url=DEAD_BROKER, task_always_eager=False):
        yield


@pytest.fixture
def security_notice():
    """Make an account-security notification for a user (committed at once)."""

    def make(user, event="password_changed", link="/accounts/password/change/"):
        return notify(recipient=user, kind="account_security", context={"event": event}, link=link)

    return make
