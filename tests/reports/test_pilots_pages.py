"""Pilot pages: the staff pages under /admin/rapportages/proeven/ (staff with two-factor
only, a fixed number of queries, downloads with the page's numbers, notes) and the
public summary under /proeven/ (published only, suppressed below five)."""

import csv
import io

import pytest
from openpyxl import load_workbook

from reports.models import Experiment, ExperimentNote
from tests.accounts.factories import UserFactory
from tests.reports.data import at, help_request
from tests.reports.test_pilots import build_pilot

pytestmark = pytest.mark.django_db

LIST = "/admin/rapportages/proeven/"
PAGE = "/admin/rapportages/proeven/gebiedsteam-p/"
NOTES = PAGE + "notities/"
PUBLIC = "/proeven/gebiedsteam-p/"


@pytest.fixture
def pilot(db):
    return build_pilot()


def _csv(response, delimiter: str = ",") -> list[list[str]]:
    text = response.content.decode().lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


# --- Who may see them -------------------------------------------------------------------


@pytest.mark.parametrize("url", [LIST, PAGE, PAGE + "export.csv", PAGE + "export.xlsx"])
@pytest.mark.parametrize("who", [None, "resident", "professional_a"])
def test_only_staff_see_the_pilot_pages(client, request, staff, pilot, url, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]

    client.force_login(staff)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("who", [None, "resident"])
def test_outsiders_cannot_add_a_note(client, request, pilot, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.post(NOTES, {"text": "Stiekem"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not ExperimentNote.objects.exists()


def test_staff_without_two_factor_are_sent_to_set_it_up(client, pilot):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_an_unknown_pilot_is_not_found(staff_client):
    assert staff_client.get("/admin/rapportages/proeven/bestaat-niet/").status_code == 404
    assert staff_client.get(PAGE.replace("gebiedsteam-p", "x") + "export.pdf").status_code == 404


# --- The staff page ---------------------------------------------------------------------


def test_staff_page_shows_table_charts_and_notes(staff_client, pilot):
    ExperimentNote.objects.create(experiment=pilot, text="Het team is gestart.")
    page = staff_client.get(PAGE).content.decode()
    assert page.count('role="img"') == len(pilot.indicators)  # one small chart each
    assert 'id="tabel-indicatoren"' in page
    assert "<td>6</td><td>2</td><td>+4</td><td>+200,0 %</td>" in page  # staff: no "<5"
    assert "<td>2,5</td><td>5,0</td><td>-2,5</td><td>-50,0 %</td>" in page
    assert "Het team is gestart." in page
    assert "Mevrouw Jansen" not in page
    assert (
        'href="/admin/rapportages/proeven/gebiedsteam-p/"'
        in staff_client.get(LIST).content.decode()
    )
    assert (
        'href="/admin/rapportages/proeven/"'
        in staff_client.get("/admin/rapportages/").content.decode()
    )


# Every admin page: session, user, the MFA check, permissions (2), unread notifications.
ADMIN_PAGE = 6
# The pilot, its four area relations, its notes with their authors.
PILOT = 1 + 4 + 1
# Per side: help requests (counts, median), ask and offer (replies, matches),
# volunteer hours (shifts, outside shifts), registrations, venues (bookings, opening
# hours, closures) and initiatives.
PER_SIDE = 2 + 2 + 2 + 1 + 3 + 1


@pytest.mark.parametrize("extra", [0, 8])
def test_staff_page_runs_a_fixed_number_of_queries(
    client, staff, extra, django_assert_num_queries
):
    pilot = build_pilot(extra=extra)
    ExperimentNote.objects.create(experiment=pilot, text="Een", author=staff)
    ExperimentNote.objects.create(experiment=pilot, text="Twee", author=UserFactory())
    client.force_login(staff)
    with django_assert_num_queries(ADMIN_PAGE + PILOT + 2 * PER_SIDE):
        response = client.get(PAGE)
    assert response.status_code == 200


def test_downloads_hold_the_numbers_of_the_page(staff_client, pilot):
    rows = _csv(staff_client.get(PAGE + "export.csv"))
    assert len(rows[0]) == 5  # indicator, pilot, comparison, difference, difference %
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert len(by_label) == len(pilot.indicators)
    assert ["6", "2", "4", "200"] in by_label.values()  # numbers as numbers
    assert ["2.5", "5", "-2.5", "-50"] in by_label.values()
    dutch = _csv(staff_client.get(PAGE + "export.excel-csv"), ";")
    assert ["2,5", "5", "-2,5", "-50"] in [row[1:] for row in dutch[1:]]
    book = load_workbook(io.BytesIO(staff_client.get(PAGE + "export.xlsx").content))
    sheet = book.worksheets[0]
    values = [[cell.value for cell in row][1:] for row in sheet.iter_rows(min_row=2)]
    assert [6, 2, 4, 200] in [[float(v) if v is not None else None for v in row] for row in values]


# --- Notes ------------------------------------------------------------------------------


def test_staff_add_a_note(staff_client, staff, pilot):
    response = staff_client.post(NOTES, {"text": "  Inloop op dinsdag gestart.  "}, follow=True)
    note = ExperimentNote.objects.get()
    assert (note.text, note.author, note.experiment) == (
        "Inloop op dinsdag gestart.",
        staff,
        pilot,
    )
    assert "Inloop op dinsdag gestart." in response.content.decode()


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_a_bad_note_gives_a_message_and_adds_nothing(staff_client, pilot, text):
    response = staff_client.post(NOTES, {"text": text}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not ExperimentNote.objects.exists()


def test_a_note_is_posted_not_fetched(staff_client, pilot):
    assert staff_client.get(NOTES).status_code == 405


# --- The public summary ------------------------------------------------------------------


def test_public_page_shows_aggregates_with_small_counts_suppressed(client, pilot):
    response = client.get(PUBLIC)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Een samenvatting." in page
    assert "&lt;5" in page
    assert ">6<" in page  # the pilot's 6 help requests
    assert ">+200,0 %<" not in page.split("tabel-indicatoren")[1].split("Initiati")[0]
    assert "Mevrouw Jansen" not in page
    rows = _csv(client.get(PUBLIC + "cijfers.csv"))
    assert ["6", "<5", "", ""] in [row[1:] for row in rows[1:]]
    assert all(row[2] != "2" for row in rows[1:4])  # C's 2 help requests never appear


def test_public_page_shows_counts_of_five_and_more(client, pilot):
    for _n in range(3):  # C: 5 help requests now, all answered
        help_request(pilot.comparison_wijken.get(), kind="practical", created=at(3, 6))
    rows = _csv(client.get(PUBLIC + "cijfers.csv"))
    assert ["6", "5", "1", "20"] in [row[1:] for row in rows[1:]]


def test_an_unpublished_pilot_is_not_found(client, staff, pilot):
    Experiment.objects.filter(pk=pilot.pk).update(published=False)
    assert client.get(PUBLIC).status_code == 404
    assert client.get(PUBLIC + "cijfers.csv").status_code == 404
    client.force_login(staff)
    assert client.get(PUBLIC).status_code == 404
    assert "gebiedsteam-p" not in client.get("/proeven/").content.decode()


def test_public_list_shows_published_pilots(client, pilot):
    page = client.get("/proeven/").content.decode()
    assert 'href="/proeven/gebiedsteam-p/"' in page
