"""/profiel/: my details, my data as JSON, deleting my account."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from mijnbuurt.accounts.models import User
from neighbourhoods.models import Neighbourhood
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def buurt(db):
    wijk = Neighbourhood.objects.create(
        code="WK010600", name="Centrum", slug="centrum", level="wijk"
    )
    return Neighbourhood.objects.create(
        code="BU01060000", name="Binnenstad", slug="binnenstad", level="buurt", wijk=wijk
    )


def test_profile_requires_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_resident_saves_name_neighbourhood_and_language(client, resident, buurt):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {
            "display_name": "  Anne de Vries ",
            "preferred_language": "en",
            "home_neighbourhood": buurt.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/profiel/"
    resident.refresh_from_db()
    assert resident.display_name == "Anne de Vries"
    assert resident.preferred_language == "en"
    assert resident.home_neighbourhood == buurt
    page = client.get(response["Location"]).content.decode()
    assert "Your profile has been saved." in page
    assert "Binnenstad" in page


def test_bad_profile_input_changes_nothing_and_says_why(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "x" * 200, "preferred_language": "klingon", "home_neighbourhood": 999},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert "niet meer dan 80 tekens" in html
    resident.refresh_from_db()
    assert resident.display_name == "Anne"
    assert resident.preferred_language == "nl"


def test_download_my_data_as_json_holds_my_account_only(client, resident, outsider):
    client.force_login(resident)
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == resident.email
    assert data["account"]["email_addresses"] == [
        {"email": resident.email, "verified": True, "primary": True}
    ]
    assert outsider.email not in response.content.decode()


def test_delete_with_wrong_password_keeps_the_account(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:delete"), {"password": "verkeerd"})
    assert response.status_code == 200
    assert "niet juist" in response.content.decode()
    resident.refresh_from_db()
    assert resident.is_active
    assert resident.email == "anne@example.org"


def test_delete_removes_personal_data_keeps_an_anonymous_row_and_logs_out(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert not resident.is_active
    assert resident.anonymised_at is not None
    assert "anne" not in resident.email
    assert resident.display_name == ""
    assert str(resident) == "Voormalig bewoner"
    assert not EmailAddress.objects.filter(user=resident).exists()
    assert not resident.has_usable_password()
    assert "_auth_user_id" not in client.session
    response = client.post(
        reverse("account_login"), {"login": "anne@example.org", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(email__iexact="anne@example.org").count() == 0


def test_a_new_account_can_reuse_the_address_of_a_deleted_one(client, resident):
    client.force_login(resident)
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    client.post(
        reverse("account_signup"),
        {
            "display_name": "Anne",
            "email": "anne@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert User.objects.filter(email="anne@example.org", is_active=True).count() == 1
