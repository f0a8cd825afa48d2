"""The team's daily work: the queue opens on open work and remembers its filters, a row
says one consistent thing, standard replies greet the resident by name, one e-mail
per message, and repeated views are one access-log entry."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from helprequests.filing import help_request_intake
from helprequests.models import (
    AccessLog,
    HelpKind,
    HelpRequest,
    HelpRequestEvent,
    HelpStatus,
    ReplyTemplate,
)
from helprequests.services import (
    help_contact_record,
    help_request_transition,
    help_request_viewed,
)
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.races import postgres_only, run_concurrently

from .factories import file_request

pytestmark = pytest.mark.django_db
S = HelpStatus


def _numbers(response) -> set[int]:
    return {r.pk for r in response.context["page"].object_list}


# --- The queue -------------------------------------------------------------------------


def test_queue_shows_open_work_and_closed_only_when_asked(client, area, resident, professional_a):
    open_one, resolved, withdrawn = (file_request(resident, area["a"]) for _ in range(3))
    help_request_transition(help_request=resolved, to_status=S.IN_TRIAGE, by=professional_a)
    help_request_transition(help_request=resolved, to_status=S.RESOLVED, by=professional_a)
    help_request_transition(help_request=withdrawn, to_status=S.WITHDRAWN, by=resident)
    client.force_login(professional_a)
    queue = reverse("help:queue")
    assert _numbers(client.get(queue)) == {open_one.pk}
    assert _numbers(client.get(queue, {"status": "closed"})) == {resolved.pk, withdrawn.pk}
    assert _numbers(client.get(queue, {"status": "all"})) == {
        open_one.pk,
        resolved.pk,
        withdrawn.pk,
    }
    assert _numbers(client.get(queue, {"status": S.WITHDRAWN})) == {withdrawn.pk}


def test_queue_remembers_chosen_filters_until_reset(client, area, resident, professional_a):
    mine, nobodys = file_request(resident, area["a"]), file_request(resident, area["a"])
    HelpRequest.objects.filter(pk=mine.pk).update(assignee=professional_a)
    client.force_login(professional_a)
    queue = reverse("help:queue")
    chosen = client.get(queue, {"status": "open", "toegewezen": "nobody", "bewaar": "1"})
    assert _numbers(chosen) == {nobodys.pk}
    # Coming back without filters: the address gets the remembered ones (shareable).
    back = client.get(queue)
    assert back.status_code == 302
    assert back["Location"] == f"{queue}?status=open&toegewezen=nobody"
    assert _numbers(client.get(back["Location"])) == {nobodys.pk}
    # A shared link shows its own filters and leaves the remembered ones alone.
    assert _numbers(client.get(queue, {"toegewezen": "me"})) == {mine.pk}
    assert client.get(queue)["Location"] == f"{queue}?status=open&toegewezen=nobody"
    # Reset: back to the defaults, nothing remembered.
    reset = client.get(queue, {"wissen": "1"})
    assert reset["Location"] == queue
    assert _numbers(client.get(queue)) == {mine.pk, nobodys.pk}


def test_filters_are_remembered_per_person(client, area, resident, professional_a, staff):
    client.force_login(professional_a)
    client.get(reverse("help:queue"), {"status": "closed", "bewaar": "1"})
    client.force_login(staff)
    assert client.get(reverse("help:queue")).status_code == 200


def test_intake_row_says_one_consistent_thing(client, area, professional_a):
    help_request = help_request_intake(
        by=professional_a,
        contact_name="Kees Voorbeeld",
        contact_phone="0592-000000",
        neighbourhood=area["a"],
        kind=HelpKind.PAPERWORK,
        description="Hulp bij huurtoeslag.",
        consent_share_anonymised=False,
    )
    help_request.refresh_from_db()
    # Talking with the person was the first contact: not "new", and it has an owner.
    assert help_request.status == S.IN_TRIAGE
    assert help_request.assignee == professional_a
    assert help_request.first_contact_at is not None
    client.force_login(professional_a)
    with translation.override("en"):  # the Dutch of new texts is merged separately
        html = client.get(reverse("help:queue")).content.decode()
    assert 'mb-badge">Being looked at<' in html
    assert "Petra" in html
    assert "made on" in html
    assert 'mb-badge">New<' not in html
    assert "not assigned yet" not in html


def test_intake_for_another_team_leaves_first_contact_to_that_team(
    area, professional_b, professional_a
):
    help_request = help_request_intake(
        by=professional_b,
        contact_name="Kees Voorbeeld",
        contact_phone="0592-000000",
        neighbourhood=area["a"],
        kind=HelpKind.PAPERWORK,
        description="Hulp bij huurtoeslag.",
        consent_share_anonymised=False,
    )
    help_request.refresh_from_db()
    assert (help_request.status, help_request.assignee, help_request.first_contact_at) == (
        S.NEW,
        None,
        None,
    )


def test_unassigned_row_says_not_assigned_yet(client, covered_request, professional_a):
    client.force_login(professional_a)
    with translation.override("en"):
        html = client.get(reverse("help:queue")).content.decode()
    assert 'mb-badge">New<' in html
    assert "not assigned yet" in html
    assert "not yet; due" in html


def test_contact_with_a_new_request_starts_triage_and_takes_it_on(covered_request, professional_a):
    help_contact_record(help_request=covered_request, by=professional_a)
    covered_request.refresh_from_db()
    assert covered_request.status == S.IN_TRIAGE
    assert covered_request.assignee == professional_a
    event = HelpRequestEvent.objects.filter(request=covered_request).latest("pk")
    assert (event.from_status, event.to_status, event.actor) == (
        S.NEW,
        S.IN_TRIAGE,
        professional_a,
    )
    # One action, one audit entry.
    assert list(AccessLog.objects.values_list("action", flat=True)) == [AccessLog.Action.CONTACT]


def test_contact_keeps_a_colleagues_assignment(covered_request, professional_a):
    colleague = UserFactory(display_name="Collega")
    colleague.team_memberships.create(team=covered_request.team)
    HelpRequest.objects.filter(pk=covered_request.pk).update(assignee=colleague)
    help_contact_record(help_request=covered_request, by=professional_a)
    covered_request.refresh_from_db()
    assert covered_request.assignee == colleague


# --- Standard replies ------------------------------------------------------------------


def _picked(client, help_request, text: str) -> str:
    template = ReplyTemplate.objects.create(title="Eerste contact", text=text)
    response = client.get(
        reverse("help:team_detail", args=[help_request.pk]), {"sjabloon": template.pk}
    )
    return response.context["message_form"].initial["body"]


def test_standard_reply_greets_the_resident_by_first_name(client, area, professional_a):
    resident = UserFactory(display_name="Anne de Boer")
    help_request = file_request(resident, area["a"])
    client.force_login(professional_a)
    assert _picked(client, help_request, "Beste [naam],\n\nIk bel je.") == (
        "Beste Anne,\n\nIk bel je."
    )
    # Replies written before the placeholder existed get the name too.
    assert _picked(client, help_request, "Beste bewoner,\n\nIk bel je.") == (
        "Beste Anne,\n\nIk bel je."
    )


def test_standard_reply_says_bewoner_when_no_name_is_known(client, area, professional_a):
    nameless = UserFactory(display_name="")
    help_request = file_request(nameless, area["a"])
    client.force_login(professional_a)
    assert _picked(client, help_request, "Beste [naam],") == "Beste bewoner,"
    assert _picked(client, help_request, "Beste bewoner,") == "Beste bewoner,"


# --- One e-mail per message ------------------------------------------------------------


def test_a_message_to_a_new_request_sends_the_resident_one_email(
    client, covered_request, professional_a, resident, django_capture_on_commit_callbacks
):
    client.force_login(professional_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("help:message", args=[covered_request.pk]), {"body": "Ik bel je."})
    covered_request.refresh_from_db()
    assert covered_request.status == S.IN_TRIAGE  # the message started triage
    assert Notification.objects.filter(recipient=resident).count() == 1
    assert [m.to for m in mail.outbox] == [[resident.email]]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("help:message", args=[covered_request.pk]), {"body": "Nog iets."})
    assert Notification.objects.filter(recipient=resident).count() == 2
    assert len(mail.outbox) == 2


# --- The access log --------------------------------------------------------------------


def test_repeated_views_are_one_access_log_entry(
    client, monkeypatch, covered_request, professional_a, resident
):
    client.force_login(professional_a)
    moment = timezone.now().replace(minute=1, second=0)
    for minutes in range(8):  # eight looks within the same ten minutes
        monkeypatch.setattr(timezone, "now", lambda m=minutes: moment + dt.timedelta(minutes=m))
        client.get(reverse("help:team_detail", args=[covered_request.pk]))
    views = AccessLog.objects.filter(action=AccessLog.Action.VIEW)
    assert views.count() == 1
    assert views.get().at == moment  # the first look
    # Actions are each logged; a look in the next period is a new entry.
    help_contact_record(help_request=covered_request, by=professional_a)
    monkeypatch.setattr(timezone, "now", lambda: moment + dt.timedelta(minutes=10))
    client.get(reverse("help:team_detail", args=[covered_request.pk]))
    assert views.count() == 2
    assert AccessLog.objects.count() == 3
    client.force_login(resident)
    html = client.get(reverse("help:detail", args=[covered_request.pk])).content.decode()
    assert html.count("Heeft de hulpvraag bekeken") == 2


def test_views_of_different_people_are_each_logged(covered_request, professional_a, staff):
    help_request_viewed(help_request=covered_request, by=professional_a)
    help_request_viewed(help_request=covered_request, by=professional_a)
    help_request_viewed(help_request=covered_request, by=staff)
    assert AccessLog.objects.filter(action=AccessLog.Action.VIEW).count() == 2


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_views_write_one_entry(area, resident, professional_a):
    help_request = file_request(resident, area["a"])
    run_concurrently(
        lambda _: help_request_viewed(help_request=help_request, by=professional_a), range(8)
    )
    assert AccessLog.objects.filter(action=AccessLog.Action.VIEW).count() == 1
