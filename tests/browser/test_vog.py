"""VOG gezien: an organiser of an approved organisation records on the task's page that
they saw a signed-up volunteer's VOG; the page then says who saw it. Scanned by axe."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.a11y import assert_accessible
from tests.accounts.factories import PASSWORD, UserFactory
from tests.neighbourhoods.factories import OrganisationFactory
from tests.volunteers.factories import ShiftFactory
from volunteers.models import VogCheck
from volunteers.services import shift_sign_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_organiser_records_a_vog_seen_on_the_task_page(page):
    shift = ShiftFactory()
    signup = shift_sign_up(shift=shift, volunteer=UserFactory(display_name="Vera"))
    organiser = shift.task.created_by
    OrganisationFactory(name="Buurtvereniging Noord").members.add(organiser)
    issued_on = timezone.localdate() - dt.timedelta(days=30)

    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(organiser.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    page.goto(f"/vrijwilligerswerk/taken/{shift.task_id}/beheer/")
    assert_accessible(page)

    page.locator(f"#vog-{signup.pk}").fill(issued_on.isoformat())
    page.locator(f"form[action$='/aanmeldingen/{signup.pk}/vog-gezien/'] button").click()
    page.wait_for_url(f"**/taken/{shift.task_id}/beheer/*")

    assert VogCheck.objects.get().issued_on == issued_on
    assert "Buurtvereniging Noord" in page.locator(f"#shift-{shift.pk} table").inner_text()
    assert_accessible(page)
