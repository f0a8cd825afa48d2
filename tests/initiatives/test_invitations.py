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


# --- Invitations to an address without an account: a plain e-mail to sign up ------------


def _link_after(text: str, body: str) -> str:
    import re

    return re.search(re.escape(text) + r"\s*(https?://\S+)", body).group(1)


@pytest.mark.django_db(transaction=True)  # account e-mails leave through the outbox on commit
def test_address_without_account_gets_a_dutch_mail_to_sign_up_then_accepts(
    client, draft, organiser, mailoutbox, django_capture_on_commit_callbacks, settings
):
    import re

    from mijnbuurt.accounts.models import User
    from tests.accounts.factories import PASSWORD

    settings.SITE_URL = "https://mijnbuurt.example"
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("initiatives:invite", args=[draft.pk]), {"email": "Nieuw@Example.org"})

    (mail,) = mailoutbox
    assert mail.to == ["nieuw@example.org"]
    assert "Olga" in mail.subject
    assert "Samen plannen" in mail.subject
    assert "Maak een account met dit e-mailadres (nieuw@example.org)" in mail.body
    signup_url = _link_after("om de uitnodiging aan te nemen:", mail.body)
    mine_url = _link_after("onder Mijn initiatieven:", mail.body)
    assert signup_url == "https://mijnbuurt.example" + reverse("account_signup")
    assert mine_url == "https://mijnbuurt.example" + reverse("initiatives:mine")

    # They sign up with that address, confirm it and log in, as a newcomer would.
    client.logout()
    client.post(
        reverse("account_signup"),
        {
            "display_name": "Nieuw",
            "email": "nieuw@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    confirm_url = re.search(r"https?://\S+", mailoutbox[-1].body).group(0).rstrip(".")
    client.post(confirm_url)
    client.post(reverse("account_login"), {"login": "nieuw@example.org", "password": PASSWORD})
    newcomer = User.objects.get(email="nieuw@example.org")

    mine = client.get(mine_url.removeprefix("https://mijnbuurt.example"))
    assert mine.status_code == 200
    assert "Samen plannen" in mine.content.decode()
    invitation = OrganiserInvitation.objects.get(initiative=draft)
    client.post(
        reverse("initiatives:invitation_respond", args=[invitation.pk]), {"action": "accept"}
    )
    assert Organiser.objects.get(initiative=draft, user=newcomer).role == "co_organiser"
    assert client.get(reverse("initiatives:edit", args=[draft.pk])).status_code == 200


def test_address_with_an_account_gets_the_notification_not_the_sign_up_mail(
    draft, organiser, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organiser_invite(initiative=draft, by=organiser, email=outsider.email)
    assert [m.to for m in mailoutbox] == [[outsider.email]]
    assert "Maak een account met dit e-mailadres" not in mailoutbox[0].body
    assert Notification.objects.filter(recipient=outsider).count() == 1


def test_no_second_mail_when_the_invitation_is_refused(
    draft, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organiser_invite(initiative=draft, by=organiser, email="een@example.org")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ServiceError),
    ):
        organiser_invite(initiative=draft, by=organiser, email="Een@example.org")
    assert callbacks == []
    assert [m.to for m in mailoutbox] == [["een@example.org"]]


def test_a_mail_server_failure_keeps_the_invitation(
    client, draft, organiser, django_capture_on_commit_callbacks, monkeypatch
):
    import smtplib

    from mijnbuurt.notifications.models import OutgoingEmail

    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("initiatives:invite", args=[draft.pk]), {"email": "nieuw@example.org"}
        )
    assert response.status_code == 302
    assert OrganiserInvitation.objects.filter(email="nieuw@example.org").exists()
    (email,) = OutgoingEmail.objects.all()
    assert email.delivery == OutgoingEmail.Delivery.PENDING  # the sweeper tries again
