"""A volunteer logs hours outside a shift ("2,5", the Dutch way) on a phone; the
organiser confirms them on the task's page, and they count in the volunteer's hours.
Each page is scanned by axe."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.browser.test_volunteers import PHONE, log_in, log_out
from tests.neighbourhoods.factories import OrganisationFactory
from tests.volunteers.factories import ShiftFactory, TaskFactory, signup_in_the_past
from volunteers.models import OffShiftHours

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_volunteer_logs_hours_outside_a_shift_and_the_organiser_confirms(page):
    organisation = OrganisationFactory(name="Buurthuis De Bron")
    olga = UserFactory(email="olga@example.org", display_name="Olga")
    organisation.members.add(olga)
    task = TaskFactory(
        title="Buurtkamer", initiative=None, organisation=organisation, created_by=olga
    )
    joost = UserFactory(email="joost@example.org", display_name="Joost")
    signup_in_the_past(shift=ShiftFactory(task=task), volunteer=joost, days_ago=10)
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    # Joost helped outside the shift: he logs it from "Mijn uren".
    log_in(page, joost.email)
    page.goto("/vrijwilligerswerk/mijn-uren/")
    page.locator("a[href='/vrijwilligerswerk/mijn-uren/buiten-diensten/']").first.click()
    page.wait_for_url("**/mijn-uren/buiten-diensten/")
    assert_accessible(page)
    page.locator("#id_task").select_option(label="Buurtkamer (Buurthuis De Bron)")
    page.locator("#id_date").fill(yesterday.isoformat())
    page.locator("#id_hours").fill("30")  # too many: explained, nothing saved
    page.locator("#id_description").fill("Koffie gezet voor de inloop")
    page.locator("form.mb-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_hours").get_attribute("aria-invalid") == "true"
    assert not OffShiftHours.objects.exists()
    page.locator("#id_hours").fill("2,5")
    page.locator("form.mb-form button[type=submit]").click()
    page.wait_for_url("**/vrijwilligerswerk/mijn-uren/")
    assert "Koffie gezet voor de inloop" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    log_out(page)

    # Olga sees it on the task's page and confirms it.
    log_in(page, olga.email)
    page.goto(f"/vrijwilligerswerk/taken/{task.pk}/beheer/")
    row = page.locator("section[aria-labelledby=off-shift] tr", has_text="Joost")
    assert "2,5" in row.inner_text()
    assert_accessible(page)
    row.locator("button[value=confirm]").click()
    page.wait_for_url(f"**/taken/{task.pk}/beheer/#off-shift")
    section = page.locator("section[aria-labelledby=off-shift]")
    assert section.locator("button[value=confirm]").count() == 0
    box = section.locator(".mb-table-wrap").bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]  # the table scrolls in its own box
    log_out(page)

    # Joost's total counts them.
    log_in(page, joost.email)
    page.goto("/vrijwilligerswerk/mijn-uren/")
    assert "2,5" in page.locator(".mb-lead").inner_text()
