"""The accountability report: organisers write it after completion (or a paid grant),
reviewers accept it or ask for changes; the public part shows on the initiative page."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from playwright.sync_api import expect

import mijnbuurt.core.images
from initiatives.models import AccountabilityPhoto, AccountabilityReport, Status
from initiatives.services import (
    accountability_report_accept,
    accountability_report_request_changes,
    accountability_report_save,
    grant_award,
    grant_mark_paid,
)
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.initiatives.factories import (
    image_upload,
    make_budget_line,
    make_grant,
    make_initiative,
)

pytestmark = pytest.mark.django_db

DONE = "We legden een jeu de boulesbaan aan."
HOW = "Vraag eerst de gemeente om toestemming voor de plek."
COSTS = [("Gravel", Decimal("600.00")), ("Ballen", Decimal("150.50"))]


@pytest.fixture
def completed(organiser, staff, buurt):
    return make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.COMPLETED, reviewer=staff, title="Baan"
    )


def write(initiative, organiser, **kwargs):
    data = {"what_was_done": DONE, "how_we_did_it": HOW, "costs": COSTS, **kwargs}
    return accountability_report_save(initiative=initiative, by=organiser, **data)


def edit_data(**extra) -> dict:
    data = {
        "what_was_done": DONE,
        "how_we_did_it": HOW,
        "costs-TOTAL_FORMS": "3",
        "costs-INITIAL_FORMS": "0",
        "costs-MIN_NUM_FORMS": "0",
        "costs-MAX_NUM_FORMS": "30",
        "costs-0-description": "Gravel",
        "costs-0-amount": "600,00",
        "costs-1-description": "",
        "costs-1-amount": "",
        "costs-2-description": "",
        "costs-2-amount": "",
        "action": "submit",
    }
    data.update(extra)
    return data


def test_organiser_submits_a_report_and_the_public_sees_only_the_public_part(
    client, completed, organiser, outsider
):
    client.force_login(organiser)
    url = reverse("initiatives:accountability_edit", args=[completed.pk])
    assert client.get(url).status_code == 200
    photos = [image_upload("a.jpg"), image_upload("b.png", image_format="PNG")]
    response = client.post(url, edit_data(photos=photos))
    assert response.status_code == 302

    report = AccountabilityReport.objects.get(initiative=completed)
    assert report.status == "submitted"
    assert report.cost_total == Decimal("600.00")
    assert report.photos.count() == 2

    client.force_login(outsider)
    page = client.get(reverse("initiatives:detail", args=[completed.pk])).content.decode()
    assert DONE in page
    assert HOW in page
    assert "Gravel" not in page  # costs are for organisers and reviewers only
    costs_page = client.get(reverse("initiatives:accountability", args=[completed.pk]))
    assert costs_page.status_code == 404


def test_costs_are_compared_with_the_grant_for_organisers_and_reviewers(
    client, organiser, staff, buurt
):
    initiative = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, reviewer=staff
    )
    grant = make_grant(initiative, organiser)  # asks 500
    grant_award(grant=grant, by=staff, budget_line=make_budget_line(), amount="500.00")
    grant_mark_paid(grant=grant, by=staff)  # a paid grant: a report is owed while running
    write(initiative, organiser, submit=True)

    for person in (organiser, staff):
        client.force_login(person)
        response = client.get(reverse("initiatives:accountability", args=[initiative.pk]))
        assert response.status_code == 200
        assert response.context["total"] == Decimal("750.50")
        assert response.context["granted"] == Decimal("500.00")
        assert response.context["overspent"]
        assert "Gravel" in response.content.decode()


def test_a_draft_report_and_the_edit_page_are_404_for_outsiders(
    client, completed, organiser, outsider
):
    write(completed, organiser)
    client.force_login(outsider)
    for name in ("accountability", "accountability_edit"):
        assert client.get(reverse(f"initiatives:{name}", args=[completed.pk])).status_code == 404
    page = client.get(reverse("initiatives:detail", args=[completed.pk])).content.decode()
    assert DONE not in page
    client.force_login(organiser)
    for name in ("accountability", "accountability_edit"):
        assert client.get(reverse(f"initiatives:{name}", args=[completed.pk])).status_code == 200


def test_a_running_initiative_without_a_paid_grant_has_no_report_yet(organiser, staff, buurt):
    running = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, reviewer=staff
    )
    with pytest.raises(ServiceError) as error:
        write(running, organiser)
    assert error.value.code == "not_allowed"
    assert not AccountabilityReport.objects.exists()


def test_only_organisers_write_the_report(completed, outsider, staff):
    for person in (outsider, staff):
        with pytest.raises(ServiceError):
            write(completed, person)
    assert not AccountabilityReport.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"costs-0-amount": "0"}, "Elk bedrag moet meer dan € 0 zijn."),
        ({"costs-0-amount": "-5"}, "Elk bedrag moet meer dan € 0 zijn."),
        ({"what_was_done": "  "}, "Beschrijf wat er is gedaan"),
        ({"how_we_did_it": ""}, "Beschrijf wat er is gedaan"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(
    client, completed, organiser, extra, message
):
    client.force_login(organiser)
    url = reverse("initiatives:accountability_edit", args=[completed.pk])
    response = client.post(url, edit_data(**extra), follow=True)
    assert message in response.content.decode()
    assert not AccountabilityReport.objects.exists()


def test_non_image_oversized_or_too_many_photos_are_refused(
    client, completed, organiser, monkeypatch
):
    client.force_login(organiser)
    url = reverse("initiatives:accountability_edit", args=[completed.pk])
    not_an_image = SimpleUploadedFile("nep.jpg", b"geen foto", content_type="image/jpeg")
    response = client.post(url, edit_data(photos=[not_an_image]))
    assert "Een foto moet een JPEG-, PNG- of WebP-afbeelding zijn." in response.content.decode()
    assert not AccountabilityReport.objects.exists()

    monkeypatch.setattr(mijnbuurt.core.images, "MAX_PHOTO_BYTES", 100)
    response = client.post(url, edit_data(photos=[image_upload("groot.jpg")]))
    assert "Een foto mag hoogstens 8 MB groot zijn." in response.content.decode()
    assert not AccountabilityReport.objects.exists()
    monkeypatch.undo()

    report = write(completed, organiser, photos=[image_upload(f"{n}.jpg") for n in range(6)])
    with pytest.raises(ServiceError) as error:
        write(completed, organiser, what_was_done="Anders", photos=[image_upload("7.jpg")])
    assert error.value.code == "too_many_photos"
    report.refresh_from_db()
    assert report.what_was_done == DONE
    assert AccountabilityPhoto.objects.count() == 6


def test_photos_are_resized_and_lose_their_exif(completed, organiser):
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "Camera met GPS"
    upload = image_upload("groot.jpg", size=(3000, 2000), exif=exif)
    report = write(completed, organiser, photos=[upload])
    photo = report.photos.get()
    with Image.open(photo.image) as large, Image.open(photo.thumbnail) as small:
        assert max(large.size) == 1600
        assert max(small.size) == 480
        assert not large.getexif()
        assert not small.getexif()


def test_reviewer_asks_for_changes_then_accepts_and_organisers_are_told(
    client, completed, organiser, staff
):
    report = write(completed, organiser, submit=True)
    client.force_login(staff)
    changes = reverse("initiatives:accountability_changes", args=[completed.pk])
    client.post(changes, {"reason": ""})
    report.refresh_from_db()
    assert report.status == "submitted"  # no reason: nothing changed

    client.post(changes, {"reason": "Voeg de bonnetjes toe."})
    report.refresh_from_db()
    assert report.status == "changes_requested"
    told = Notification.objects.get(recipient=organiser, kind="initiative_accountability")
    assert told.context["reason"] == "Voeg de bonnetjes toe."
    assert told.link == reverse("initiatives:accountability", args=[completed.pk])

    client.force_login(organiser)
    page = client.get(reverse("initiatives:accountability", args=[completed.pk]))
    assert "Voeg de bonnetjes toe." in page.content.decode()
    client.post(
        reverse("initiatives:accountability_edit", args=[completed.pk]),
        edit_data(what_was_done="Met bonnetjes."),
    )
    report.refresh_from_db()
    assert report.status == "submitted"
    assert report.what_was_done == "Met bonnetjes."

    client.force_login(staff)
    client.post(reverse("initiatives:accountability_accept", args=[completed.pk]))
    report.refresh_from_db()
    assert report.status == "accepted"
    assert Notification.objects.filter(
        recipient=organiser, kind="initiative_accountability", context__status="accepted"
    ).exists()


def test_only_reviewers_decide_and_only_on_a_submitted_report(
    client, completed, organiser, outsider, staff
):
    report = write(completed, organiser)
    with pytest.raises(ServiceError):
        accountability_report_accept(report=report, by=staff)  # still a draft
    report = write(completed, organiser, submit=True)
    client.force_login(outsider)
    response = client.post(reverse("initiatives:accountability_accept", args=[completed.pk]))
    assert response.status_code == 404
    with pytest.raises(ServiceError):
        accountability_report_request_changes(report=report, by=organiser, reason="Zelf")
    report.refresh_from_db()
    assert report.status == "submitted"


def test_a_submitted_report_cannot_be_changed(completed, organiser):
    write(completed, organiser, submit=True)
    with pytest.raises(ServiceError) as error:
        write(completed, organiser, what_was_done="Stiekem anders")
    assert error.value.code == "not_editable"
    assert AccountabilityReport.objects.get().what_was_done == DONE


def test_organiser_removes_a_photo_from_a_draft(client, completed, organiser, outsider):
    report = write(completed, organiser, photos=[image_upload("a.jpg")])
    photo = report.photos.get()
    url = reverse("initiatives:accountability_photo_remove", args=[completed.pk, photo.pk])
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    client.force_login(organiser)
    client.post(url)
    assert not AccountabilityPhoto.objects.exists()


@pytest.mark.parametrize("size", [1, 4])
def test_detail_with_a_report_runs_a_fixed_number_of_queries(
    size, client, completed, organiser, django_assert_max_num_queries
):
    from tests.accounts.factories import UserFactory
    from tests.initiatives.test_queries import DETAIL_QUERIES

    write(
        completed,
        organiser,
        photos=[image_upload(f"{n}.jpg", size=(40, 30)) for n in range(size)],
        submit=True,
    )
    client.force_login(UserFactory())
    with django_assert_max_num_queries(DETAIL_QUERIES + 1):  # + the report's photos
        response = client.get(reverse("initiatives:detail", args=[completed.pk]))
    assert response.content.decode().count('van de verantwoording"') == size


@pytest.mark.parametrize("size", [1, 4])
def test_report_page_runs_a_fixed_number_of_queries(
    size, client, completed, organiser, django_assert_num_queries
):
    write(
        completed,
        organiser,
        costs=[(f"Post {n}", Decimal("10.00")) for n in range(3 * size)],
        photos=[image_upload(f"{n}.jpg", size=(40, 30)) for n in range(size)],
        evidence=[
            SimpleUploadedFile(f"bon-{n}.pdf", b"%PDF-1.4\n", content_type="application/pdf")
            for n in range(size)
        ],
        submit=True,
    )
    client.force_login(organiser)
    # session, user, unread count, initiative, organiser?, report, costs, photos,
    # receipts, granted total, reviewer? (team membership), may the report be written?
    with django_assert_num_queries(12):
        response = client.get(reverse("initiatives:accountability", args=[completed.pk]))
    assert response.context["total"] == Decimal("30.00") * size


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_browser_organiser_writes_the_report_and_the_knowledge_section_shows_it(
    page, live_server, tmp_path
):
    from io import BytesIO

    from PIL import Image

    from tests.a11y import assert_accessible
    from tests.accounts.factories import UserFactory
    from tests.browser.session import log_in

    organiser = UserFactory(email="olga@example.org", display_name="Olga")
    done = make_initiative(by=organiser, status=Status.COMPLETED, title="Buurtbank")
    photo = tmp_path / "bank.jpg"
    buffer = BytesIO()
    Image.new("RGB", (900, 600), (70, 140, 80)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())

    log_in(page, "olga@example.org")
    page.goto(f"/initiatieven/{done.pk}/")
    page.get_by_role("link", name="Verantwoording schrijven").click()
    page.get_by_role("link", name="Verantwoording schrijven").click()
    page.wait_for_url("**/verantwoording/bewerken/")
    assert_accessible(page)
    page.get_by_label("Wat is er gedaan?").fill("Een bank bij de vijver geplaatst.")
    page.get_by_label("Hoe we het deden").fill("Vraag de hovenier om een gebruikte bank.")
    page.get_by_label("Waarvoor was het?").first.fill("Bank")
    page.get_by_label("Bedrag in euro").first.fill("250,00")
    page.get_by_label("Foto's").set_input_files(str(photo))
    page.get_by_role("button", name="Verantwoording indienen").click()
    page.wait_for_url(f"**/initiatieven/{done.pk}/verantwoording/")
    assert page.locator("#cost-total").inner_text() == "€ 250,00"
    assert_accessible(page)

    page.goto(f"/initiatieven/{done.pk}/")
    assert "Vraag de hovenier om een gebruikte bank." in page.content()
    assert_accessible(page)
    page.goto("/initiatieven/kennis/")
    expect(page.get_by_role("link", name="Buurtbank")).to_be_visible()
    assert_accessible(page)


def test_my_data_holds_the_reports_i_wrote(completed, organiser):
    from mijnbuurt.accounts.services import user_export_data

    write(completed, organiser)
    [report] = user_export_data(user=organiser)["initiatives"]["accountability_reports"]
    assert (report["initiative"], report["how"]) == ("Baan", HOW)


def test_a_submitted_report_waits_in_the_review_queue(client, completed, organiser, staff):
    write(completed, organiser, submit=True)
    client.force_login(staff)
    queue = client.get(reverse("initiatives:review_queue"))
    assert reverse("initiatives:accountability", args=[completed.pk]) in queue.content.decode()
    accountability_report_accept(report=completed.accountability_report, by=staff)
    queue = client.get(reverse("initiatives:review_queue"))
    assert "Er wachten geen verantwoordingen." in queue.content.decode()
