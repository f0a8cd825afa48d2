"""Names from data show on the maps as text: a volunteer task title or an organisation
name with markup in it never becomes HTML, in the marker's tooltip, its popup or the list
(stored script injection on /kaart/, /vrijwilligerswerk/ and /sociale-kaart/)."""

import re

import pytest
from playwright.sync_api import expect

from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory, WijkFactory
from tests.volunteers.factories import ShiftFactory, TaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MARKUP = "<img src=x onerror=window.__xss=1><b>vet</b>"
TASK_TITLE = f"Klusjes {MARKUP}"
ORGANISATION_NAME = f"Buurthuis {MARKUP}"


@pytest.fixture
def no_tiles(page):
    """Map tiles come from PDOK on the internet; the pages must work without them."""
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    return page


@pytest.fixture
def names_with_markup(transactional_db):
    """An organisation and its task a few metres apart, so one map view shows both."""
    organisation = OrganisationFactory(name=ORGANISATION_NAME, latitude=52.9899, longitude=6.5599)
    task = TaskFactory(
        title=TASK_TITLE,
        neighbourhood=BuurtFactory(name="Brinkkwartier", wijk=WijkFactory(name="Centrum")),
        initiative=None,
        organisation=organisation,
        created_by=UserFactory(),
        latitude=52.9901,
        longitude=6.5601,
    )
    ShiftFactory(task=task)


def marker_texts(page, map_id: str, count: int) -> set[str]:
    """Hover and click every marker on the map; the texts its tooltip and popup show."""
    markers = page.locator(f"#{map_id} path.leaflet-interactive")
    markers.nth(count - 1).wait_for()
    assert markers.count() == count
    texts = set()
    for index in range(count):
        markers.nth(index).hover()
        tooltip = page.locator(f"#{map_id} .leaflet-tooltip")
        tooltip.wait_for()
        texts.add(tooltip.inner_text())
        markers.nth(index).click()
        popup_link = page.locator(f"#{map_id} .leaflet-popup-content a")
        popup_link.wait_for()
        texts.add(popup_link.inner_text())
        page.locator(f"#{map_id} .leaflet-popup-close-button").click()
        popup_link.wait_for(state="detached")
    return texts


def assert_no_markup_from_data(page) -> None:
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("b", has_text="vet").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"


@pytest.mark.parametrize(
    ("path", "map_id", "names"),
    [
        ("/kaart/", "kaart", {TASK_TITLE, ORGANISATION_NAME}),
        ("/vrijwilligerswerk/", "tasks-map", {TASK_TITLE}),
        ("/sociale-kaart/", "organisations-map", {ORGANISATION_NAME}),
    ],
)
def test_a_name_with_markup_shows_as_text_in_map_tooltips_and_popups(
    no_tiles, names_with_markup, path, map_id, names
):
    page = no_tiles
    page.goto(path)

    assert marker_texts(page, map_id, count=len(names)) == names
    for name in names:
        expect(page.get_by_role("link", name=name).first).to_be_visible()
    assert_no_markup_from_data(page)
    assert_accessible(page)


def test_the_layers_show_when_they_come_from_the_page_cache(no_tiles, names_with_markup, settings):
    """As in production: the second visitor gets the layers from the anonymous page cache
    (stored gzipped by the first), and the map still shows every marker."""
    settings.PAGE_CACHE_SECONDS = 60
    page = no_tiles
    for _visit in range(2):
        page.goto("/kaart/")
        assert marker_texts(page, "kaart", count=2) == {TASK_TITLE, ORGANISATION_NAME}
        assert page.locator("#kaart").get_attribute("data-layer-error") is None


def test_the_shapes_on_the_map_are_no_tab_stops(no_tiles, names_with_markup):
    """From the map the Tab key goes through its controls to the list beside it, never to
    the shapes (which show nothing when focused; the list has the same links)."""
    page = no_tiles
    page.goto("/kaart/")
    marker_texts(page, "kaart", count=2)  # the layers are on the map
    page.locator("#kaart").focus()
    stops = []
    for _press in range(20):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.tagName.toLowerCase()"))
        if page.evaluate("!document.getElementById('kaart').contains(document.activeElement)"):
            break
    assert "path" not in stops
    assert page.evaluate("document.activeElement.tagName") == "A"  # left the map for a link
