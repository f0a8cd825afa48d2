"""The pieces of a deployed stack for tests/deploy/: a venv holding the installed wheel,
processes in process groups of their own, a mailbox (SMTP) and a visitor speaking HTTP
to gunicorn the way the TLS proxy in front of it does.
"""

import email
import email.policy
import logging
import os
import re
import signal
import subprocess
import sys
import sysconfig
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller
from PIL import Image

from tests.packaging import run

# Every step's label and seconds, shown in the terminal summary (tests/deploy/conftest.py).
TIMINGS = pytest.StashKey[list[tuple[str, float]]]()
# A test's running processes, whose logs a failure report shows.
PROCESSES = pytest.StashKey["Processes"]()


class Timings:
    def __init__(self, record: list[tuple[str, float]]):
        self.record = record

    def add(self, label: str, seconds: float) -> None:
        self.record.append((label, seconds))
        print(f"{seconds:7.2f} s  {label}")

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        started = time.monotonic()
        yield
        self.add(label, time.monotonic() - started)

    def parallel(self, steps: dict[str, Callable[[], object]]) -> None:
        """Run the steps side by side; each one's own time is recorded."""

        def timed(step: Callable[[], object]) -> float:
            started = time.monotonic()
            step()
            return time.monotonic() - started

        with ThreadPoolExecutor(len(steps)) as pool:
            running = {label: pool.submit(timed, step) for label, step in steps.items()}
        for label, seconds in running.items():
            self.add(f"{label} (side by side)", seconds.result())


def wait_until(check: Callable[[], object], *, timeout: float, what: str, every: float = 0.1):
    """``check()``'s first truthy answer, polled until ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        answer = check()
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"Gave up after {timeout} s waiting for {what}.")
        time.sleep(every)  # a poll interval, not a wait for something to happen


# --- The installed wheel ------------------------------------------------------------


def venv_with_wheel(wheel: Path, venv: Path, *, cwd: Path) -> Path:
    """A venv with the wheel installed (not editable); its python.

    The dependencies come from this test run's environment without a network: a venv
    made from inside a venv gets the *base* interpreter's site-packages with
    ``--system-site-packages``, not the project's .venv, so a .pth file adds the .venv's
    site-packages instead. That directory's own .pth files are not processed, so the
    checkout's editable install stays out; the project comes from the wheel alone.
    """
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=cwd)
    python = venv / "bin" / "python"
    site_packages = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=cwd)
        .strip()
    )  # fmt: skip
    ours = sysconfig.get_paths()
    (site_packages / "project-dependencies.pth").write_text(
        "\n".join(dict.fromkeys([ours["purelib"], ours["platlib"]])) + "\n"
    )
    # --ignore-installed: the checkout's editable install is visible as metadata.
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
        "--ignore-installed", "--disable-pip-version-check", wheel, cwd=cwd)  # fmt: skip
    return python


# --- Processes ----------------------------------------------------------------------


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


class Processes:
    """Long-running processes, each in a process group of its own (gunicorn's and
    Celery's children included), stopped together even when the test fails."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.running: list[Process] = []

    def start(self, name: str, *args: str | Path, env: dict[str, str], cwd: Path) -> Process:
        log = self.logs / f"{name}.log"
        with log.open("wb") as out:
            popen = subprocess.Popen(
                [str(arg) for arg in args],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        process = Process(name, popen, log)
        self.running.append(process)
        return process

    def assert_running(self) -> None:
        for process in self.running:
            code = process.popen.poll()
            assert code is None, f"{process.name} exited ({code}):\n{process.tail()}"

    def stop_all(self) -> None:
        for process in self.running:
            _signal_group(process.popen, signal.SIGTERM)
        for process in self.running:
            try:
                process.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                _signal_group(process.popen, signal.SIGKILL)
                process.popen.wait(timeout=5)
            _signal_group(process.popen, signal.SIGKILL)  # children left behind
        self.running.clear()

    def tails(self) -> str:
        return "\n".join(f"--- {p.name} ---\n{p.tail()}" for p in self.running)


def _signal_group(popen: subprocess.Popen, sig: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(popen.pid, sig)


# --- Mail ---------------------------------------------------------------------------


@dataclass
class Mail:
    to: list[str]
    subject: str
    body: str
    received: float  # time.monotonic()


class Mailbox:
    """An SMTP server (aiosmtpd) in this process on a free port, keeping what arrives."""

    def __init__(self, port: int):
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # a line per SMTP command
        self.messages: list[Mail] = []
        self._arrived = threading.Condition()
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.controller.port}"

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's hook
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",)).get_content()
        mail = Mail(list(envelope.rcpt_tos), str(message["subject"]), body, time.monotonic())
        with self._arrived:
            self.messages.append(mail)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, to: str, *, after: int = 0, timeout: float = 20) -> Mail:
        """The first message to ``to`` among those arriving after the first ``after``."""

        def find() -> Mail | None:
            return next((m for m in self.messages[after:] if to in m.to), None)

        deadline = time.monotonic() + timeout
        with self._arrived:
            while (mail := find()) is None:
                left = deadline - time.monotonic()
                assert left > 0, f"No e-mail to {to} within {timeout} s: {self.messages}"
                self._arrived.wait(left)
        return mail


def link_in(mail: Mail, containing: str) -> str:
    links = re.findall(r"https?://[^\s<>\"]+", mail.body)
    return next(link.rstrip(".") for link in links if containing in link)


# --- A visitor ----------------------------------------------------------------------


class Visitor:
    """A person with a browser, as gunicorn sees them behind the TLS proxy.

    Paths and the site's own https links (from e-mail) go to gunicorn over plain HTTP
    with ``X-Forwarded-Proto: https``; a form's CSRF token is read from the page it is on,
    and posts carry the Origin header as browsers send it. Every request is timed.
    """

    def __init__(self, *, port: int, timings: Timings, who: str):
        self.base = f"http://127.0.0.1:{port}"
        self.public = f"https://127.0.0.1:{port}"
        self.timings = timings
        self.who = who
        self.session = requests.Session()
        self.session.headers.update({"X-Forwarded-Proto": "https", "Accept-Language": "nl"})
        self.page = ""

    def _url(self, path_or_link: str) -> str:
        return self.base + path_or_link.removeprefix(self.public)

    def _timed(self, method: str, path: str, **kwargs) -> requests.Response:
        started = time.monotonic()
        response = self.session.request(
            method, self._url(path), allow_redirects=False, timeout=30, **kwargs
        )
        for cookie in self.session.cookies:
            # Secure cookies go back over the plain connection to gunicorn: TLS ends at
            # the proxy in front of it.
            cookie.secure = False
        shown = re.sub(r"/[^/]{25,}/", "/<key>/", path.removeprefix(self.public))
        label = f"{self.who}: {method} {shown} -> {response.status_code}"
        self.timings.add(label, time.monotonic() - started)
        return response

    def get(self, path: str) -> requests.Response:
        response = self._timed("GET", path)
        if "html" in response.headers.get("Content-Type", ""):
            self.page = response.text
        return response

    def post(self, path: str, data: dict, files: dict | None = None) -> requests.Response:
        """Submit a form of the page last fetched (its CSRF token)."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.page)
        assert token, f"No form with a CSRF token on the page:\n{self.page[:2000]}"
        data = {"csrfmiddlewaretoken": token.group(1), **data}
        return self._timed("POST", path, data=data, files=files, headers={"Origin": self.public})

    def follow(self, response: requests.Response, *, to: str = "") -> requests.Response:
        assert response.status_code == 302, (response.status_code, response.text[:2000])
        location = response.headers["Location"]
        assert location.startswith(to), location
        return self.get(location)


# --- What a resident does ------------------------------------------------------------


def jpeg() -> bytes:
    out = BytesIO()
    Image.new("RGB", (1200, 900), (40, 120, 60)).save(out, format="JPEG")
    return out.getvalue()


def first_choice(page: str, name: str) -> str:
    select = re.search(rf'<select\b[^>]*\bname="{name}"[^>]*>(.*?)</select>', page, re.DOTALL)
    assert select, f"no <select name={name!r}>"
    return re.findall(r'<option value="([^"]+)"', select.group(1))[0]


def start_initiative_with_photo(resident: "Visitor", *, media: str) -> tuple[str, str]:
    """The initiative's path, and its photo's URL (under ``media``) from that page."""
    form = resident.get("/initiatieven/nieuw/")
    assert form.status_code == 200
    started = resident.post(
        "/initiatieven/nieuw/",
        {
            "title": "Moestuin aan de Vaart",
            "summary": "Samen groente kweken naast het water.",
            "description": "Een gezamenlijke moestuin voor de buurt, met bakken op hoogte.",
            "theme": first_choice(resident.page, "theme"),
            "neighbourhood": first_choice(resident.page, "neighbourhood"),
            "start_date": (date.today() + timedelta(days=14)).isoformat(),
        },
        files={"photos": ("moestuin.jpg", jpeg(), "image/jpeg")},
    )
    assert started.status_code == 302, started.text[:3000]
    page = resident.follow(started, to="/initiatieven/")
    assert page.status_code == 200
    assert "Moestuin aan de Vaart" in page.text
    photo = re.search(rf'<img[^>]+src="({re.escape(media)}initiatives/[^"]+)"', page.text)
    assert photo, "no photo on the initiative's page"
    return started.headers["Location"], photo.group(1)
