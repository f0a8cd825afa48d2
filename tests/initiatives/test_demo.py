import io

import pytest

from initiatives import demo
from initiatives.models import Initiative, Status

pytestmark = pytest.mark.django_db


def test_demo_seeds_every_state_and_is_idempotent(settings, tmp_path):
    from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

    settings.MEDIA_ROOT = tmp_path / "media"
    BuurtFactory(name="Brinkkwartier")
    WijkFactory(name="Assen-West")
    out = io.StringIO()
    accounts = demo.seed(out=out)
    assert {i.status for i in Initiative.objects.all()} == set(Status.values)
    count = Initiative.objects.count()

    demo.seed(out=out)

    assert Initiative.objects.count() == count == len(demo.INITIATIVES)
    assert accounts[0].email == demo.ORGANISER_EMAIL
