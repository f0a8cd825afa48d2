"""Logs an operator can follow: JSON lines with the request id (and the task id of a
Celery task), an X-Request-ID on every response, and no e-mail address in any line."""

import copy
import io
import json
import logging
import logging.config
import os
import smtplib
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from django.urls import reverse
from gunicorn.config import Config
from gunicorn.glogging import Logger as GunicornLogger

from mijnbuurt.core.log import REQUEST_ID_HEADER, MaskEmailFilter, log_format, request_id_var
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
ANNE = "anne@example.org"
WORKER = [
    *(sys.executable, "-m", "celery", "-A", "mijnbuurt", "worker", "--pool=solo"),
    "--loglevel=INFO",
    "--without-gossip",
    "--without-mingle",
    "--without-heartbeat",
]


@pytest.fixture
def json_lines(settings):
    """The application's logging as LOG_FORMAT=json configures it, written to a buffer."""
    stream = io.StringIO()
    config = copy.deepcopy(settings.LOGGING)
    config["handlers"]["console"] |= {"formatter": "json", "stream": stream}
    logging.config.dictConfig(config)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.config.dictConfig(settings.LOGGING)


def test_a_safe_incoming_request_id_is_kept_and_anything_else_replaced(client, db):
    kept = client.get(reverse("health"), headers={REQUEST_ID_HEADER: "nginx-7f3a9c0d.e1"})
    assert kept[REQUEST_ID_HEADER] == "nginx-7f3a9c0d.e1"
    for unsafe in ["abc def", 'x"}{"level":"ERROR', "a" * 65, "-leading-dash", ""]:
        response = client.get(reverse("health"), headers={REQUEST_ID_HEADER: unsafe})
        assert len(response[REQUEST_ID_HEADER]) == 32, unsafe
        assert response[REQUEST_ID_HEADER] != unsafe
    assert client.get(reverse("health"))[REQUEST_ID_HEADER] != response[REQUEST_ID_HEADER]


@pytest.mark.django_db(transaction=True)  # the e-mail is sent on commit, inside the request
def test_a_failed_email_during_a_request_logs_json_with_request_and_task_id_and_no_address(
    client, json_lines
):
    from tests.accounts.factories import UserFactory

    anne = UserFactory(email=ANNE)
    client.force_login(anne)
    refused = smtplib.SMTPRecipientsRefused({ANNE: (550, f"5.1.1 <{ANNE}>: unknown".encode())})
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=refused
    ):
        response = client.post(
            reverse("account_change_password"),
            {
                "oldpassword": PASSWORD,
                "password1": "Nieuw-wachtwoord-voor-Assen-7",
                "password2": "Nieuw-wachtwoord-voor-Assen-7",
            },
            headers={REQUEST_ID_HEADER: "req-0001"},
        )
    assert response.status_code == 302
    assert response[REQUEST_ID_HEADER] == "req-0001"
    notification = Notification.objects.get(recipient=anne)
    assert notification.delivery == Notification.Delivery.PENDING  # the sweeper tries again

    lines = json_lines()
    failed = [line for line in lines if line["message"].startswith("E-mailing notification")]
    assert len(failed) == 1
    assert failed[0]["level"] == "WARNING"
    assert failed[0]["logger"] == "mijnbuurt.notifications.tasks"
    assert failed[0]["request_id"] == "req-0001"
    assert len(failed[0]["task_id"]) == 36  # the eager task's own id
    assert ANNE not in json.dumps(lines)


def test_an_address_in_a_logged_path_is_masked(client, db, json_lines):
    response = client.get(f"/{ANNE}/")
    assert response.status_code == 404
    [line] = [line for line in json_lines() if line["logger"] == "django.request"]
    assert line["message"] == "Not Found: /***@***/"
    assert line["request_id"] == response[REQUEST_ID_HEADER]
    assert line["status_code"] == 404
    assert "request" not in line  # the request object is never written


def test_addresses_are_masked_in_arguments_extra_fields_and_tracebacks():
    person = type("Person", (), {"__str__": lambda self: ANNE})()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(MaskEmailFilter())
    logger = logging.getLogger("tests.masking")
    logger.addHandler(handler)
    try:
        logger.warning("Sent to %s and %s", person, "bram@example.nl", extra={"to": ANNE})
        try:
            raise smtplib.SMTPRecipientsRefused({ANNE: (550, b"unknown")})
        except smtplib.SMTPException:
            logger.exception("Refused")
    finally:
        logger.removeHandler(handler)
    assert "Sent to ***@*** and ***@***" in stream.getvalue()
    assert "SMTPRecipientsRefused" in stream.getvalue()
    assert "@example" not in stream.getvalue()


def test_log_format_is_plain_or_json():
    assert log_format(" JSON ") == "json"
    assert log_format("plain") == "plain"
    with pytest.raises(ValueError, match="LOG_FORMAT='xml'"):
        log_format("xml")


def test_log_format_json_from_the_environment_writes_json_lines():
    env = {**os.environ, "DEBUG": "true", "LOG_FORMAT": "json"}
    code = "import logging; logging.getLogger('mijnbuurt.x').warning('Mail to %s', 'a@b.nl')"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "Mail to ***@***"
    assert line["logger"] == "mijnbuurt.x"
    assert set(line) >= {"time", "level"}


def test_gunicorn_access_lines_are_json_with_the_request_id(monkeypatch, capsys, settings):
    monkeypatch.setenv("LOG_FORMAT", "json")
    import importlib

    import mijnbuurt.gunicorn_config as gunicorn_config

    importlib.reload(gunicorn_config)
    cfg = Config()
    for name in ("accesslog", "loglevel", "logconfig_dict"):
        cfg.set(name, getattr(gunicorn_config, name))
    try:
        log = GunicornLogger(cfg)
        response = SimpleNamespace(
            status="404 Not Found", headers=[("X-Request-ID", "req-0002")], sent=1234
        )
        request = SimpleNamespace(headers=[("USER-AGENT", 'Mozilla "5"')])
        environ = {
            "REQUEST_METHOD": "GET",
            "RAW_URI": f"/{ANNE}/?q=Kerkstraat+1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "PATH_INFO": f"/{ANNE}/",
            "QUERY_STRING": "q=Kerkstraat+1",
            "REMOTE_ADDR": "192.0.2.7",
            "HTTP_USER_AGENT": 'Mozilla "5"',
        }
        log.access(response, request, environ, timedelta(milliseconds=42))
    finally:
        logging.config.dictConfig(settings.LOGGING)
        monkeypatch.delenv("LOG_FORMAT")
        importlib.reload(gunicorn_config)
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line["logger"] == "gunicorn.access"
    assert line["message"] == "GET /***@***/ 404"
    assert line["request_id"] == "req-0002"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/***@***/", 404)
    assert (line["bytes"], line["duration_ms"]) == (1234, 42)
    assert line["remote_addr"] == "192.0.2.7"
    assert line["user_agent"] == 'Mozilla "5"'
    assert "Kerkstraat" not in json.dumps(line)


def test_request_id_var_is_clear_after_a_request(client, db):
    client.get(reverse("home"))
    assert request_id_var.get() is None


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set: no broker")
def test_a_worker_logs_json_with_the_task_id_and_the_request_id_that_enqueued_it(tmp_path):
    from celery.result import allow_join_result
    from django.conf import settings

    from mijnbuurt.core.tasks import check_services

    queue = f"test-{uuid.uuid4().hex[:8]}"
    log_file = tmp_path / "worker.log"
    with log_file.open("w") as log:
        worker = subprocess.Popen(
            [*WORKER, "-Q", queue],
            cwd=ROOT,
            env={**os.environ, "REDIS_URL": settings.REDIS_URL, "LOG_FORMAT": "json"},
            stdout=subprocess.DEVNULL,  # the banner
            stderr=log,
        )
        try:
            token = request_id_var.set("req-0003")
            try:
                result = check_services.apply_async(queue=queue)
            finally:
                request_id_var.reset(token)
            with allow_join_result():
                assert result.get(timeout=60)["database"] is True
        finally:
            worker.terminate()  # a warm shutdown: every line is written when it has ended
            worker.wait(timeout=30)
    text = log_file.read_text()
    lines = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    succeeded = [
        line
        for line in lines
        if line.get("task_id") == result.id and "succeeded" in line["message"]
    ]
    assert len(succeeded) == 1, text
    assert succeeded[0]["request_id"] == "req-0003"
    assert succeeded[0]["logger"] == "celery.app.trace"
    assert any(
        line["message"].startswith("Task") and "received" in line["message"] for line in lines
    )


def test_an_unreachable_geocoder_is_logged_without_the_address_asked_for(caplog, settings):
    import responses

    from mijnbuurt.core.exceptions import ServiceError
    from neighbourhoods.geocoding import geocode_address

    with responses.RequestsMock() as pdok, caplog.at_level(logging.WARNING):
        pdok.get(settings.GEOCODER_URL.rstrip("/") + "/free", status=500)
        with pytest.raises(ServiceError):
            geocode_address(query="Voorbeeldstraat 12, Assen")
    assert caplog.messages == ["Geocoder unavailable: HTTPError, HTTP status 500"]
