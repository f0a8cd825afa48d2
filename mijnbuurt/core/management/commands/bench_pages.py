"""Measure pages as users feel them: under load, served as in production, beside a bare page.

Starts the site under gunicorn with DEBUG off (on the database and Redis this command
is configured with) and a bare Django page under a second gunicorn
(``mijnbuurt.core.bare_page``), then loads every page that the apps' ``bench.py``
name, alternating with the bare page, and prints a table: requests per second, the
bare page's requests per second in the same minute and the ratio, p50 and p99, the
number of queries (counted in this process) and the response size. Run it on a
database filled by ``seed_demo`` and ``seed_scale --factor N`` (README, "Speed").
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from mijnbuurt.core.benchmark import BenchPage, bench_pages, generator_name, load

HOST = "127.0.0.1"
# gunicorn serves plain HTTP here; the site, with DEBUG off, redirects to https
# unless the (trusted) proxy header says the request came in over https.
# What a browser sends: HTTPS at the proxy, Dutch, and gzip accepted (so the bytes
# column is what travels; a page that is not compressed shows its full size).
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "nl", "Accept-Encoding": "gzip"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for(url: str, *, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own localhost
                return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise CommandError(f"{url} did not answer within {seconds:g} s.") from None
            time.sleep(0.2)


@contextmanager
def gunicorn(app: str, *, port: int, workers: int, env: dict[str, str]):
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=env,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch(url: str, headers: dict[str, str]) -> tuple[int, int]:
    """Status and size of one answer, redirects not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own localhost
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())


class Command(BaseCommand):
    help = (
        "Load every page the apps' bench.py name under gunicorn (DEBUG off) beside a bare "
        "Django page, and print requests per second, the ratio to the bare page, p50/p99, "
        "queries and bytes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=8, help="Load per page (default 8).")
        parser.add_argument("--connections", type=int, default=8, help="Concurrent (default 8).")
        parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
        parser.add_argument("--only", default="", help="Only pages whose path contains this.")

    def handle(self, *args, seconds, connections, threads, workers, only, **options):
        pages = [page for page in [BenchPage("/"), *bench_pages()] if only in page.path]
        if not pages:
            raise CommandError("No page matches --only.")
        # The sessions are signed with the key the served site gets.
        secret_key = secrets.token_urlsafe(50)
        with override_settings(SECRET_KEY=secret_key):
            cookies = self.sessions(pages)
            queries = {page: self.count_queries(page, cookies) for page in pages}
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mijnbuurt.settings",
            "DEBUG": "false",
            "SECRET_KEY": secret_key,
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "LOG_LEVEL": "WARNING",
            # One load generator is one client IP: the API's per-IP limit would answer it.
            "API_RATE_LIMIT": os.environ.get("API_RATE_LIMIT", "1000000/m"),
        }
        self.stdout.write("Collecting static files (the manifest that DEBUG off needs) ...")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            env=env,
            check=True,
            cwd=settings.BASE_DIR,
        )
        site_port, bare_port = free_port(), free_port()
        bare_env = {**env, "DJANGO_SETTINGS_MODULE": "mijnbuurt.core.bare_page"}
        with ExitStack() as stack:
            stack.enter_context(
                gunicorn("mijnbuurt.wsgi", port=site_port, workers=workers, env=env)
            )
            stack.enter_context(
                gunicorn(
                    "django.core.wsgi:get_wsgi_application()",
                    port=bare_port,
                    workers=workers,
                    env=bare_env,
                )
            )
            wait_for(f"http://{HOST}:{site_port}/health/")
            wait_for(f"http://{HOST}:{bare_port}/")
            self.stdout.write(
                f"{len(pages)} pages, {seconds} s each at {connections} connections, "
                f"gunicorn {workers} workers, load from {generator_name()}, "
                f"database {connection.vendor}, {os.cpu_count()} cores.\n"
            )
            rows = [
                self.measure(
                    page,
                    queries[page],
                    cookies,
                    site_port=site_port,
                    bare_port=bare_port,
                    seconds=seconds,
                    connections=connections,
                    threads=threads,
                )
                for page in pages
            ]
        self.stdout.write(
            "| page | who | req/s | bare page req/s | ratio | p50 | p99 | queries | bytes | "
            "failed | load at start |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | "
            "--- | --- |"
        )
        for row in rows:
            self.stdout.write(row)

    def sessions(self, pages: list[BenchPage]) -> dict[str, str]:
        """A signed-in session for every account a page asks for (in the database)."""
        User = get_user_model()
        cookies = {}
        for email in {page.email for page in pages if page.email}:
            user = User.objects.filter(email=email).first()
            if user is None:
                raise CommandError(f"No account {email}: run seed_demo first.")
            client = Client()
            client.force_login(user)
            cookies[email] = client.cookies[settings.SESSION_COOKIE_NAME].value
        return cookies

    def headers(self, page: BenchPage, cookies: dict[str, str]) -> dict[str, str]:
        if page.email is None:
            return HEADERS
        return {**HEADERS, "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookies[page.email]}"}

    def count_queries(self, page: BenchPage, cookies: dict[str, str]) -> int:
        client = Client(HTTP_HOST=HOST)
        if page.email:
            client.cookies[settings.SESSION_COOKIE_NAME] = cookies[page.email]
        client.get(page.path, headers={"accept-language": "nl"})  # warm caches of this process
        with CaptureQueriesContext(connection) as captured:
            client.get(page.path, headers={"accept-language": "nl"})
        return len(captured)

    def measure(self, page, queries, cookies, *, site_port, bare_port, **load_options) -> str:
        url = f"http://{HOST}:{site_port}{page.path}"
        headers = self.headers(page, cookies)
        status, size = fetch(url, headers)
        started_load = os.getloadavg()[0]
        if status != 200:
            return (
                f"| {page.path} | {page.who} | answered {status}, not loaded | | | | | "
                f"{queries} | {size:,} | | {started_load:.2f} |"
            )
        site = load(url, headers=headers, **load_options)
        bare = load(f"http://{HOST}:{bare_port}/", headers=HEADERS, **load_options)
        ratio = (
            site.requests_per_second / bare.requests_per_second if bare.requests_per_second else 0
        )
        self.stderr.write(f"{page.path} ({page.who}): {site.requests_per_second:.1f} req/s")
        return (
            f"| {page.path} | {page.who} | {site.requests_per_second:.1f} | "
            f"{bare.requests_per_second:.1f} | {ratio:.2f} | {site.p50_ms:.1f} ms | "
            f"{site.p99_ms:.1f} ms | {queries} | {size:,} | {site.failures} | {started_load:.2f} |"
        )
