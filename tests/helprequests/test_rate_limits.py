"""Help requests are rate limited: messages both ways and new requests."""

import pytest
from django.urls import reverse

from helprequests.models import HelpKind, HelpMessage, HelpRequest
from tests.accounts.factories import UserFactory
from tests.rate_limits import assert_limited, set_limit

from .factories import file_request

pytestmark = pytest.mark.django_db


def _post(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


def test_resident_over_the_message_limit_gets_429_and_the_team_hears_nothing_more(
    client, settings, covered_request, resident, mailoutbox, django_capture_on_commit_callbacks
):
    set_limit(settings, "messages", "2/m/user")
    client.force_login(resident)
    url = reverse("help:reply", args=[covered_request.pk])
    capture = django_capture_on_commit_callbacks
    for n in range(2):
        assert _post(client, url, {"body": f"Bericht {n}"}, capture).status_code == 302
    mails = len(mailoutbox)
    assert mails >= 2  # each message reached the professional

    response = _post(client, url, {"body": "Bericht 3"}, capture)

    assert_limited(response)
    assert list(
        covered_request.messages.filter(direction=HelpMessage.Direction.FROM_RESIDENT)
        .order_by("pk")
        .values_list("body", flat=True)
    ) == ["Bericht 0", "Bericht 1"]
    assert len(mailoutbox) == mails


def test_another_resident_is_not_held_back_by_someone_elses_limit(
    client, settings, area, covered_request, resident
):
    set_limit(settings, "messages", "1/m/user")
    client.force_login(resident)
    client.post(reverse("help:reply", args=[covered_request.pk]), {"body": "Eerste"})
    assert (
        client.post(
            reverse("help:reply", args=[covered_request.pk]), {"body": "Tweede"}
        ).status_code
        == 429
    )

    neighbour = UserFactory(email="buurvrouw@example.org")
    their_request = file_request(neighbour, area["a"])
    client.force_login(neighbour)
    response = client.post(reverse("help:reply", args=[their_request.pk]), {"body": "Hallo"})

    assert response.status_code == 302
    assert their_request.messages.filter(body="Hallo").exists()


def test_team_messages_to_the_resident_are_limited_per_professional(
    client,
    settings,
    covered_request,
    professional_a,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    set_limit(settings, "messages", "2/m/user")
    client.force_login(professional_a)
    url = reverse("help:message", args=[covered_request.pk])
    capture = django_capture_on_commit_callbacks
    for n in range(2):
        assert _post(client, url, {"body": f"Vraag {n}"}, capture).status_code == 302
    mails = len(mailoutbox)
    assert mails >= 2  # each message reached the resident

    response = _post(client, url, {"body": "Vraag 3"}, capture)

    assert_limited(response)
    assert not covered_request.messages.filter(body="Vraag 3").exists()
    assert len(mailoutbox) == mails


def test_new_help_requests_are_limited_and_showing_the_form_does_not_count(
    client, settings, area, resident
):
    set_limit(settings, "help_requests", "1/h/user")
    client.force_login(resident)
    url = reverse("help:create")
    data = {
        "kind": HelpKind.COMPANY,
        "description": "Ik zit veel alleen thuis.",
        "urgency": "low",
        "neighbourhood": area["a"].pk,
        "contact_way": "phone",
        "contact_phone": "06-12345678",
        "consent_share_anonymised": "True",
    }
    for _view in range(3):
        assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 302

    response = client.post(url, {**data, "description": "Nog een hulpvraag."})

    assert_limited(response)
    assert HelpRequest.objects.count() == 1
