"""Municipal staff: members of the group "gemeente" with exactly its permissions, never
superusers; ``manage.py create_staff`` makes them."""

import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from mijnbuurt.accounts.groups import STAFF_GROUP, staff_permission_table
from mijnbuurt.accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _codenames(group: Group) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_the_staff_group_holds_exactly_the_listed_permissions_after_migrate():
    group = Group.objects.get(name=STAFF_GROUP)
    expected = {
        f"{label.split('.')[0]}.{action}_{label.split('.')[1]}"
        for label, actions in staff_permission_table().items()
        for action in actions
    }
    assert _codenames(group) == expected
    assert not any(name.startswith("auth.") for name in _codenames(group))


def test_every_app_declares_its_staff_permissions_for_models_that_exist():
    """Each app names its own models on its AppConfig; a misspelt name would grant nothing."""
    table = staff_permission_table()
    for label in table:
        assert apps.get_model(label), label
    declaring = {label.split(".")[0] for label in table}
    assert {"accounts", "neighbourhoods", "helprequests", "initiatives", "volunteers"} <= declaring
    assert {"venues", "notifications"} <= declaring
    assert table["initiatives.grantrequest"] == ("change", "view")


def test_create_staff_makes_a_staff_member_of_the_group_who_is_no_superuser():
    out = io.StringIO()
    call_command("create_staff", "Gemma@Assen.nl", "--name", "Gemma", "--no-password", stdout=out)
    user = User.objects.get(email="gemma@assen.nl")
    assert (user.is_staff, user.is_superuser, user.is_active) == (True, False, True)
    assert list(user.groups.values_list("name", flat=True)) == [STAFF_GROUP]
    assert not user.has_usable_password()
    assert user.has_perm("initiatives.change_grantrequest")
    assert not user.has_perm("auth.change_group")
    assert "gemeente" in out.getvalue()


def test_create_staff_turns_an_existing_superuser_into_plain_staff(superuser):
    call_command("create_staff", superuser.email, "--no-password", stdout=io.StringIO())
    superuser.refresh_from_db()
    assert (superuser.is_staff, superuser.is_superuser) == (True, False)
    assert superuser.has_usable_password()  # an existing password is kept


def test_create_staff_refuses_a_bad_address_and_creates_nothing():
    with pytest.raises(CommandError, match="not an e-mail address"):
        call_command("create_staff", "geen-adres", "--no-password", stdout=io.StringIO())
    assert not User.objects.filter(is_staff=True).exists()


def test_staff_cannot_hand_out_rights_in_the_admin(client, staff):
    other = UserFactory()
    client.force_login(staff)
    page = client.get(reverse("admin:accounts_user_change", args=[other.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    for field in ("is_superuser", "is_staff", "groups", "user_permissions"):
        assert f'name="{field}"' not in html
    response = client.post(
        reverse("admin:accounts_user_change", args=[other.pk]),
        {"email": other.email, "is_superuser": "on", "is_staff": "on"},
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert not other.is_superuser


def test_the_demo_staff_account_is_no_superuser():
    from mijnbuurt.accounts.demo import seed

    seed(out=io.StringIO())
    demo = User.objects.get(email="gemeente@example.org")
    assert (demo.is_staff, demo.is_superuser) == (True, False)
    assert demo.groups.filter(name=STAFF_GROUP).exists()
