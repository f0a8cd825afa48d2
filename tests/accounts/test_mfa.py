"""Two-factor authentication: staff cannot use the admin without it."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory, enable_totp, totp_code

pytestmark = pytest.mark.django_db


def test_staff_without_totp_is_sent_to_set_it_up_before_the_admin(client):
    staff_without_mfa = UserFactory(is_staff=True)
    client.force_login(staff_without_mfa)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_totp_reaches_the_admin(client, staff):
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_resident_cannot_use_the_admin(client, resident):
    client.force_login(resident)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403


def test_admin_login_goes_through_allauth_so_the_second_factor_is_asked(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_login_asks_for_the_totp_code(client):
    user = UserFactory(is_staff=True)
    secret = enable_totp(user)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session

    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/admin/").status_code == 200


def test_resident_can_set_up_totp_from_the_profile(client, resident):
    client.post(reverse("account_login"), {"login": resident.email, "password": PASSWORD})
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("mfa_index") in profile
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = response.context["form"].secret
    client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert Authenticator.objects.filter(user=resident, type="totp").exists()
