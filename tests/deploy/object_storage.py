"""The deployed stack with uploads on S3-compatible object storage, DEBUG off.

A second gunicorn of the stack (tests/deploy/test_stack.py) runs with S3_BUCKET set,
on the same database, Redis and mail, against moto's S3 server (tests/s3.py). The
resident who signed up on the first one keeps their session: a photo they upload shows
from the bucket's public URL; the receipt of their cost report is refused to another
resident (whose account the stack's set-up made) and reached by the organiser through a
short-lived signed URL only.
"""

import re
from urllib.parse import parse_qs, urlsplit

import psycopg
import requests

from tests.deploy.stack import Timings, Visitor, start_initiative_with_photo
from tests.initiatives.test_accountability import edit_data
from tests.initiatives.test_accountability_evidence import PDF
from tests.s3 import BUCKET

OUTSIDER = "buurman@example.org"


def photo_and_receipt_on_object_storage(stack, resident: Visitor, timings: Timings) -> None:
    organiser = Visitor(port=stack.s3_port, timings=timings, who="resident, S3 site")
    organiser.session.cookies = resident.session.cookies  # one database, one session
    public = f"{stack.s3_url}/{BUCKET}/public/"
    path, src = start_initiative_with_photo(organiser, media=public)
    with timings.step("GET the photo from the bucket (public URL, no signature)"):
        photo = requests.get(src, timeout=10)
    assert photo.status_code == 200
    assert photo.headers["Content-Type"] == "image/jpeg"
    assert photo.content.startswith(b"\xff\xd8")

    pk = re.search(r"/initiatieven/(\d+)/", path).group(1)
    # The initiative was carried out (the reviewers' part, done here).
    with psycopg.connect(stack.database_url, autocommit=True) as connection:
        done = connection.execute(
            "UPDATE initiatives_initiative SET status = %s WHERE id = %s", ("completed", pk)
        )
        assert done.rowcount == 1
    edit = f"/initiatieven/{pk}/verantwoording/bewerken/"
    assert organiser.get(edit).status_code == 200
    receipt = {"evidence": ("bouwmarkt.pdf", PDF, "application/pdf")}
    submitted = organiser.post(edit, edit_data(), files=receipt)
    assert submitted.status_code == 302, submitted.text[:3000]
    report = organiser.get(f"/initiatieven/{pk}/verantwoording/")
    link = re.search(r'href="(/initiatieven/\d+/verantwoording/bonnen/\d+/)"', report.text)
    assert link, "no receipt on the report page"

    outsider = Visitor(port=stack.s3_port, timings=timings, who="outsider, S3 site")
    assert outsider.get("/accounts/login/").status_code == 200
    logged_in = outsider.post(
        "/accounts/login/", {"login": OUTSIDER, "password": stack.outsider_password}
    )
    assert logged_in.status_code == 302
    assert outsider.get(link.group(1)).status_code == 404

    redirect = organiser.get(link.group(1))
    assert redirect.status_code == 302
    signed = redirect.headers["Location"]
    unsigned = signed.split("?")[0]
    assert unsigned.startswith(f"{stack.s3_url}/{BUCKET}/private/")
    assert "X-Amz-Signature" in parse_qs(urlsplit(signed).query)
    assert requests.get(unsigned, timeout=10).status_code == 403
    with timings.step("GET the receipt by its signed URL"):
        download = requests.get(signed, timeout=10)
    assert download.status_code == 200
    assert download.content == PDF
