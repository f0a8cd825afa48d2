"""What the accessibility statement (/toegankelijkheid/) says was checked, and when.

The statement renders these lists; ``tests/core/test_accessibility_statement.py`` holds
them against the tests: every page listed here is opened and scanned with axe
(``tests.a11y.assert_accessible``, WCAG 2.2 A/AA rules) in the named browser test, and
every flow is a keyboard-only test in the named module. Add a page or flow here only
with its test; update ``LAST_CHECKED`` when the browser tests ran green on that day.
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

# The day the browser tests below last ran green in full (CI with REQUIRE_BROWSER_TESTS).
LAST_CHECKED = dt.date(2026, 12, 3)

# "voldoet gedeeltelijk": automated scans and keyboard tests, no full manual audit yet.
STATUS = _("partially compliant")

STANDARD = _("WCAG 2.2 level AA (EN 301 549 asks for WCAG 2.1 level AA)")

# (path as shown, what the page is, the browser test that opens and scans it)
# A path part in <angle brackets> stands for an id or a slug.
SCANNED_PAGES = [
    ("/", _("Home"), "tests/browser/test_signup_flow.py"),
    ("/accounts/login/", _("Log in"), "tests/browser/test_signup_flow.py"),
    ("/accounts/signup/", _("Sign up"), "tests/browser/test_keyboard_signup.py"),
    ("/mijn-buurt/", _("My neighbourhood (start page)"), "tests/browser/test_start_pages.py"),
    ("/profiel/", _("My profile"), "tests/browser/test_signup_flow.py"),
    ("/wijken/<slug>/", _("A district's page"), "tests/browser/test_neighbourhoods.py"),
    ("/kaart/", _("Map"), "tests/browser/test_neighbourhoods.py"),
    ("/initiatieven/", _("Initiatives"), "tests/browser/test_initiatives.py"),
    ("/initiatieven/nieuw/", _("Start an initiative"), "tests/browser/test_initiatives.py"),
    ("/initiatieven/<id>/", _("An initiative"), "tests/browser/test_initiatives.py"),
    ("/initiatieven/beoordelen/", _("Review queue (staff)"), "tests/browser/test_initiatives.py"),
    ("/vrijwilligerswerk/", _("Volunteering"), "tests/browser/test_volunteers.py"),
    ("/vrijwilligerswerk/profiel/", _("Volunteer profile"), "tests/browser/test_volunteers.py"),
    (
        "/vrijwilligerswerk/mijn-agenda/",
        _("My volunteer agenda"),
        "tests/browser/test_volunteers.py",
    ),
    ("/hulpvragen/nieuw/", _("Ask for help"), "tests/helprequests/test_browser.py"),
    ("/team/", _("Area team: help requests"), "tests/helprequests/test_browser.py"),
    (
        "/team/hulpvragen/<id>/",
        _("Area team: a help request"),
        "tests/helprequests/test_browser.py",
    ),
    ("/locaties/", _("Venues"), "tests/browser/test_venues.py"),
    ("/locaties/<slug>/boeken/", _("Book a room"), "tests/browser/test_venues.py"),
    ("/locaties/<slug>/beheer/", _("Venue management"), "tests/browser/test_venues.py"),
    ("/locaties/boekingen/<id>/", _("A booking"), "tests/browser/test_venues.py"),
    ("/admin/rapportages/", _("Reports (staff)"), "tests/browser/test_keyboard_staff.py"),
    (
        "/toegankelijkheid/",
        _("This accessibility statement"),
        "tests/browser/test_accessibility_statement.py",
    ),
]

# (what a person does, the keyboard-only browser test that does it)
KEYBOARD_FLOWS = [
    (_("Sign up, confirm the e-mail address and log in"), "tests/browser/test_keyboard_signup.py"),
    (
        _("Staff: log in with two-factor authentication (TOTP) and run a report"),
        "tests/browser/test_keyboard_staff.py",
    ),
    (
        _("Start an initiative and submit it for review"),
        "tests/browser/test_keyboard_initiatives.py",
    ),
    (_("Sign up for a volunteer shift"), "tests/browser/test_keyboard_volunteers.py"),
    (_("Ask the area team for help"), "tests/browser/test_keyboard_help.py"),
    (
        _("Area team: log in with TOTP and triage a help request from the queue"),
        "tests/browser/test_keyboard_help.py",
    ),
    (_("Book a room in a community building"), "tests/browser/test_keyboard_venues.py"),
    (_("Venue manager: approve a booking"), "tests/browser/test_keyboard_venues.py"),
]

KNOWN_PROBLEMS = [
    _("The site is available in Dutch and English only; other languages are not available yet."),
    _(
        "The maps (districts, the map page) cannot be used fully with a screen reader. "
        "Every map has a list beside it with the same information. To choose a place, "
        "move the map with the arrow keys and press Enter, or give an address instead."
    ),
    _(
        "Automated scans find only part of all accessibility problems. The site has not "
        "yet been audited in full by hand (WCAG-EM) by an independent expert; until then "
        "the status is “partially compliant”."
    ),
    _(
        "Downloads (spreadsheets from the reports, calendar files) and photos that "
        "residents upload have not been checked for accessibility."
    ),
]
