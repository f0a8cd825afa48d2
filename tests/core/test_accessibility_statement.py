"""The accessibility statement (/toegankelijkheid/): in Dutch and English, linked from
every page's footer, and true to the tests: every page it says is scanned is opened and
scanned with axe in the browser test it names, every keyboard flow is a keyboard test."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse

from mijnbuurt.core import accessibility as statement

ROOT = Path(__file__).resolve().parents[2]


def test_statement_shows_status_standard_date_checks_problems_and_contact(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "a11y@assen.example"
    response = client.get("/en/toegankelijkheid/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Accessibility statement" in text
    assert "Partially compliant" in text
    assert "WCAG 2.2 level AA" in text
    assert "EN 301 549" in text
    assert statement.LAST_CHECKED.isoformat() in text
    for path, _, _ in statement.SCANNED_PAGES:
        assert f"<code>{path.replace('<', '&lt;').replace('>', '&gt;')}</code>" in text
    for task, _ in statement.KEYBOARD_FLOWS:
        assert str(task) in text
    assert str(statement.KNOWN_PROBLEMS[0]) in text
    assert 'href="mailto:a11y@assen.example"' in text
    assert "within 5 working days" in text


@pytest.mark.django_db
def test_statement_is_in_dutch_at_the_dutch_url_and_linked_from_every_footer(client):
    assert reverse("accessibility") == "/toegankelijkheid/"
    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    assert '<html lang="nl"' in response.content.decode()
    assert 'href="mailto:toegankelijkheid@assen.nl"' in response.content.decode()
    for path in ["/", "/en/", "/initiatieven/", "/accounts/login/"]:
        page = client.get(path).content.decode()
        link = "/en/toegankelijkheid/" if path.startswith("/en/") else "/toegankelijkheid/"
        assert f'href="{link}"' in page, path


def test_statement_refuses_anything_but_get(client):
    assert client.post("/toegankelijkheid/").status_code == 405


def _path_pattern(path: str) -> re.Pattern:
    """A listed path as a test writes it: an <id> is a number, an f-string field or a
    regex ``\\d+``; a <slug> is a slug."""
    parts = re.split(r"(<id>|<slug>)", path)
    pattern = "".join(
        r"(\d+|\{[^}]+\}|\\d\+)"
        if part == "<id>"
        else r"[\w-]+"
        if part == "<slug>"
        else re.escape(part)
        for part in parts
    )
    return re.compile(r"""["'*]""" + pattern + r"""["'?#$]""")


@pytest.mark.parametrize(("path", "test"), [(p, t) for p, _, t in statement.SCANNED_PAGES])
def test_every_page_the_statement_lists_is_scanned_by_the_browser_test_it_names(path, test):
    source = (ROOT / test).read_text()
    assert "assert_accessible(" in source, f"{test} scans nothing with axe"
    assert _path_pattern(path).search(source), f"{test} never opens {path}"


@pytest.mark.parametrize("test", sorted({t for _, t in statement.KEYBOARD_FLOWS}))
def test_every_flow_the_statement_lists_is_a_keyboard_only_browser_test(test):
    source = (ROOT / test).read_text()
    assert "Keyboard(page" in source
    assert "pytest.mark.browser" in source
    mouse = re.compile(
        r"\.(click|dblclick|fill|select_option|set_checked|set_input_files|hover|tap)\("
        r"|(?<!keys)\.check\(|(?<!keyboard)\.press\("
    )
    assert not mouse.search(source), f"{test} does not use the keyboard alone"


def test_the_statement_was_checked_not_in_the_future():
    assert dt.date.today() >= statement.LAST_CHECKED
