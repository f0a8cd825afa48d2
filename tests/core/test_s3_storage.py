"""Uploads on S3-compatible object storage (S3_BUCKET), against a real S3 API server.

moto's standalone server runs as a separate process on a free port; the storages
talk to it over HTTP as they would to MinIO or AWS, and the tests fetch what the pages
link to with plain HTTP requests. Public photos answer at their object URL; a receipt
is reached only through its view, which redirects allowed people to a short-lived
signed URL, while the object's own URL is refused by the server.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.urls import reverse

from initiatives.models import AccountabilityEvidence, InitiativePhoto, Status
from initiatives.services import initiative_transition
from mijnbuurt.core.object_storage import s3_storages
from tests.core.test_content_security_policy import directives, policy_with
from tests.initiatives.factories import edit_form_data, image_upload, make_initiative
from tests.initiatives.test_accountability import edit_data
from tests.initiatives.test_accountability_evidence import PDF, receipt, report_with_receipt
from tests.neighbourhoods.factories import BuurtFactory
from tests.s3 import BUCKET, KEYS, REGION, fresh_buckets

PRIVATE_BUCKET = "mijnbuurt-bonnen"


@dataclass
class S3:
    url: str
    client: object
    private_bucket: str
    signed_url_seconds: int

    def read(self, bucket: str, key: str) -> bytes:
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def count(self, bucket: str, prefix: str) -> int:
        return self.client.list_objects_v2(Bucket=bucket, Prefix=prefix)["KeyCount"]


@pytest.fixture
def s3(request, s3_server, settings, tmp_path):
    """Fresh buckets, and the "default" and "private" storages on them.

    Parametrize indirectly with ``{"private_bucket": ..., "signed_url_seconds": ...}``.
    """
    options = {"private_bucket": "", "signed_url_seconds": 60, **getattr(request, "param", {})}
    client = fresh_buckets(s3_server, options["private_bucket"])
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            bucket=BUCKET,
            endpoint_url=s3_server,
            access_key_id=KEYS["aws_access_key_id"],
            secret_access_key=KEYS["aws_secret_access_key"],
            region=REGION,
            **options,
        ),
    }
    yield S3(
        url=s3_server,
        client=client,
        private_bucket=options["private_bucket"] or BUCKET,
        signed_url_seconds=options["signed_url_seconds"],
    )
    assert not Path(settings.MEDIA_ROOT).exists(), "an upload was written to disk"


@pytest.mark.django_db
def test_photo_on_the_page_loads_from_the_bucket(s3, client, organiser, staff):
    buurt = BuurtFactory()
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:edit", args=[initiative.pk]),
        edit_form_data(initiative, photos=[image_upload("moestuin.jpg")]),
    )
    assert response.status_code == 302
    for to_status, by in ((Status.SUBMITTED, organiser), (Status.PUBLISHED, staff)):
        initiative_transition(initiative=initiative, to_status=to_status, by=by, note="Goed.")
    photo = InitiativePhoto.objects.get()

    client.logout()
    page = client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()
    public = f"{s3.url}/{BUCKET}/public/"
    links = re.findall(r'<(?:img[^>]* src|a[^>]* href)="([^"]*/public/[^"]*)"', page)
    assert sorted(links) == sorted(
        [f"{public}{photo.image.name}", f"{public}{photo.thumbnail.name}"]
    )
    for url in links:
        answer = requests.get(url, timeout=5)  # no credentials: the object URL is public
        assert answer.status_code == 200, url
        assert answer.headers["Content-Type"] == "image/jpeg"
        assert answer.content.startswith(b"\xff\xd8")
        assert answer.content == s3.read(BUCKET, url.removeprefix(f"{s3.url}/{BUCKET}/"))


@pytest.fixture
def completed(organiser, staff):
    return make_initiative(
        by=organiser,
        neighbourhood=BuurtFactory(),
        status=Status.COMPLETED,
        reviewer=staff,
        title="Baan",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "s3",
    [
        {"private_bucket": "", "signed_url_seconds": 60},
        {"private_bucket": PRIVATE_BUCKET, "signed_url_seconds": 30},
    ],
    indirect=True,
    ids=["one-bucket", "own-bucket"],
)
def test_receipt_is_reached_only_through_a_signed_url_after_the_rules_check(
    s3, client, completed, organiser, staff, outsider
):
    client.force_login(organiser)
    edit = reverse("initiatives:accountability_edit", args=[completed.pk])
    assert client.post(edit, edit_data(evidence=[receipt("bouwmarkt.pdf")])).status_code == 302
    item = AccountabilityEvidence.objects.get()
    key = f"private/{item.file.name}"
    assert s3.read(s3.private_bucket, key) == PDF
    if s3.private_bucket != BUCKET:
        assert s3.count(BUCKET, "") == 0
    url = reverse("initiatives:accountability_evidence", args=[completed.pk, item.pk])

    client.force_login(outsider)
    assert client.get(url).status_code == 404
    unsigned = f"{s3.url}/{s3.private_bucket}/{key}"
    assert requests.get(unsigned, timeout=5).status_code == 403

    for person in (organiser, staff):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 302, person
        assert response["Cache-Control"] == "private, no-store"
        signed = response["Location"]
        assert signed.startswith(f"{unsigned}?")
        assert parse_qs(urlsplit(signed).query)["X-Amz-Expires"] == [str(s3.signed_url_seconds)]
        download = requests.get(signed, timeout=5)
        assert download.status_code == 200
        assert download.content == PDF
        assert download.headers["Content-Type"] == "application/pdf"
        assert download.headers["Content-Disposition"] == 'attachment; filename="bouwmarkt.pdf"'


@pytest.mark.django_db
def test_removed_receipt_leaves_the_bucket(
    s3, client, completed, organiser, django_capture_on_commit_callbacks
):
    item = report_with_receipt(completed, organiser)
    assert s3.count(BUCKET, "private/") == 1

    client.force_login(organiser)
    url = reverse("initiatives:accountability_evidence_remove", args=[completed.pk, item.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert s3.count(BUCKET, "private/") == 0


def test_pages_may_show_images_from_the_public_bucket_url():
    result = policy_with(
        {"S3_BUCKET": "mijnbuurt", "S3_PUBLIC_URL": "https://beeld.example.org/mijnbuurt"}
    )
    assert result.returncode == 0, result.stderr
    policy = directives(result.stdout.strip().splitlines()[-1])
    assert policy["img-src"][-1] == "https://beeld.example.org"


def test_a_signed_url_lifetime_out_of_range_stops_the_start():
    result = policy_with({"S3_BUCKET": "mijnbuurt", "S3_SIGNED_URL_SECONDS": "0"})
    assert result.returncode != 0
    assert "S3_SIGNED_URL_SECONDS must be between 1 and 604800" in result.stderr
