"""Sign-up with e-mail, verification, login, logout, password reset, e-mail change."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from mijnbuurt.accounts.models import User
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"https?://[^\s]+", message.body).group(0).rstrip(".")


@pytest.mark.django_db(transaction=True)  # account e-mails leave through the outbox on commit
def test_signup_sends_dutch_verification_mail_and_verifying_allows_login(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Nienke",
            "email": "nieuw@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1
    assert "Bevestig" in mailoutbox[0].subject

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "nieuw@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "bevestig" in response["Location"]

    confirm_url = link_in(mailoutbox[-1])
    assert client.get(confirm_url).status_code == 200
    client.post(confirm_url)
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        reverse("account_login"), {"login": "nieuw@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("start")
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db(transaction=True)  # account e-mails leave through the outbox on commit
def test_signup_with_taken_email_makes_no_account_and_tells_the_owner(
    client, resident, mailoutbox
):
    """The page does not reveal that the address is taken; its owner gets an e-mail."""
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Anne",
            "email": "ANNE@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="anne@example.org").count() == 1
    assert [message.to for message in mailoutbox] == [["anne@example.org"]]


def test_signup_form_errors_are_in_dutch(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "geen-adres", "password1": "kort", "password2": "anders"},
    )
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in" in response.content.decode()
    assert not User.objects.exists()


def test_signup_asks_for_a_name_that_becomes_the_display_name_on_the_profile(client):
    form = {"email": "nieuw@example.org", "password1": PASSWORD, "password2": PASSWORD}
    page = client.get(reverse("account_signup")).content.decode()
    assert page.index('name="display_name"') < page.index('name="email"')

    without = client.post(reverse("account_signup"), {**form, "display_name": "  "})
    assert without.status_code == 200
    assert "Dit veld is verplicht" in without.content.decode()
    assert not User.objects.exists()

    client.post(reverse("account_signup"), {**form, "display_name": " Nienke "})
    user = User.objects.get(email="nieuw@example.org")
    assert user.display_name == "Nienke"
    EmailAddress.objects.filter(user=user).update(verified=True)
    client.force_login(user)
    assert "Nienke" in client.get(reverse("accounts:profile")).content.decode()


def test_a_too_short_password_is_refused_in_dutch_that_says_je(client):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Nienke",
            "email": "nieuw@example.org",
            "password1": "kort1",
            "password2": "kort1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dit wachtwoord is te kort. Het moet minstens 8 tekens hebben." in page
    assert "Je wachtwoord moet minstens 8 tekens hebben." in page  # the help text
    assert "This password" not in page
    assert not re.search(r"\b(Uw|uw|u)\b|alstublieft|Aanmelden|Afmelden", page)
    assert not User.objects.exists()


def test_logout_ends_the_session(client, resident):
    client.force_login(resident)
    client.post(reverse("account_logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_wrong_password_shows_message_and_repeated_failures_are_rate_limited(client, resident):
    url = reverse("account_login")
    for _attempt in range(5):
        response = client.post(url, {"login": resident.email, "password": "fout"})
        assert response.status_code == 200
        assert "Het e-mailadres of het wachtwoord klopt niet" in response.content.decode()
    response = client.post(url, {"login": resident.email, "password": PASSWORD})
    assert response.status_code == 429 or "Te veel" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True)  # account e-mails leave through the outbox on commit
def test_password_reset_by_mail_sets_a_new_password(client, resident, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": resident.email})
    assert len(mailoutbox) == 1
    reset_url = link_in(mailoutbox[0])
    response = client.get(reset_url, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else reset_url
    new_password = "Nieuw-wachtwoord-voor-Anne-7"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(new_password)


@pytest.mark.django_db(transaction=True)  # account e-mails leave through the outbox on commit
def test_change_email_address_after_verification(client, resident, mailoutbox):
    client.force_login(resident)
    client.post(reverse("account_email"), {"action_add": "", "email": "anne.nieuw@example.org"})
    address = EmailAddress.objects.get(email="anne.nieuw@example.org")
    assert not address.verified
    client.post(link_in(mailoutbox[-1]))
    address.refresh_from_db()
    assert address.verified
    resident.refresh_from_db()
    assert resident.email == "anne.nieuw@example.org"
