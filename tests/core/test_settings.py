"""Configuration from the environment: safe defaults, and production refuses bad values."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTROLLED = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-real-production-secret-6Yq9!kP2@wZ7#rT4$uV8%xB3^nM5&jL1*hG0",
    "ALLOWED_HOSTS": "mijnbuurt.assen.nl",
    "SITE_URL": "https://mijnbuurt.assen.nl",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in CONTROLLED}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_unless_asked_for():
    env = {k: v for k, v in PRODUCTION.items() if k != "DEBUG"}
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"

    without_secret = {k: v for k, v in env.items() if k != "SECRET_KEY"}
    result = manage("check", env=without_secret)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_real_secret_key():
    env = {**PRODUCTION}
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_bad_boolean_fails_at_start_with_a_clear_message():
    result = manage("check", env={"DEBUG": "misschien"})
    assert result.returncode != 0
    assert "misschien" in result.stderr


def test_seed_demo_refuses_to_run_with_debug_off():
    result = manage("seed_demo", env=PRODUCTION)
    assert result.returncode != 0
    assert "refuses to run with DEBUG off" in result.stderr


def test_a_database_that_does_not_answer_fails_within_the_connect_timeout():
    """A PostgreSQL host that accepts the connection but never speaks (a hung server)
    fails a request after DATABASE_CONNECT_TIMEOUT instead of holding it for minutes."""
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # the kernel completes the handshake; nobody ever answers
    port = silent.getsockname()[1]
    code = (
        "import time; from django.db import connection\n"
        "started = time.monotonic()\n"
        "try:\n    connection.ensure_connection()\n"
        "except Exception as error:\n    print(type(error).__name__)\n"
        "print(round(time.monotonic() - started, 1))"
    )
    try:
        result = manage(
            "shell",
            "-c",
            code,
            env={
                "DEBUG": "true",
                "DATABASE_URL": f"postgres://nobody@127.0.0.1:{port}/none",
                "DATABASE_CONNECT_TIMEOUT": "1",
            },
        )
    finally:
        silent.close()
    assert result.returncode == 0, result.stderr
    error, seconds = result.stdout.strip().splitlines()[-2:]
    assert error == "OperationalError"
    assert float(seconds) < 5
