"""Synthetic activities for benchmarks: a year of activities with registrations, once;
the benchmark names the list and an activity's page; the list stays flat in queries."""

import io

import pytest
from django.urls import reverse

from activities import bench, scale
from activities.models import Activity, Registration
from neighbourhoods import scale as neighbourhoods_scale

pytestmark = pytest.mark.django_db


def test_scale_seeds_a_year_of_activities_once(client, django_assert_num_queries):
    neighbourhoods_scale.seed(factor=0.02, out=io.StringIO())
    scale.seed(factor=0.1, out=io.StringIO())
    assert Activity.objects.count() == 50
    assert Registration.objects.count() == 500
    assert Registration.objects.filter(status="waiting").exists()
    scale.seed(factor=0.1, out=io.StringIO())
    assert Activity.objects.count() == 50
    with django_assert_num_queries(3):
        client.get(reverse("activities:list"))
    paths = [page.path for page in bench.pages()]
    assert "/activiteiten/" in paths
    assert any(
        p.startswith("/activiteiten/") and p.rstrip("/").split("/")[-1].isdigit() for p in paths
    )
