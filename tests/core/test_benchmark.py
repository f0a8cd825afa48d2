"""The page benchmark's parts: every page it names exists, and both load generators
report what a real server answered."""

import shutil

import pytest
from django.urls import Resolver404, resolve

from mijnbuurt.core.benchmark import bench_pages, parse_wrk, thread_load, wrk_load

pytestmark = pytest.mark.django_db


def test_every_app_names_pages_that_exist():
    pages = bench_pages()
    assert {page.path.split("/")[1] for page in pages} >= {
        "wijken",
        "kaart",
        "initiatieven",
        "vrijwilligerswerk",
        "locaties",
        "hulpvragen",
        "team",
        "admin",
    }
    for page in pages:
        try:
            resolve(page.path.split("?")[0])
        except Resolver404:  # pragma: no cover - the assertion says which
            pytest.fail(f"{page.path} is no page of the site")
        assert (page.who == "anonymous") == (page.email is None), page


def test_wrk_report_is_read_with_its_units():
    report = """Running 8s test @ http://127.0.0.1:8000/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    22.10ms   10.02ms 405.83ms   91.00%
  Latency Distribution
     50%  850.00us
     75%   25.00ms
     90%   30.00ms
     99%    1.13s
  2362 requests in 8.00s, 10.10MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:    295.20
Transfer/sec:      1.26MB
"""
    figures = parse_wrk(report)
    assert figures.requests_per_second == 295.2
    assert figures.p50_ms == pytest.approx(0.85)
    assert figures.p99_ms == pytest.approx(1130)
    assert figures.requests == 2362
    assert figures.failures == 9


def test_thread_generator_loads_a_real_server(live_server):
    figures = thread_load(f"{live_server.url}/health/", headers={}, seconds=1, connections=2)
    assert figures.requests > 0
    assert figures.failures == 0
    assert 0 < figures.p50_ms <= figures.p99_ms


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_wrk_loads_a_real_server(live_server):
    figures = wrk_load(
        f"{live_server.url}/no-such-page/", headers={}, seconds=1, connections=2, threads=1
    )
    assert figures.requests > 0
    assert figures.failures == figures.requests  # every answer was a 404
