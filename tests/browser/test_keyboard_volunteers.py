"""By keyboard alone: a volunteer finds a task from the main menu, signs up for its shift
and sees it in the agenda.

Only keys (tests/browser/keyboard.py); the first Tab stop of every page is its skip link,
and every stop shows its focus.
"""

import re

import pytest

from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.browser.keyboard import Keyboard, log_in
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory
from tests.volunteers.factories import ShiftFactory, TaskFactory, VolunteerProfileFactory, in_days
from volunteers.models import SignUp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_volunteer_signs_up_for_a_shift_by_keyboard(page):
    brink = BuurtFactory(name="Brinkkwartier", wijk=WijkFactory(name="Centrum"))
    task = TaskFactory(title="Moestuinbakken onderhouden", neighbourhood=brink)
    ShiftFactory(task=task, places=2, starts_at=in_days(9, 10), ends_at=in_days(9, 13))
    joost = UserFactory(email="joost@example.org", display_name="Joost")
    VolunteerProfileFactory(user=joost)
    keys = Keyboard(page)

    page.goto("/accounts/login/")
    log_in(keys, joost.email)
    before = keys.presses
    keys.skip_to_main()
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    keys.activate(nav.get_by_role("link", name="Vrijwilligerswerk"), backwards=True)
    page.wait_for_url("**/vrijwilligerswerk/")
    keys.skip_to_main()
    keys.activate(page.get_by_role("link", name="Moestuinbakken onderhouden").first)
    page.wait_for_url(re.compile(r"/vrijwilligerswerk/taken/\d+/$"))
    keys.skip_to_main()
    keys.submit(
        page.get_by_role("button", name=re.compile(r"^Aanmelden")),
        re.compile(r"/vrijwilligerswerk/"),
    )
    assert "Je bent aangemeld voor Moestuinbakken onderhouden" in page.content()
    assert SignUp.objects.filter(volunteer=joost).count() == 1
    assert_accessible(page)
    print(f"\nkeyboard: volunteer signs up for a shift: {keys.presses - before} presses")
