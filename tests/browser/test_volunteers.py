"""A volunteer creates a profile, finds a task, signs up for a shift and sees it in the
agenda; the shift fills and the next volunteer gets the waiting list. On a phone-sized
screen, and each page is scanned by axe."""

import re

import pytest

from initiatives.models import Theme
from tests.a11y import assert_accessible
from tests.accounts.factories import PASSWORD, UserFactory
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory
from tests.volunteers.factories import ShiftFactory, SkillFactory, TaskFactory, in_days
from volunteers.services import shift_sign_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def no_tiles(page):
    """Map tiles come from PDOK on the internet; the pages must work without them."""
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    return page


def log_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-buurt/")


def log_out(page) -> None:
    page.context.clear_cookies()


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_volunteer_signs_up_sees_agenda_and_the_next_one_gets_the_waiting_list(no_tiles):
    page = no_tiles
    centrum = WijkFactory(name="Centrum", slug="centrum")
    brink = BuurtFactory(name="Brinkkwartier", slug="brinkkwartier", wijk=centrum)
    gardening = SkillFactory(name="Tuinieren", slug="tuinieren")
    task = TaskFactory(
        title="Moestuinbakken onderhouden",
        neighbourhood=brink,
        theme=Theme.GREEN,
        skills=[gardening],
    )
    ShiftFactory(task=task, places=2, starts_at=in_days(9, 10), ends_at=in_days(9, 13))
    shift_sign_up(shift=task.shifts.get(), volunteer=UserFactory(display_name="Fatima"))
    joost = UserFactory(email="joost@example.org", display_name="Joost")
    karel = UserFactory(email="karel@example.org", display_name="Karel")

    # Joost becomes a volunteer.
    log_in(page, joost.email)
    page.goto("/vrijwilligerswerk/profiel/")
    assert_accessible(page)
    page.get_by_label("Tuinieren").check()
    page.get_by_label("zaterdag Ochtend").check()
    page.get_by_role("button", name="Word vrijwilliger").click()
    page.wait_for_url("**/vrijwilligerswerk/profiel/")
    assert "Welkom als vrijwilliger!" in page.content()
    assert page.get_by_label("Tuinieren").is_checked()

    # He finds the task through the filters and signs up for its shift.
    page.goto("/vrijwilligerswerk/")
    assert_accessible(page)
    page.get_by_label("Vaardigheid").select_option(label="Tuinieren")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Moestuinbakken onderhouden").first.click()
    page.wait_for_url(re.compile(r"/vrijwilligerswerk/taken/\d+/$"))
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Aanmelden")).click()
    page.wait_for_load_state()
    assert "Je bent aangemeld voor Moestuinbakken onderhouden" in page.content()

    page.goto("/vrijwilligerswerk/mijn-agenda/")
    agenda = page.get_by_role("table", name=re.compile("Diensten"))
    assert "Moestuinbakken onderhouden" in agenda.inner_text()
    assert_accessible(page)
    log_out(page)

    # The shift is full now: Karel can only join the waiting list.
    log_in(page, karel.email)
    page.goto(f"/vrijwilligerswerk/taken/{task.pk}/")
    assert page.get_by_role("button", name=re.compile(r"^Aanmelden")).count() == 0
    page.get_by_role("button", name=re.compile(r"^Op de wachtlijst")).click()
    page.wait_for_load_state()
    assert "wachtlijst" in page.content()
    page.goto("/vrijwilligerswerk/mijn-agenda/")
    assert "Op de wachtlijst, nummer 1" in page.content()
    assert_accessible(page)
