"""The social map: directory with filters, proposing, approving and editing organisations."""

import io
from pathlib import Path

import pytest
from django.contrib.admin.sites import site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext
from PIL import Image

from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.admin import OrganisationAdmin
from neighbourhoods.models import Organisation
from neighbourhoods.services import organisation_propose
from tests.core.damaged_images import corrupt_png, truncated_jpeg

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DAMAGED_LOGO = "This logo is damaged or incomplete, so it cannot be read. Try another image."


def image_upload(name="logo.jpg", image_format="JPEG", size=(40, 40), exif=True):
    image = Image.new("RGB", size, "red")
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x8825] = {2: (52.0, 59.0, 33.0), 4: (6.0, 33.0, 45.0)}  # GPS location
        data[0x010F] = "Camera"
        image.save(out, format=image_format, exif=data)
    else:
        image.save(out, format=image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(image_format, "image/gif")
    return SimpleUploadedFile(name, out.getvalue(), content_type=content_type)


def proposal(**extra):
    return {"name": "Buurtmoestuin Pittelo", "kind": "neighbourhood_enterprise", **extra}


def test_directory_shows_approved_organisations_only(client):
    OrganisationFactory(name="Zichtbare club")
    OrganisationFactory(name="Nog een voorstel", is_approved=False)
    html = client.get(reverse("neighbourhoods:organisations")).content.decode()
    assert "Zichtbare club" in html
    assert "Nog een voorstel" not in html


def test_directory_filters_by_kind_neighbourhood_and_text(client, assen):
    OrganisationFactory(name="Voetbalclub Oost", kind="sport", neighbourhoods=[assen["WK010603"]])
    OrganisationFactory(
        name="Tennisclub Dijkveld", kind="sport", neighbourhoods=[assen["BU01060300"]]
    )
    OrganisationFactory(name="Koor Centrum", kind="culture", neighbourhoods=[assen["WK010600"]])
    url = reverse("neighbourhoods:organisations")

    def names(**query):
        return {o.name for o in client.get(url, query).context["page"].object_list}

    assert names(kind="sport") == {"Voetbalclub Oost", "Tennisclub Dijkveld"}
    # A buurt finds organisations of its wijk too; a wijk those of its buurten.
    assert names(neighbourhood="dijkveld") == {"Voetbalclub Oost", "Tennisclub Dijkveld"}
    assert names(neighbourhood="assen-oost") == {"Voetbalclub Oost", "Tennisclub Dijkveld"}
    assert names(q="koor") == {"Koor Centrum"}
    assert names(q="club oost") == {"Voetbalclub Oost"}


def test_directory_with_a_bad_filter_says_so_and_does_not_fail(client):
    response = client.get(
        reverse("neighbourhoods:organisations"), {"kind": "casino", "pagina": "x"}
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


@pytest.mark.parametrize("extra", [0, 30])
def test_directory_query_count_is_fixed(client, assen, django_assert_num_queries, extra):
    for _ in range(5 + extra):
        OrganisationFactory(neighbourhoods=[assen["WK010600"], assen["BU01060000"]])
    with django_assert_num_queries(4):
        response = client.get(reverse("neighbourhoods:organisations"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(5 + extra, 20)


def test_propose_requires_login(client):
    response = client.get(reverse("neighbourhoods:organisation_propose"))
    assert response.status_code == 302


def test_resident_proposes_an_organisation_that_waits_for_approval(client, resident, outsider):
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_propose"),
        proposal(website="example.org/moestuin", logo=image_upload()),
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert not organisation.is_approved
    assert list(organisation.members.all()) == [resident]
    assert organisation.website == "https://example.org/moestuin"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "wacht op goedkeuring" in page.content.decode()
    client.force_login(outsider)
    assert client.get(response["Location"]).status_code == 404
    assert (
        "Buurtmoestuin" not in client.get(reverse("neighbourhoods:organisations")).content.decode()
    )


def test_uploaded_logo_loses_its_exif_location(client, resident):
    client.force_login(resident)
    client.post(reverse("neighbourhoods:organisation_propose"), proposal(logo=image_upload()))
    organisation = Organisation.objects.get()
    with Image.open(organisation.logo.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
    organisation.logo.delete(save=False)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg"), "afbeelding"),
        (image_upload("anim.gif", "GIF", exif=False), "JPEG-, PNG- of WebP-afbeelding"),
    ],
)
def test_a_bad_logo_is_refused_and_nothing_is_created(client, resident, upload, message):
    client.force_login(resident)
    response = client.post(reverse("neighbourhoods:organisation_propose"), proposal(logo=upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("damaged", [truncated_jpeg, corrupt_png])
def test_a_damaged_logo_is_a_form_error_when_proposing_and_editing(
    client, resident, damaged, settings
):
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_propose"), proposal(logo=damaged())
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("logo", code="damaged")
    assert gettext(DAMAGED_LOGO) in response.content.decode()
    assert not Organisation.objects.exists()

    organisation = OrganisationFactory(name="Koor Centrum")
    organisation.members.add(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_edit", args=[organisation.slug]),
        {"name": "Koor Centrum", "kind": "welfare", "logo": damaged()},
    )
    assert response.status_code == 200
    assert gettext(DAMAGED_LOGO) in response.content.decode()
    organisation.refresh_from_db()
    assert not organisation.logo
    media = Path(settings.MEDIA_ROOT)
    assert not (media.exists() and any(p.is_file() for p in media.rglob("*")))


@pytest.mark.parametrize("damaged", [truncated_jpeg, corrupt_png])
def test_the_organisation_services_refuse_a_damaged_logo(resident, damaged):
    with pytest.raises(ServiceError) as error:
        organisation_propose(
            proposer=resident, name="Buurtmoestuin", kind="welfare", logo=damaged()
        )
    assert error.value.code == "damaged"
    assert not Organisation.objects.exists()


def test_a_too_large_logo_is_refused(client, resident, monkeypatch):
    monkeypatch.setattr("neighbourhoods.images.MAX_LOGO_BYTES", 100)
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_propose"), proposal(logo=image_upload())
    )
    assert "hoogstens 2 MB" in response.content.decode()
    assert not Organisation.objects.exists()


def test_staff_approve_a_proposal_with_the_admin_action(staff):
    waiting = OrganisationFactory(is_approved=False)
    request = RequestFactory().post("/admin/")
    request.user = staff
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    OrganisationAdmin(Organisation, site).approve(request, Organisation.objects.all())
    waiting.refresh_from_db()
    assert waiting.is_approved


def test_only_members_may_edit_an_organisation(client, resident, outsider, assen):
    organisation = OrganisationFactory(name="Wijkvereniging Lariks")
    organisation.members.add(resident)
    url = reverse("neighbourhoods:organisation_edit", args=[organisation.slug])
    data = {
        "name": "Wijkvereniging Lariks",
        "kind": "residents_association",
        "neighbourhoods": [assen["WK010601"].pk],
        "phone": "0592-000 000",
    }
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, data).status_code == 404
    organisation.refresh_from_db()
    assert organisation.phone == ""
    client.force_login(resident)
    assert client.get(url).status_code == 200
    response = client.post(url, data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.phone == "0592-000 000"
    assert organisation.kind == "residents_association"
    assert list(organisation.neighbourhoods.all()) == [assen["WK010601"]]


def test_bad_edit_changes_nothing(client, resident):
    organisation = OrganisationFactory(name="Koor Centrum")
    organisation.members.add(resident)
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_edit", args=[organisation.slug]),
        {"name": "", "kind": "casino", "email": "geen-adres"},
    )
    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.name == "Koor Centrum"


def test_organisation_page_is_public_once_approved(client):
    organisation = OrganisationFactory(name="Taalcafé", phone="0592-000 000")
    html = client.get(reverse("neighbourhoods:organisation", args=[organisation.slug]))
    # Stored as +31592000000, shown the Dutch way.
    assert 'href="tel:+31592000000">0592 000 000</a>' in html.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/neighbourhoods/organisation/",
        "/admin/neighbourhoods/organisation/add/",
        "/admin/neighbourhoods/areateam/",
        "/admin/neighbourhoods/areateam/add/",
        "/admin/neighbourhoods/neighbourhood/",
    ],
)
def test_staff_manage_organisations_and_area_teams_in_the_admin(client, staff, url):
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_approve_action_through_the_admin_changelist(client, staff):
    waiting = OrganisationFactory(is_approved=False)
    client.force_login(staff)
    response = client.post(
        "/admin/neighbourhoods/organisation/",
        {"action": "approve", "_selected_action": [waiting.pk]},
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.is_approved


RENAMED = (
    "The changes have been saved. Because the name changed, the municipality checks the "
    "entry again. Until then it is not on the social map."
)


def test_renaming_an_approved_organisation_sends_it_back_for_review(client, resident, staff):
    organisation = OrganisationFactory(name="Buurthuis De Bron", slug="buurthuis-de-bron")
    organisation.members.add(resident)
    edit_url = reverse("neighbourhoods:organisation_edit", args=[organisation.slug])
    page_url = reverse("neighbourhoods:organisation", args=[organisation.slug])
    client.force_login(resident)

    # Other changes keep the entry on the map.
    response = client.post(
        edit_url, {"name": "Buurthuis De Bron", "kind": "welfare", "phone": "0592-111 111"}
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.is_approved

    # A new name goes back to the municipality, and the editor is told so.
    response = client.post(edit_url, {"name": "Gemeente Assen", "kind": "welfare"}, follow=True)
    assert response.redirect_chain[-1][0] == page_url
    assert gettext(RENAMED) in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.name == "Gemeente Assen"
    assert not organisation.is_approved

    client.logout()
    assert client.get(page_url).status_code == 404
    assert (
        "Gemeente Assen"
        not in client.get(reverse("neighbourhoods:organisations")).content.decode()
    )
    layer = client.get(reverse("neighbourhoods:layer", args=["organisaties"])).json()
    assert layer["features"] == []

    # Staff find it among the entries waiting for approval and approve it again.
    client.force_login(staff)
    waiting = client.get("/admin/neighbourhoods/organisation/?is_approved__exact=0")
    assert "Gemeente Assen" in waiting.content.decode()
    client.post(
        "/admin/neighbourhoods/organisation/",
        {"action": "approve", "_selected_action": [organisation.pk]},
    )
    client.logout()
    assert "Gemeente Assen" in client.get(reverse("neighbourhoods:organisations")).content.decode()
