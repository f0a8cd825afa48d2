"""A backup brings back every row and every uploaded file, public and private, on the
database in use (SQLite or PostgreSQL); a restore refuses to overwrite data unless told,
and refuses a damaged archive before it changes anything."""

import hashlib
import io
import shutil
import tarfile
from decimal import Decimal

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from initiatives.models import AccountabilityEvidence, InitiativePhoto, Status
from initiatives.services import accountability_report_save
from mijnbuurt.accounts.models import User
from mijnbuurt.core.backup import stored_files
from mijnbuurt.core.dbdump import table_counts
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import image_upload, make_initiative

# Restore replaces the database: it runs outside the test's transaction, as in real use.
pytestmark = pytest.mark.django_db(transaction=True)

RECEIPT = b"%PDF-1.4\n% bon van de bouwmarkt\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploads in tmp, the private ones inside MEDIA_ROOT as by default."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = ""
    return settings.MEDIA_ROOT


@pytest.fixture
def site_with_uploads(organiser, staff):
    """Residents, an initiative with a photo, and a private receipt of its report."""
    UserFactory.create_batch(2)
    make_initiative(
        by=organiser, status=Status.PUBLISHED, reviewer=staff, photos=[image_upload("tuin.jpg")]
    )
    completed = make_initiative(by=organiser, status=Status.COMPLETED, reviewer=staff)
    accountability_report_save(
        initiative=completed,
        by=organiser,
        what_was_done="We legden een jeu de boulesbaan aan.",
        how_we_did_it="Vraag eerst toestemming.",
        costs=[("Gravel", Decimal("600.00"))],
        evidence=[SimpleUploadedFile("bon.pdf", RECEIPT, content_type="application/pdf")],
        submit=True,
    )


def files_with_hashes() -> dict[tuple[str, str], str]:
    return {
        (alias, name): hashlib.sha256(storages[alias].open(name).read()).hexdigest()
        for alias, name in stored_files()
    }


def backup(path) -> None:
    call_command("backup", output=path, stdout=io.StringIO())


def damaged_copy(archive, tmp_path):
    """The archive with one byte of a photo changed."""
    with tarfile.open(archive) as tar:
        photo = next(m for m in tar.getmembers() if m.name.startswith("files/default/"))
    data = bytearray(archive.read_bytes())
    data[photo.offset_data + 10] ^= 0xFF
    damaged = tmp_path / "damaged.tar"
    damaged.write_bytes(bytes(data))
    return damaged


def test_backup_wipe_restore_gives_the_same_rows_and_files(site_with_uploads, media, tmp_path):
    counts, files = table_counts(), files_with_hashes()
    assert {alias for alias, _ in files} == {"default", "private"}
    assert counts["accounts_user"] >= 4
    archive = tmp_path / "backup.tar"
    backup(archive)
    assert archive.stat().st_mode & 0o777 == 0o600  # it holds personal data

    # Checked before anything changes: a damaged archive, a database that holds data.
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", damaged_copy(archive, tmp_path), "--force", stdout=io.StringIO())
    with pytest.raises(CommandError, match="holds data"):
        call_command("restore", archive, stdout=io.StringIO())
    assert (table_counts(), files_with_hashes()) == (counts, files)

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    assert not User.objects.exists()
    assert files_with_hashes() == {}

    out = io.StringIO()
    call_command("restore", archive, stdout=out)
    assert "Restored" in out.getvalue()
    assert table_counts() == counts
    assert files_with_hashes() == files
    # The rows point at the files again: the photo and the private receipt open.
    photo = InitiativePhoto.objects.get()
    assert storages["default"].exists(photo.image.name)
    assert AccountabilityEvidence.objects.get().file.read() == RECEIPT


def test_forced_restore_replaces_the_data_and_files_there_are_now(organiser, tmp_path):
    archive = tmp_path / "backup.tar"
    backup(archive)
    counts = table_counts()
    UserFactory(email="later@example.org")
    stray = storages["default"].save("organisations/logos/later.png", io.BytesIO(b"png"))

    with pytest.raises(CommandError, match="holds data"):
        call_command("restore", archive, stdout=io.StringIO())
    assert User.objects.filter(email="later@example.org").exists()

    call_command("restore", archive, "--wipe", stdout=io.StringIO())
    assert table_counts() == counts
    assert not User.objects.filter(email="later@example.org").exists()
    assert not storages["default"].exists(stray)
