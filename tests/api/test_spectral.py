"""The OpenAPI description passes the API Design Rules linter (Spectral with the
ruleset in ``api/spectral.yaml``, written from Logius's).

Needs ``npx`` (Node.js) and the npm registry, or npm's cache of the pinned Spectral.
Where ``npx`` is missing the test skips; with ``REQUIRE_SPECTRAL`` set (CI) it fails.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

SPECTRAL = "@stoplight/spectral-cli@6.16.3"
RULESET = Path(__file__).resolve().parents[2] / "api" / "spectral.yaml"


def _npx() -> str:
    npx = shutil.which("npx")
    if npx is None:
        reason = "No npx (Node.js) installed - the Spectral lint is skipped."
        if os.environ.get("REQUIRE_SPECTRAL"):
            pytest.fail(reason.replace("is skipped", "is required here (REQUIRE_SPECTRAL)"))
        pytest.skip(reason)
    return npx


def _lint(document: dict, folder: Path) -> subprocess.CompletedProcess:
    path = folder / "openapi.json"
    path.write_text(json.dumps(document))
    return subprocess.run(
        [
            _npx(),
            "--yes",
            SPECTRAL,
            "lint",
            "--ruleset",
            str(RULESET),
            "--fail-severity",
            "warn",
            "--format",
            "text",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=folder,
        check=False,
    )


def test_the_description_passes_the_api_design_rules(client, tmp_path):
    document = client.get("/api/v1/openapi.json").json()
    result = _lint(document, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout
    assert "warning" not in result.stdout


def test_the_ruleset_catches_what_the_rules_forbid(client, tmp_path):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"].pop("/listings")
    operation["get"]["responses"]["200"].pop("headers")
    operation["get"]["responses"]["404"]["content"] = {
        "application/json": operation["get"]["responses"]["404"]["content"].pop(
            "application/problem+json"
        )
    }
    document["paths"]["/Listings/"] = operation
    document["info"]["version"] = "1.0"
    result = _lint(document, tmp_path)
    assert result.returncode != 0
    for rule in (
        "adr-version-header",
        "adr-no-trailing-slash",
        "adr-paths-kebab-case",
        "adr-problem-media-type",
        "adr-semver",
    ):
        assert rule in result.stdout, (rule, result.stdout)
