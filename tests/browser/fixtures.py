"""Playwright driving the system's Chromium (never a downloaded browser).

Where no Chromium is installed, browser tests skip with the reason; with
REQUIRE_BROWSER_TESTS set (CI), a missing browser fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

# expect() waits for what it asserts; 5 s (Playwright's default) is too short when the
# machine is busy, as CI's two cores can be.
expect.set_options(timeout=15_000)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        reason = "No Chromium installed (apt-get install chromium) - browser tests skipped."
        if os.environ.get("REQUIRE_BROWSER_TESTS"):
            pytest.fail(reason.replace("skipped", "required here (REQUIRE_BROWSER_TESTS)"))
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser context (no cookies) on a phone-sized or desktop viewport.

    A script, style or image the Content-Security-Policy blocks is a broken page: the
    test fails with the browser's console message.
    """
    viewport = getattr(request, "param", {"width": 1280, "height": 900})
    context = browser.new_context(viewport=viewport, locale="nl-NL", base_url=live_server.url)
    # Generous: the suite must hold on a busy machine (CI shares its two cores).
    context.set_default_timeout(30_000)
    page = context.new_page()
    csp_violations = []

    def note_csp_violation(message):
        if "Content Security Policy" in message.text:
            csp_violations.append(f"{page.url}: {message.text}")

    page.on("console", note_csp_violation)
    yield page
    if getattr(request.node, "rep_call", None) and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    if csp_violations:
        pytest.fail("The Content-Security-Policy blocked:\n" + "\n".join(csp_violations))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
