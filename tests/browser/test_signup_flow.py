"""A new resident signs up in the browser, verifies by e-mail, logs in and sees the profile."""

import re

import pytest

from tests.a11y import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Fietsen-langs-de-Vaart-2026"


def test_new_resident_signs_up_verifies_logs_in_and_sees_profile(page, live_server, mailoutbox):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)

    page.get_by_role("link", name="Account maken").first.click()
    assert_accessible(page)
    page.get_by_label("Naam").fill("Wilma")
    page.get_by_label("E-mail").fill("wilma@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Account maken").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    assert "Klik op de link in die e-mail" in page.content()

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bevestigen").click()

    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_label("E-mail").fill("wilma@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-buurt/")
    page.get_by_role("link", name="Mijn profiel").click()
    page.wait_for_url("**/profiel/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn profiel"
    assert "wilma@example.org" in page.content()
    assert page.get_by_label("Weergavenaam").input_value() == "Wilma"  # the name from sign-up
    assert_accessible(page)


@pytest.mark.parametrize("page", [{"width": 390, "height": 844}], indirect=True)
def test_home_switches_to_english_and_back_on_a_phone(page):
    page.goto("/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("html").get_attribute("lang") == "nl"
