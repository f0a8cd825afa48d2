"""Retention, the daily overdue count for coordinators, and the resident's own data."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from helprequests.models import (
    AccessLog,
    HelpMessage,
    HelpRequest,
    HelpStatus,
)
from helprequests.services import (
    help_message_send,
    help_note_add,
    help_request_transition,
    help_satisfaction_give,
)
from helprequests.tasks import help_requests_overdue_digest, help_requests_retention
from mijnbuurt.accounts.services import user_delete
from mijnbuurt.schedules import BEAT_SCHEDULE
from neighbourhoods.models import TeamMembership

from .factories import DESCRIPTION, file_request

pytestmark = pytest.mark.django_db
S = HelpStatus

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY = dt.datetime(2027, 4, 26, 7, 30, tzinfo=AMSTERDAM)  # an ordinary working Monday
KONINGSDAG = dt.datetime(2027, 4, 27, 7, 30, tzinfo=AMSTERDAM)  # King's Day, a Tuesday


@pytest.fixture
def clock(monkeypatch):
    """``clock(moment)`` stops the time the code reads (``django.utils.timezone.now``)."""

    def freeze(moment: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


def _resolved(help_request, professional, *, days_ago: int):
    for status in (S.IN_TRIAGE, S.LIGHT_INTERVENTION, S.RESOLVED):
        if help_request.status == status:
            continue  # a first message already started triage
        help_request_transition(help_request=help_request, to_status=status, by=professional)
    HelpRequest.objects.filter(pk=help_request.pk).update(
        closed_at=timezone.now() - dt.timedelta(days=days_ago)
    )


def test_retention_anonymises_only_requests_closed_longer_than_the_period(
    area, resident, professional_a, settings
):
    settings.HELP_REQUEST_RETENTION_DAYS = 30
    old = file_request(resident, area["a"])
    recent = file_request(resident, area["a"])
    still_open = file_request(resident, area["a"])
    help_message_send(help_request=old, by=professional_a, body="Ik kom dinsdag langs.")
    help_note_add(help_request=old, by=professional_a, body="Huisarts ingelicht.")
    _resolved(old, professional_a, days_ago=31)
    help_satisfaction_give(help_request=old, by=resident, score=4, comment="Fijn geholpen.")
    _resolved(recent, professional_a, days_ago=29)
    HelpRequest.objects.filter(pk=still_open.pk).update(
        created_at=timezone.now() - dt.timedelta(days=400)
    )

    assert help_requests_retention.apply().get() == 1
    assert help_requests_retention.apply().get() == 0  # safe to run twice

    old.refresh_from_db()
    assert old.anonymised_at is not None
    assert old.requester is None
    assert (old.description, old.contact_name, old.contact_phone, old.contact_email) == (
        "",
        "",
        "",
        "",
    )
    assert set(HelpMessage.objects.filter(request=old).values_list("body", flat=True)) == {""}
    assert old.satisfaction.comment == ""
    assert old.satisfaction.score == 4  # figures stay for the statistics
    assert (old.kind, old.status, old.neighbourhood_id) == (
        recent.kind,
        S.RESOLVED,
        area["a"].pk,
    )
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.anonymised_at is None
        assert kept.description == DESCRIPTION


def test_overdue_requests_are_counted_daily_for_the_coordinators_only(
    area, resident, professional_a, django_capture_on_commit_callbacks, clock
):
    clock(MONDAY)  # a working day: the count goes out
    TeamMembership.objects.filter(user=professional_a).update(is_coordinator=True)
    overdue = [file_request(resident, area["a"]) for _ in range(2)]
    in_time = file_request(resident, area["a"])
    contacted = file_request(resident, area["a"])
    past = timezone.now() - dt.timedelta(hours=1)
    HelpRequest.objects.filter(pk__in=[r.pk for r in [*overdue, contacted]]).update(due_at=past)
    HelpRequest.objects.filter(pk=contacted.pk).update(first_contact_at=timezone.now())
    assert not HelpRequest.objects.get(pk=in_time.pk).is_overdue
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert help_requests_overdue_digest.apply().get() == 1

    [email] = mail.outbox
    assert email.to == [professional_a.email]
    assert "2" in email.subject
    assert DESCRIPTION not in email.subject + email.body
    assert reverse("help:queue") + "?achterstallig=true" in email.body


def test_no_overdue_count_on_a_public_holiday_the_next_working_day_has_it(
    area, resident, professional_a, django_capture_on_commit_callbacks, clock
):
    TeamMembership.objects.filter(user=professional_a).update(is_coordinator=True)
    clock(MONDAY - dt.timedelta(days=14))
    file_request(resident, area["a"])  # due long before King's Day, no contact yet
    mail.outbox.clear()

    clock(KONINGSDAG)
    with django_capture_on_commit_callbacks(execute=True):
        assert help_requests_overdue_digest.apply().get() == 0
    assert mail.outbox == []

    clock(KONINGSDAG + dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert help_requests_overdue_digest.apply().get() == 1
    [email] = mail.outbox
    assert email.to == [professional_a.email]


def test_periodic_tasks_are_scheduled():
    tasks = {entry["task"] for entry in BEAT_SCHEDULE.values()}
    assert "helprequests.tasks.help_requests_retention" in tasks
    assert "helprequests.tasks.help_requests_overdue_digest" in tasks


def test_my_data_holds_my_requests_without_team_notes_and_deletion_removes_them(
    client, covered_request, professional_a, resident
):
    help_message_send(help_request=covered_request, by=professional_a, body="Ik bel je morgen.")
    help_note_add(help_request=covered_request, by=professional_a, body="Intern: let op.")
    client.force_login(resident)
    data = client.get(reverse("accounts:export")).json()
    [exported] = data["help_requests"]
    assert exported["description"] == DESCRIPTION
    assert [m["text"] for m in exported["messages"]] == ["Ik bel je morgen."]
    assert exported["history"][0]["status"] == S.NEW

    user_delete(user=resident)
    assert not HelpRequest.objects.filter(pk=covered_request.pk).exists()
    # The audit trail keeps who opened which request number, without any content.
    assert AccessLog.objects.filter(request_number=covered_request.pk).exists()
