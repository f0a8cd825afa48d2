"""Co-organisers: invited by e-mail address, accepted while logged in with that address."""

import pytest
from django.urls import reverse

from initiatives.models import Organiser, OrganiserInvitation
from initiatives.services import organiser_invitation_accept, organiser_invite
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(organiser, buurt):
    return make_initiative(by=organiser, neighbourhood=buurt, title="Samen plannen")


def test_invited_resident_accepts_and_may_then_see_and_edit_the_draft(
    client, draft, organiser, outsider
):
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:invite", args=[draft.pk]), {"email": "Buitenstaander@Example.org"}
    )
    assert response.status_code == 302
    notification = Notification.objects.get(recipient=outsider)
    assert notification.kind == "initiative_invitation"
    assert notification.link == "/initiatieven/mijn/"

    client.force_login(outsider)
    assert client.get(reverse("initiatives:detail", args=[draft.pk])).status_code == 404
    mine = client.get(reverse("initiatives:mine")).content.decode()
    assert "Samen plannen" in mine
    invitation = OrganiserInvitation.objects.get()
    client.post(
        reverse("initiatives:invitation_respond", args=[invitation.pk]), {"action": "accept"}
    )

    assert Organiser.objects.get(initiative=draft, user=outsider).role == "co_organiser"
    assert not OrganiserInvitation.objects.exists()
    assert client.get(reverse("initiatives:edit", args=[draft.pk])).status_code == 200


def test_invitation_to_an_unknown_address_reveals_nothing_and_waits_for_sign_up(
    client, draft, organiser
):
    client.force_login(organiser)
    known = client.post(
        reverse("initiatives:invite", args=[draft.pk]),
        {"email": "buitenstaander@example.org"},
        follow=True,
    )
    unknown = client.post(
        reverse("initiatives:invite", args=[draft.pk]), {"email": "nieuw@example.org"}, follow=True
    )
    message = "vinden ze de uitnodiging onder Mijn initiatieven"
    assert message in known.content.decode()
    assert message in unknown.content.decode()

    newcomer = UserFactory(email="nieuw@example.org")
    client.force_login(newcomer)
    assert "Samen plannen" in client.get(reverse("initiatives:mine")).content.decode()


def test_someone_else_cannot_accept_an_invitation(client, draft, organiser, outsider):
    invitation = organiser_invite(initiative=draft, by=organiser, email="iemand@example.org")
    client.force_login(outsider)
    response = client.post(
        reverse("initiatives:invitation_respond", args=[invitation.pk]), {"action": "accept"}
    )
    assert response.status_code == 404
    with pytest.raises(ServiceError):
        organiser_invitation_accept(invitation=invitation, by=outsider)
    assert draft.memberships.count() == 1


def test_only_organisers_invite_and_not_twice_or_an_organiser(client, draft, organiser, outsider):
    client.force_login(outsider)
    response = client.post(
        reverse("initiatives:invite", args=[draft.pk]), {"email": "x@example.org"}
    )
    assert response.status_code == 404
    organiser_invite(initiative=draft, by=organiser, email="x@example.org")
    with pytest.raises(ServiceError):
        organiser_invite(initiative=draft, by=organiser, email="X@example.org")
    with pytest.raises(ServiceError):
        organiser_invite(initiative=draft, by=organiser, email=organiser.email)
    assert OrganiserInvitation.objects.count() == 1


def test_declining_removes_the_invitation(client, draft, organiser, outsider):
    invitation = organiser_invite(initiative=draft, by=organiser, email=outsider.email)
    client.force_login(outsider)
    client.post(
        reverse("initiatives:invitation_respond", args=[invitation.pk]), {"action": "decline"}
    )
    assert not OrganiserInvitation.objects.exists()
    assert draft.memberships.count() == 1
