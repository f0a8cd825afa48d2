"""The synthetic data for benchmarks and the benchmark command, at a tiny factor."""

import io

import pytest
from django.core.management import call_command

from helprequests.models import HelpRequest
from initiatives.models import Initiative, Support
from venues.models import Booking
from volunteers.models import SignUp

pytestmark = pytest.mark.django_db


def test_scale_data_feeds_the_reports_and_the_benchmark_prints_time_and_queries(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_scale", factor=0.05, stdout=out)

    assert Initiative.objects.filter(title__startswith="[schaal]").count() == 8  # 150 x 0.05
    assert HelpRequest.objects.count() == 60  # 1,200 x 0.05
    assert Support.objects.exists()
    assert Booking.objects.filter(status="approved").exists()
    assert SignUp.objects.filter(hours_status="confirmed").exists()
    before = (Initiative.objects.count(), Booking.objects.count(), SignUp.objects.count())
    call_command("seed_scale", factor=0.05, stdout=out)  # a second run adds nothing
    assert (Initiative.objects.count(), Booking.objects.count(), SignUp.objects.count()) == before

    out = io.StringIO()
    call_command("bench_reports", stdout=out)
    lines = out.getvalue().splitlines()
    dashboard = next(line for line in lines if line.startswith("dashboard, all of Assen:"))
    assert dashboard.endswith("queries (HTTP 200)")
    assert " s warm, " in dashboard
