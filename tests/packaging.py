"""The project's wheel, built once per test run, for the tests that install it.

The wheel is built from a copy of the checkout (translations compiled first, as `make`
and the Dockerfile do). ``wheel`` is a session fixture (registered in the root
conftest.py), shared by tests/test_package.py and tests/deploy/.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# How long building the wheel took, for the tests that report their timings.
BUILD_SECONDS = pytest.StashKey[float]()
NOT_SHIPPED = shutil.ignore_patterns(
    ".*", "var", "tests", "test-artifacts", "build", "*.egg-info", "__pycache__", "*.mo"
)


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without what points Django or Python at the checkout's set-up."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests
            "DATABASE_URL",
            "REDIS_URL",
            "PYTHONPATH",
        }
    }
    return {**env, **extra}


def build_wheel(work: Path) -> Path:
    source = work / "source" / "mijnbuurt-assen"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)
    run(sys.executable, "-m", "django", "compilemessages", "--verbosity=0", cwd=source,
        env=clean_env())  # fmt: skip
    out = work / "dist"
    out.mkdir()
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "--wheel-dir", out, source, cwd=out, env=clean_env())  # fmt: skip
    (built,) = out.glob("mijnbuurt_assen-*.whl")
    return built


@pytest.fixture(scope="session")
def wheel(tmp_path_factory, pytestconfig) -> Path:
    started = time.monotonic()
    built = build_wheel(tmp_path_factory.mktemp("wheel"))
    pytestconfig.stash[BUILD_SECONDS] = time.monotonic() - started
    return built
