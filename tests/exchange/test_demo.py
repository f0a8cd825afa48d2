"""seed_demo fills the exchange, with a few matches, time credits, thanks and an open
report; twice gives the same."""

import io

import pytest
from django.db.models import Sum

from exchange import demo
from exchange.matches import CreditMovement, Feedback, Match
from exchange.models import Listing, Report
from neighbourhoods.services import neighbourhood_import
from tests.neighbourhoods.conftest import BOUNDARY_FILES

pytestmark = pytest.mark.django_db


def test_seed_makes_matches_and_credits_once():
    neighbourhood_import(paths=BOUNDARY_FILES)
    demo.seed(out=io.StringIO())
    counts = (Listing.objects.count(), Match.objects.count(), CreditMovement.objects.count())
    demo.seed(out=io.StringIO())
    assert (
        Listing.objects.count(),
        Match.objects.count(),
        CreditMovement.objects.count(),
    ) == counts
    assert Match.objects.filter(confirmed_at__isnull=False).count() == len(demo.MATCHES)
    assert CreditMovement.objects.count() == 4
    assert CreditMovement.objects.aggregate(total=Sum("hours"))["total"] == 0
    assert Listing.objects.filter(status=Listing.Status.DONE).count() == 2
    assert Feedback.objects.exclude(thanks="").count() == 2
    # one open report, so that the moderators have something to look at
    assert Report.objects.filter(handled_at__isnull=True, listing__isnull=False).count() == 1
