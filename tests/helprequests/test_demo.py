"""seed_demo's help requests: every state, fictional people, idempotent.

They are filed in the area teams of neighbourhoods' demo, which seed_demo loads first."""

from io import StringIO

import pytest

from helprequests import demo
from helprequests.models import HelpRequest, HelpStatus, ReplyTemplate
from neighbourhoods import demo as neighbourhoods_demo

pytestmark = pytest.mark.django_db


def test_demo_has_help_requests_in_every_state_and_seeding_twice_adds_none():
    neighbourhoods_demo.seed(out=StringIO())
    demo.seed(out=StringIO())
    count = HelpRequest.objects.count()
    neighbourhoods_demo.seed(out=StringIO())
    demo.seed(out=StringIO())
    assert HelpRequest.objects.count() == count
    assert set(HelpRequest.objects.values_list("status", flat=True)) == set(HelpStatus.values)
    assert HelpRequest.objects.filter(requester__isnull=True, filed_by__isnull=False).exists()
    assert all(r.team_id for r in HelpRequest.objects.all())
    assert ReplyTemplate.objects.exists()
    assert HelpRequest.objects.filter(satisfaction__isnull=False).exists()
