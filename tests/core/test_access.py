"""Roles and the per-object access helper."""

import pytest
import rules
from django.http import Http404

from mijnbuurt.accounts.models import User
from mijnbuurt.accounts.roles import Role, user_has_role, user_requires_mfa, user_roles
from mijnbuurt.core.access import get_object_for_user_or_404

pytestmark = pytest.mark.django_db


def test_a_resident_is_not_staff_and_needs_no_second_factor(resident):
    assert user_roles(resident) == [Role.RESIDENT]
    assert not user_requires_mfa(resident)


def test_staff_hold_both_roles_and_need_a_second_factor(staff):
    assert user_roles(staff) == [Role.RESIDENT, Role.STAFF]
    assert user_requires_mfa(staff)


def test_anonymous_visitors_hold_no_role():
    from django.contrib.auth.models import AnonymousUser

    assert not user_has_role(AnonymousUser(), Role.RESIDENT)


def test_access_helper_answers_404_to_whoever_may_not_see_the_object(resident, outsider):
    rules.add_perm("tests.view_own_user", rules.predicate(lambda user, obj: user == obj))
    try:
        queryset = User.objects.all()
        found = get_object_for_user_or_404(
            queryset, user=resident, perm="tests.view_own_user", pk=resident.pk
        )
        assert found == resident
        with pytest.raises(Http404):
            get_object_for_user_or_404(
                queryset, user=outsider, perm="tests.view_own_user", pk=resident.pk
            )
    finally:
        rules.remove_perm("tests.view_own_user")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/initiatieven/beoordelen/", "/initiatieven/moderatie/"])
def test_staff_without_two_factor_are_sent_to_set_it_up_before_review_and_moderation(client, path):
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
