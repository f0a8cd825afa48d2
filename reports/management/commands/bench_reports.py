"""Time the report pages as the server renders them: ``manage.py bench_reports``.

Each page is rendered twice through its URL (the admin wrapper, the view, the
template) for a staff superuser built in memory; the second, warm run is reported
with its number of queries. Load data first with ``manage.py seed_scale --factor 10``.
"""

import time

from django.contrib.auth import get_user_model
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.base import SessionBase
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone, translation

from neighbourhoods.models import Neighbourhood


def _staff_user():
    user = get_user_model()(
        pk=0, email="bench@example.org", is_staff=True, is_superuser=True, is_active=True
    )
    user._mfa_enabled = True  # built in memory: counts as signed in with its second factor
    return user


class Command(BaseCommand):
    help = "Render the report pages twice as a staff user; print the warm time and queries."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--runs", type=int, default=2, help="Renders per page (>= 2).")

    def handle(self, *args, year, runs, **options):
        translation.activate("nl")
        wijk = (
            Neighbourhood.objects.filter(level=Neighbourhood.Level.WIJK)
            .order_by("name")
            .values_list("pk", flat=True)
            .first()
        )
        pages = [
            ("dashboard, all of Assen", "/admin/rapportages/", {"jaar": year}),
            ("dashboard, one wijk", "/admin/rapportages/", {"jaar": year, "wijk": wijk or ""}),
            ("budget", "/admin/rapportages/budget/", {"jaar": year}),
            ("dashboard Excel export", "/admin/rapportages/export/dashboard.xlsx", {"jaar": year}),
        ]
        self.stdout.write(f"Database: {connection.vendor}; year {year}; {runs} renders per page.")
        for label, path, params in pages:
            seconds, queries, status = self._time(path, params, max(runs, 2))
            self.stdout.write(f"{label}: {seconds:.3f} s warm, {queries} queries (HTTP {status})")

    def _time(self, path, params, runs):
        factory = RequestFactory()
        match = resolve(path)
        timings = []
        for _n in range(runs):
            request = factory.get(path, params)
            request.user = _staff_user()
            request.session = SessionBase()
            request._messages = FallbackStorage(request)
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = match.func(request, *match.args, **match.kwargs)
                timings.append(time.perf_counter() - started)
        return timings[-1], len(queries), response.status_code
