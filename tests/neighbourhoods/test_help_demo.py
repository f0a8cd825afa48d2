"""seed_demo's help requests: every state, fictional people, idempotent."""

from io import StringIO

import pytest

from neighbourhoods import demo
from neighbourhoods.models import HelpRequest, HelpStatus, ReplyTemplate

pytestmark = pytest.mark.django_db


def test_demo_has_help_requests_in_every_state_and_seeding_twice_adds_none():
    demo.seed(out=StringIO())
    count = HelpRequest.objects.count()
    demo.seed(out=StringIO())
    assert HelpRequest.objects.count() == count
    assert set(HelpRequest.objects.values_list("status", flat=True)) == set(HelpStatus.values)
    assert HelpRequest.objects.filter(requester__isnull=True, filed_by__isnull=False).exists()
    assert all(r.team_id for r in HelpRequest.objects.all())
    assert ReplyTemplate.objects.exists()
    assert HelpRequest.objects.filter(satisfaction__isnull=False).exists()
