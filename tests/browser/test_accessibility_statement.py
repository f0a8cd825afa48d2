"""The accessibility statement is reached from any page's footer by keyboard, and has no
serious axe findings, in Dutch and in English."""

import pytest

from tests.a11y import assert_accessible
from tests.browser.keyboard import Keyboard

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("start", "url", "lang"),
    [("/", "/toegankelijkheid/", "nl"), ("/en/", "/en/toegankelijkheid/", "en")],
)
def test_statement_is_reached_from_the_footer_by_keyboard_and_is_accessible(
    page, start, url, lang
):
    keys = Keyboard(page)
    page.goto(start)
    keys.skip_to_main()
    keys.activate(page.get_by_role("contentinfo").locator(f"a[href='{url}']"))
    page.wait_for_url(f"**{url}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.get_by_role("heading", level=1).count() == 1
    keys.skip_to_main()
    assert page.locator("a[href^='mailto:']").count() == 1
    assert_accessible(page)
