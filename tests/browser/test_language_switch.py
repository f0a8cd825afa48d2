"""The language switch in the browser: a link to the same page in the other language,
for anonymous visitors on pages from the cache as for people logged in."""

import re

import pytest
from playwright.sync_api import expect

from initiatives.models import Status
from tests.a11y import assert_accessible
from tests.browser.session import log_in, log_out
from tests.initiatives.factories import make_initiative

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def moestuin(organiser, staff):
    return make_initiative(
        by=organiser, status=Status.PUBLISHED, reviewer=staff, title="Moestuin Lariks"
    )


@pytest.mark.parametrize(
    "page", [{"width": 1280, "height": 900}, {"width": 375, "height": 740}], indirect=True
)
def test_an_anonymous_visitor_switches_language_on_a_cached_search(page, moestuin):
    for _ in range(2):  # the second time both pages come from the cache
        response = page.goto("/initiatieven/?q=moestuin")
        assert page.locator("html").get_attribute("lang") == "nl"
        expect(page.get_by_role("link", name="Moestuin Lariks")).to_be_visible()

        page.get_by_role("link", name="English").click()
        page.wait_for_url("**/en/initiatieven/?q=moestuin")
        assert page.locator("html").get_attribute("lang") == "en"
        expect(page.get_by_role("heading", level=1)).to_have_text("Initiatives")
        assert_accessible(page)

        page.get_by_role("link", name="Nederlands").click()
        page.wait_for_url(re.compile(r"/initiatieven/\?q=moestuin$"))
        assert page.locator("html").get_attribute("lang") == "nl"
    assert response.headers["etag"]
    assert "content-security-policy" in response.headers


def test_a_logged_in_person_switches_language_and_never_sees_the_anonymous_page(
    page, moestuin, organiser
):
    page.goto(f"/initiatieven/{moestuin.pk}/")  # stored for anonymous visitors
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()

    log_in(page, organiser.email)
    page.goto(f"/initiatieven/{moestuin.pk}/")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/initiatieven/{moestuin.pk}/")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url(re.compile(rf"/initiatieven/{moestuin.pk}/$"))
    log_out(page)

    page.goto(f"/initiatieven/{moestuin.pk}/")
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
