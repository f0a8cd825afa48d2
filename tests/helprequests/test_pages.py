"""Help pages as people use them: filing, the queue, the request page, the dashboard."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from helprequests.models import HelpKind, HelpMessage, HelpRequest, HelpStatus, ReplyTemplate
from helprequests.selectors import help_request_dashboard, help_request_median_first_contact
from helprequests.services import help_message_send, help_request_transition
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.conftest import geocoder_url, recording

from .factories import DESCRIPTION, file_request

pytestmark = pytest.mark.django_db

# Measured. Every page: session, user, unread-notification count; team pages also the
# MFA middleware's role and authenticator checks.
QUEUE_QUERIES = 7  # + the team ids (also the role check's), count, requests (one join)
TEAM_DETAIL_QUERIES = 14  # + request (joins), history, messages, hand-overs to volunteers,
# covering team?, access log insert, reply templates, colleagues, organisations for referral
RESIDENT_DETAIL_QUERIES = 8  # + request (joins), history, messages, access log, hand-overs


def test_resident_files_a_request_with_their_home_neighbourhood(client, area, resident):
    resident.home_neighbourhood = area["a"]
    resident.save()
    client.force_login(resident)
    form = client.get(reverse("help:create")).context["form"]
    assert form.initial["neighbourhood"] == area["a"].pk
    response = client.post(
        reverse("help:create"),
        {
            "kind": HelpKind.COMPANY,
            "description": "Ik zit veel alleen thuis.",
            "urgency": "low",
            "neighbourhood": area["a"].pk,
            "contact_way": "email",
            "contact_email": resident.email,
            "consent_share_anonymised": "True",
        },
    )
    help_request = HelpRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("help:detail", args=[help_request.pk])
    assert help_request.team.name == "Gebiedsteam A"
    assert help_request.consent_share_anonymised


def test_bad_input_shows_a_message_and_files_nothing(client, area, resident):
    client.force_login(resident)
    response = client.post(
        reverse("help:create"),
        {
            "kind": HelpKind.COMPANY,
            "description": "x",
            "urgency": "normal",
            "contact_way": "phone",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    response = client.post(
        reverse("help:create"),
        {
            "kind": HelpKind.COMPANY,
            "description": "Hulp nodig",
            "urgency": "normal",
            "neighbourhood": area["a"].pk,
            "contact_way": "phone",
            "consent_share_anonymised": "False",
        },
    )
    assert response.status_code == 200
    assert "Vul een telefoonnummer in, zodat we je kunnen bellen." in response.content.decode()
    assert not HelpRequest.objects.exists()


def test_postcode_finds_the_neighbourhood_through_the_geocoder(client, assen, resident, geocoder):
    geocoder.get(geocoder_url(), json=recording("pdok_free_found"))
    client.force_login(resident)
    client.post(
        reverse("help:create"),
        {
            "kind": HelpKind.SHOPPING,
            "description": "Boodschappen",
            "urgency": "normal",
            "postcode": "9401 GA",
            "house_number": "1",
            "contact_way": "phone",
            "contact_phone": "06-12345678",
            "consent_share_anonymised": "False",
        },
    )
    help_request = HelpRequest.objects.get()
    assert help_request.neighbourhood.level == "buurt"


def _grow(resident, area, professional, n):
    for i in range(n):
        help_request = file_request(resident, area["a"], kind=list(HelpKind)[i % 9])
        help_request_transition(help_request=help_request, to_status="in_triage", by=professional)
        help_message_send(help_request=help_request, by=professional, body=f"Bericht {i}")
        HelpMessage.objects.create(
            request=help_request, author=resident, direction="from_resident", body="Dank"
        )


@pytest.mark.parametrize("size", [2, 8])
def test_queue_query_count_is_fixed(
    client, django_assert_num_queries, area, resident, professional_a, size
):
    _grow(resident, area, professional_a, size)
    client.force_login(professional_a)
    with django_assert_num_queries(QUEUE_QUERIES):
        response = client.get(reverse("help:queue"), {"sort": "due", "status": "in_triage"})
    assert response.status_code == 200
    assert response.content.decode().count("mb-help-row") == size


@pytest.mark.parametrize("size", [1, 6])
def test_team_request_page_query_count_is_fixed(
    client, django_assert_num_queries, area, resident, professional_a, size
):
    _grow(resident, area, professional_a, 1)
    help_request = HelpRequest.objects.get()
    for i in range(size):
        help_message_send(help_request=help_request, by=professional_a, body=f"Nog {i}")
        ReplyTemplate.objects.create(title=f"Tekst {i}", text="Beste bewoner,")
    client.force_login(professional_a)
    with django_assert_num_queries(TEAM_DETAIL_QUERIES):
        response = client.get(reverse("help:team_detail", args=[help_request.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_resident_request_page_query_count_is_fixed(
    client, django_assert_num_queries, area, resident, professional_a, size
):
    _grow(resident, area, professional_a, 1)
    help_request = HelpRequest.objects.get()
    for i in range(size):
        help_message_send(help_request=help_request, by=professional_a, body=f"Nog {i}")
    client.force_login(resident)
    with django_assert_num_queries(RESIDENT_DETAIL_QUERIES):
        response = client.get(reverse("help:detail", args=[help_request.pk]))
    assert response.status_code == 200


def test_queue_filters_overdue_and_assigned_to_me(client, area, resident, professional_a):
    late, fine = file_request(resident, area["a"]), file_request(resident, area["a"])
    HelpRequest.objects.filter(pk=late.pk).update(due_at=timezone.now() - dt.timedelta(hours=2))
    HelpRequest.objects.filter(pk=fine.pk).update(assignee=professional_a)
    client.force_login(professional_a)

    def found(query):
        page = client.get(reverse("help:queue"), query).context["page"]
        return [r.pk for r in page.object_list]

    assert found({"achterstallig": "on"}) == [late.pk]
    assert found({"toegewezen": "me"}) == [fine.pk]
    assert found({"toegewezen": "nobody"}) == [late.pk]
    assert found({"status": "resolved"}) == []


def test_a_reply_template_prefills_the_message_for_editing(
    client, covered_request, professional_a
):
    ReplyTemplate.objects.create(
        title="Eerste contact", text="Beste bewoner, ik bel je binnenkort.", kind=HelpKind.SHOPPING
    )
    ReplyTemplate.objects.create(title="Andere soort", text="Niet dit", kind=HelpKind.HOUSING)
    template = ReplyTemplate.objects.get(title="Eerste contact")
    client.force_login(professional_a)
    response = client.get(
        reverse("help:team_detail", args=[covered_request.pk]), {"sjabloon": template.pk}
    )
    html = response.content.decode()
    assert "Beste Anne, ik bel je binnenkort." in html  # the resident's name filled in
    assert "Andere soort" not in html


def test_ask_for_information_is_answered_by_the_resident_on_their_page(
    client, covered_request, professional_a, resident
):
    client.force_login(professional_a)
    client.post(
        reverse("help:message", args=[covered_request.pk]),
        {"body": "Welke dagen ben je thuis?", "asks_for_information": "on"},
    )
    client.force_login(resident)
    html = client.get(reverse("help:detail", args=[covered_request.pk])).content.decode()
    assert "Welke dagen ben je thuis?" in html
    client.post(reverse("help:reply", args=[covered_request.pk]), {"body": "Maandag en woensdag"})
    assert covered_request.messages.filter(direction="from_resident").exists()


def test_dashboard_counts_and_median_time_to_first_contact(client, area, resident, professional_a):
    requests = [file_request(resident, area["a"]) for _ in range(3)]
    now = timezone.now()
    for hours, help_request in zip([2, 4, 9], requests, strict=True):
        HelpRequest.objects.filter(pk=help_request.pk).update(
            created_at=now - dt.timedelta(hours=hours), first_contact_at=now
        )
    assert help_request_median_first_contact(HelpRequest.objects.all()) == dt.timedelta(hours=4)
    data = help_request_dashboard(user=professional_a, team_ids=[requests[0].team_id], now=now)
    assert data["by_status"] == {HelpStatus.NEW: 3}
    assert data["by_kind"] == {HelpKind.SHOPPING: 3}
    client.force_login(professional_a)
    response = client.get(reverse("help:dashboard"))
    assert response.status_code == 200
    assert DESCRIPTION not in response.content.decode()


def test_intake_page_files_for_someone_without_an_account(client, area, professional_a):
    client.force_login(professional_a)
    response = client.post(
        reverse("help:intake"),
        {
            "contact_name": "Truus Voorbeeld (fictief)",
            "kind": HelpKind.PAPERWORK,
            "description": "Brieven van de gemeente",
            "urgency": "normal",
            "neighbourhood": area["a"].pk,
            "contact_way": "phone",
            "contact_phone": "0592-000000",
            "consent_share_anonymised": "False",
            "consent_confirmed": "on",
        },
    )
    help_request = HelpRequest.objects.get()
    assert response["Location"] == reverse("help:team_detail", args=[help_request.pk])
    assert help_request.requester is None
    assert help_request.contact_name == "Truus Voorbeeld (fictief)"


def test_intake_needs_the_residents_consent(client, area, professional_a):
    client.force_login(professional_a)
    client.post(
        reverse("help:intake"),
        {
            "contact_name": "Truus",
            "kind": HelpKind.PAPERWORK,
            "description": "Brieven",
            "urgency": "normal",
            "neighbourhood": area["a"].pk,
            "contact_way": "phone",
            "contact_phone": "0592-000000",
            "consent_share_anonymised": "False",
        },
    )
    assert not HelpRequest.objects.exists()


def test_other_residents_do_not_see_anything_of_my_list(client, area, resident):
    file_request(resident, area["a"])
    client.force_login(UserFactory())
    assert DESCRIPTION not in client.get(reverse("help:mine")).content.decode()
