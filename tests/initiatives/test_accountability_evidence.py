"""Receipts and invoices of an accountability report are private: stored outside the
public media, reachable by no media URL, downloaded only by organisers and reviewers."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from initiatives.evidence import EVIDENCE_MESSAGES
from initiatives.models import AccountabilityEvidence, Status
from initiatives.services import accountability_report_save
from mijnbuurt.core.exceptions import ServiceError
from tests.initiatives.factories import image_upload, make_initiative
from tests.initiatives.test_accountability import COSTS, DONE, HOW, edit_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% bon van de bouwmarkt\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_in_tmp(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def completed(organiser, staff, buurt):
    return make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.COMPLETED, reviewer=staff, title="Baan"
    )


def receipt(name: str = "bon.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def report_with_receipt(initiative, organiser, *, submit: bool = False):
    """The initiative's cost report with one receipt (``receipt()``); the receipt."""
    report = accountability_report_save(
        initiative=initiative,
        by=organiser,
        what_was_done=DONE,
        how_we_did_it=HOW,
        costs=COSTS,
        evidence=[receipt()],
        submit=submit,
    )
    return report.evidence.get()


@pytest.fixture
def evidence(completed, organiser):
    return report_with_receipt(completed, organiser, submit=True)


@pytest.fixture
def superuser_flag_only(db):
    from tests.accounts.factories import UserFactory, enable_totp

    user = UserFactory(email="vlag@example.org", is_superuser=True)
    enable_totp(user)
    return user


def test_organiser_uploads_a_receipt_with_the_report(client, completed, organiser, settings):
    client.force_login(organiser)
    url = reverse("initiatives:accountability_edit", args=[completed.pk])
    response = client.post(url, edit_data(evidence=[receipt("bouwmarkt.pdf")]))
    assert response.status_code == 302

    item = AccountabilityEvidence.objects.get()
    assert item.original_name == "bouwmarkt.pdf"
    assert Path(item.file.path).read_bytes() == PDF
    assert Path(item.file.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    page = client.get(reverse("initiatives:accountability", args=[completed.pk]))
    assert reverse("initiatives:accountability_evidence", args=[completed.pk, item.pk]) in (
        page.content.decode()
    )


def test_a_receipt_has_no_media_url(client, evidence, organiser, settings):
    with pytest.raises(ValueError, match="no URL"):
        evidence.file.url  # noqa: B018
    client.force_login(organiser)
    assert client.get(f"{settings.MEDIA_URL}{evidence.file.name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}private/{evidence.file.name}").status_code == 404


def test_receipt_downloads_for_organisers_and_reviewers_only(
    client, evidence, organiser, staff, team_member, outsider, superuser_flag_only
):
    url = reverse(
        "initiatives:accountability_evidence", args=[evidence.report.initiative_id, evidence.pk]
    )
    for person in (outsider, superuser_flag_only):
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    for person in (organiser, staff, team_member):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"


def test_receipt_of_another_initiative_is_not_found_by_id(client, evidence, organiser, buurt):
    other = make_initiative(by=organiser, neighbourhood=buurt)
    client.force_login(organiser)
    url = reverse("initiatives:accountability_evidence", args=[other.pk, evidence.pk])
    assert client.get(url).status_code == 404


def test_a_photo_of_a_receipt_is_stored_without_its_location(completed, organiser):
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "Camera"  # Make
    report = accountability_report_save(
        initiative=completed,
        by=organiser,
        what_was_done=DONE,
        how_we_did_it=HOW,
        costs=COSTS,
        evidence=[image_upload("bon.jpg", exif=exif)],
    )
    with Image.open(report.evidence.get().file.path) as stored:
        assert not stored.getexif()


def test_a_file_that_is_no_receipt_is_refused_and_nothing_is_saved(
    client, completed, organiser, settings
):
    client.force_login(organiser)
    url = reverse("initiatives:accountability_edit", args=[completed.pk])
    script = SimpleUploadedFile("bon.html", b"<script>alert(1)</script>", content_type="text/html")
    response = client.post(url, edit_data(evidence=[script]))
    assert response.status_code == 200
    assert gettext(EVIDENCE_MESSAGES.not_an_image) in response.content.decode()
    assert not AccountabilityEvidence.objects.exists()
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    assert not (private.exists() and any(p.is_file() for p in private.rglob("*")))


def test_the_service_refuses_a_webp_receipt(completed, organiser):
    with pytest.raises(ServiceError) as error:
        accountability_report_save(
            initiative=completed,
            by=organiser,
            what_was_done=DONE,
            how_we_did_it=HOW,
            costs=COSTS,
            evidence=[image_upload("bon.webp", image_format="WEBP")],
        )
    assert error.value.code == "bad_file"
    assert not AccountabilityEvidence.objects.exists()


def test_organiser_removes_a_receipt_while_the_report_is_editable(
    client, completed, organiser, outsider, django_capture_on_commit_callbacks
):
    item = report_with_receipt(completed, organiser)
    url = reverse("initiatives:accountability_evidence_remove", args=[completed.pk, item.pk])
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    assert AccountabilityEvidence.objects.exists()

    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not AccountabilityEvidence.objects.exists()
    assert not Path(item.file.path).exists()
