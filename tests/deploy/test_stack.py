"""The stack as deployed, driven like a user: the installed wheel behind gunicorn with a
Celery worker and beat, PostgreSQL, Redis and an SMTP server, DEBUG off.

The wheel (shared with tests/test_package.py) goes into a venv of its own; every
command and process runs from a directory outside the checkout, so only the installed
package is importable. A resident signs up, confirms the address from the e-mail (sent
by the worker from the outbox), logs in and starts an initiative with a photo that then
loads; changing the password sends a notice through the worker; staff without two-factor
authentication do not get into the admin; /health/ reports every service. A second
gunicorn with uploads on S3-compatible object storage (moto's server) shows a photo
from the bucket and guards a receipt (tests/deploy/object_storage.py). The terminal
summary lists each step's time.

It runs once per CI run: in the PostgreSQL pass (skipped when the tests run on SQLite),
on a database of its own on that server, created and dropped here, with a redis-server
of its own on a free port. Everything stops, also when the test fails.
"""

import re
import secrets
import time
import uuid
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
import requests
from django.conf import settings
from psycopg import sql

from tests.deploy.object_storage import OUTSIDER, photo_and_receipt_on_object_storage
from tests.deploy.stack import (
    PROCESSES,
    TIMINGS,
    Mailbox,
    Processes,
    Timings,
    Visitor,
    link_in,
    start_initiative_with_photo,
    venv_with_wheel,
    wait_until,
)
from tests.packaging import BUILD_SECONDS, ROOT, clean_env, run
from tests.s3 import fresh_buckets, s3_environment
from tests.servers import PrivateRedis, free_port, needs_redis_server

POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

pytestmark = [
    pytest.mark.stack,
    pytest.mark.skipif(
        not POSTGRES, reason="runs once, in the PostgreSQL pass: needs a PostgreSQL server"
    ),
    needs_redis_server,
]

ALL_OK = {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok", "worker": "ok"}
RESIDENT = "bewoner@example.org"
PASSWORD = "Brink-Assen-2025!"
NEW_PASSWORD = "Vaart-Assen-2026!"
STAFF = "gemma@assen.example.org"

# Run in the venv: the project is the installed one, its translations compiled in the
# wheel; then what an operator sets up: the wijken and buurten, a staff account; and
# a resident who has an account already (tests/deploy/object_storage.py).
SETUP = """
import sys
from importlib import resources
from pathlib import Path

import django

django.setup()

import helprequests, initiatives, mijnbuurt, neighbourhoods, reports, venues, volunteers
from django.core.management import call_command
from django.utils import translation

from allauth.account.models import EmailAddress

from mijnbuurt.accounts.models import User

venv, checkout, staff, password, resident, resident_password = sys.argv[1:]
for package in (mijnbuurt, neighbourhoods, helprequests, initiatives, volunteers, venues, reports):
    assert Path(package.__file__).resolve().is_relative_to(Path(venv).resolve()), package
assert checkout not in {str(Path(entry).resolve()) for entry in sys.path}, sys.path
assert (resources.files("mijnbuurt") / "locale/nl/LC_MESSAGES/django.mo").is_file()
with translation.override("nl"):
    assert translation.gettext("Too many attempts") == "Te veel pogingen"

data = resources.files("neighbourhoods") / "data"
call_command("import_neighbourhoods", str(data / "assen-wijken-2023.geojson"),
             str(data / "assen-buurten-2022.geojson"), verbosity=0)
call_command("create_staff", staff, name="Gemma", no_password=True)
user = User.objects.get(email=staff)
user.set_password(password)
user.save()
user = User.objects.create_user(email=resident, password=resident_password, display_name="Bert")
EmailAddress.objects.create(user=user, email=resident, verified=True, primary=True)
"""


@dataclass
class Stack:
    port: int
    processes: Processes
    staff_password: str
    database_url: str
    outsider_password: str
    # A second web server on the same database, Redis and mail, with uploads on
    # S3-compatible object storage (S3_BUCKET).
    s3_port: int
    s3_url: str

    @property
    def health_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/health/"


@pytest.fixture
def timings(request) -> Timings:
    return Timings(request.config.stash.setdefault(TIMINGS, []))


@pytest.fixture
def postgres_url():
    """A database of its own on the tests' PostgreSQL server; dropped afterwards."""
    db = settings.DATABASES["default"]
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }
    name = f"stack_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    credentials = quote(server["user"] or "")
    if server["password"]:
        credentials += ":" + quote(server["password"])
    yield f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        connection.execute(drop.format(sql.Identifier(name)))


@pytest.fixture
def private_redis():
    server = PrivateRedis()
    yield server
    server.stop()


@pytest.fixture
def mailbox():
    box = Mailbox(free_port())
    box.controller.start()
    yield box
    box.controller.stop()


def gunicorn(*, port: int, workers: int, control: Path) -> tuple:
    return (
        *("gunicorn", "-c", "python:mijnbuurt.gunicorn_config", "mijnbuurt.wsgi"),
        *("--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--control-socket", control),
    )


def commands(*, port: int, tmp_path: Path) -> dict[str, tuple]:
    """The processes of the Dockerfile and docker-compose.yml, smaller: two gunicorn
    workers, one Celery process (without gossip and mingle: there are no other workers
    to talk to, and mingle waits for their answers); gunicorn's control socket and
    beat's schedule in this test's directory."""
    return {
        "gunicorn": gunicorn(port=port, workers=2, control=tmp_path / "gunicorn.ctl"),
        "worker": (
            *("celery", "-A", "mijnbuurt", "worker", "--concurrency", "1"),
            *("--without-gossip", "--without-mingle"),
        ),
        "beat": ("celery", "-A", "mijnbuurt", "beat", "--schedule", tmp_path / "celerybeat"),
    }


def _health_all_ok(stack: Stack, port: int):
    stack.processes.assert_running()
    try:
        response = requests.get(f"http://127.0.0.1:{port}/health/", timeout=10)
    except requests.RequestException:
        return None  # gunicorn is not listening yet, or its workers are still starting
    return response.status_code == 200 and response.json() == ALL_OK


@pytest.fixture
def stack(request, wheel, tmp_path, postgres_url, private_redis, mailbox, s3_server, timings):
    timings.add("wheel build (once per test run)", request.config.stash.get(BUILD_SECONDS, 0.0))
    elsewhere = tmp_path / "elsewhere"  # the working directory: not the checkout
    elsewhere.mkdir()
    with timings.step("venv and pip install --no-deps of the wheel"):
        python = venv_with_wheel(wheel, tmp_path / "venv", cwd=elsewhere)
    port = free_port()
    env = clean_env(
        DJANGO_SETTINGS_MODULE="mijnbuurt.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"https://127.0.0.1:{port}",
        DATABASE_URL=postgres_url,
        REDIS_URL=private_redis.url,
        EMAIL_URL=mailbox.url,
        VAR_DIR=str(tmp_path / "var"),
    )
    django = (python, "-m", "django")
    # Independent, so side by side: the schema, and the static files gunicorn serves.
    timings.parallel(
        {
            "migrate (PostgreSQL)": partial(
                run, *django, "migrate", "--noinput", cwd=elsewhere, env=env
            ),
            "collectstatic": partial(
                run, *django, "collectstatic", "--noinput", cwd=elsewhere, env=env
            ),
        }
    )

    processes = Processes(tmp_path)
    request.node.stash[PROCESSES] = processes
    fresh_buckets(s3_server)
    deployed = Stack(
        port=port,
        processes=processes,
        staff_password=secrets.token_urlsafe(16),
        database_url=postgres_url,
        outsider_password=secrets.token_urlsafe(16),
        s3_port=free_port(),
        s3_url=s3_server,
    )
    try:
        started = time.monotonic()
        for name, command in commands(port=port, tmp_path=tmp_path).items():
            processes.start(name, python, "-m", *command, env=env, cwd=elsewhere)
        s3_site = gunicorn(port=deployed.s3_port, workers=1, control=tmp_path / "s3.ctl")
        s3_env = env | s3_environment(s3_server)
        processes.start("gunicorn-s3", python, "-m", *s3_site, env=s3_env, cwd=elsewhere)
        # While they start: what an operator sets up.
        with timings.step("installed package checked, neighbourhoods imported, create_staff"):
            run(python, "-c", SETUP, tmp_path / "venv", ROOT, STAFF, deployed.staff_password,
                OUTSIDER, deployed.outsider_password, cwd=elsewhere, env=env)  # fmt: skip
        for web in (port, deployed.s3_port):
            wait_until(lambda: _health_all_ok(deployed, web), timeout=60, what="/health/ all ok")  # noqa: B023
        timings.add(
            "start-up: gunicorn (2 workers, and 1 on S3), Celery worker and beat until "
            "/health/ is all ok",
            time.monotonic() - started,
        )
        yield deployed
    finally:
        processes.stop_all()


def sign_up_and_confirm(resident: Visitor, mailbox: Mailbox, timings: Timings) -> None:
    assert resident.get("/accounts/signup/").status_code == 200
    sent = time.monotonic()
    signed_up = resident.post(
        "/accounts/signup/",
        {"display_name": "Rieks", "email": RESIDENT, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert signed_up.status_code == 302, signed_up.text[:3000]
    mail = mailbox.wait_for(RESIDENT)
    # Account e-mails go through the outbox, the broker and the worker, like notifications.
    timings.add("mail: address verification via the worker, from submitting", mail.received - sent)
    assert "Bevestig" in mail.subject

    link = link_in(mail, "/accounts/confirm-email/")
    assert resident.get(link).status_code == 200  # a form: no confirmation on GET
    assert resident.follow(resident.post(link, {}), to="/accounts/login/").status_code == 200


def test_resident_and_staff_use_the_deployed_stack(stack, mailbox, timings):
    # The container health check: plain HTTP, no proxy; pages themselves go to HTTPS.
    assert requests.get(stack.health_url, timeout=5).json() == ALL_OK
    home = requests.get(
        stack.health_url.replace("/health/", "/"), allow_redirects=False, timeout=10
    )
    assert home.status_code == 301
    assert home.headers["Location"].startswith("https://")

    resident = Visitor(port=stack.port, timings=timings, who="resident")
    home = resident.get("/")
    assert home.status_code == 200
    assert "Direct naar de inhoud" in home.text  # Dutch, from the wheel's django.mo
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', home.text)
    assert stylesheet, "no hashed stylesheet (collectstatic's manifest) on the home page"
    css = resident.get(stylesheet.group(1))
    assert css.status_code == 200
    assert css.headers["Content-Type"].startswith("text/css")
    assert "box-sizing" in css.text

    sign_up_and_confirm(resident, mailbox, timings)
    logged_in = resident.post("/accounts/login/", {"login": RESIDENT, "password": PASSWORD})
    assert resident.follow(logged_in, to="/mijn-buurt/").status_code == 200

    _, photo_url = start_initiative_with_photo(resident, media="/media/")
    photo = resident.get(photo_url)
    assert photo.status_code == 200
    assert photo.headers["Content-Type"] == "image/jpeg"
    assert photo.content.startswith(b"\xff\xd8")

    # Notifications go through the outbox, the broker and the worker.
    assert resident.get("/accounts/password/change/").status_code == 200
    before = len(mailbox.messages)
    changed = resident.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    answered = time.monotonic()
    assert changed.status_code == 302, changed.text[:3000]
    notice = mailbox.wait_for(RESIDENT, after=before)
    latency = notice.received - answered
    timings.add("mail: password-change notice via the worker, after the answer", latency)
    assert f"https://127.0.0.1:{stack.port}/accounts/password/change/" in notice.body

    staff = Visitor(port=stack.port, timings=timings, who="staff")
    assert staff.get("/accounts/login/").status_code == 200
    logged_in = staff.post("/accounts/login/", {"login": STAFF, "password": stack.staff_password})
    assert logged_in.status_code == 302
    for admin_page in ("/admin/", "/admin/rapportages/"):
        refused = staff.get(admin_page)
        assert refused.status_code == 302
        assert refused.headers["Location"] == "/accounts/2fa/totp/activate/"
    # allauth asks for the password again before showing the TOTP secret.
    set_up = staff.follow(refused)
    assert staff.follow(set_up, to="/accounts/reauthenticate/").status_code == 200

    # The same site with uploads on object storage (a second gunicorn, S3_BUCKET set).
    photo_and_receipt_on_object_storage(stack, resident, timings)

    with timings.step("GET /health/ (all ok)"):
        assert requests.get(stack.health_url, timeout=5).json() == ALL_OK
    stack.processes.assert_running()
