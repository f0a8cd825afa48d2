"""Help requests: routing, the lifecycle table, service levels, messages and e-mail."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from helprequests.filing import help_request_intake
from helprequests.lifecycle import RESIDENT, TEAM, TRANSITIONS, transitions_from
from helprequests.models import AccessLog, HelpKind, HelpRequest, HelpStatus
from helprequests.services import (
    help_message_send,
    help_note_add,
    help_reply_send,
    help_request_assign,
    help_request_delete,
    help_request_transition,
    help_satisfaction_give,
)
from helprequests.workdays import add_working_days, first_contact_due
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.emails import notification_title
from mijnbuurt.notifications.models import Notification
from tests.neighbourhoods.factories import OrganisationFactory

from .factories import DESCRIPTION, file_request

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
S = HelpStatus


def test_request_goes_to_the_team_covering_its_wijk_or_to_the_fallback_queue(
    covered_request, fallback_request
):
    assert covered_request.team.name == "Gebiedsteam A"
    assert fallback_request.team is None
    assert covered_request.events.get().to_status == S.NEW


def test_filing_needs_a_description_and_the_chosen_way_of_contact(area, resident):
    with pytest.raises(ServiceError):
        file_request(resident, area["a"], description="   ")
    with pytest.raises(ServiceError):
        file_request(resident, area["a"], contact_way="phone", contact_phone="")
    with pytest.raises(ServiceError):
        file_request(resident, area["a"], contact_way="visit", contact_address="")
    assert not HelpRequest.objects.exists()


@pytest.mark.parametrize(
    ("filed", "days", "due"),
    [
        (dt.datetime(2026, 11, 23, 10, 0), 1, dt.datetime(2026, 11, 24, 10, 0)),  # Mon -> Tue
        (dt.datetime(2026, 11, 27, 15, 0), 1, dt.datetime(2026, 11, 30, 15, 0)),  # Fri -> Mon
        (dt.datetime(2026, 11, 26, 9, 30), 5, dt.datetime(2026, 12, 3, 9, 30)),  # Thu -> Thu
        (dt.datetime(2026, 11, 28, 22, 0), 1, dt.datetime(2026, 12, 1, 9, 0)),  # Sat -> Tue 9:00
        (dt.datetime(2026, 10, 23, 12, 0), 2, dt.datetime(2026, 10, 27, 12, 0)),  # over DST end
        # Dutch public holidays are no working days.
        (dt.datetime(2026, 4, 24, 10, 0), 1, dt.datetime(2026, 4, 28, 10, 0)),  # Koningsdag
        (dt.datetime(2026, 4, 27, 11, 0), 1, dt.datetime(2026, 4, 29, 9, 0)),  # filed on it
        (dt.datetime(2026, 12, 24, 10, 0), 1, dt.datetime(2026, 12, 28, 10, 0)),  # Christmas
        (dt.datetime(2026, 5, 13, 10, 0), 1, dt.datetime(2026, 5, 15, 10, 0)),  # Ascension
        (dt.datetime(2025, 5, 2, 10, 0), 1, dt.datetime(2025, 5, 6, 10, 0)),  # Liberation Day 2025
    ],
)
def test_first_contact_is_due_after_working_days(filed, days, due):
    assert add_working_days(filed.replace(tzinfo=AMS), days) == due.replace(tzinfo=AMS)


def test_service_level_per_urgency_comes_from_settings(settings):
    settings.HELP_REQUEST_FIRST_CONTACT_WORKING_DAYS = {"urgent": 0, "low": 10}
    monday = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMS)
    assert first_contact_due(urgency="urgent", filed_at=monday) == monday
    assert first_contact_due(urgency="low", filed_at=monday) == monday + dt.timedelta(days=14)


def test_a_new_request_gets_its_due_date_from_its_urgency(area, resident, settings):
    settings.HELP_REQUEST_FIRST_CONTACT_WORKING_DAYS = {"urgent": 1, "low": 10}
    urgent = file_request(resident, area["a"], urgency="urgent")
    low = file_request(resident, area["a"], urgency="low")
    assert urgent.due_at < low.due_at
    assert urgent.due_at == first_contact_due(urgency="urgent", filed_at=urgent.created_at)


def test_transition_table_gives_the_resident_only_withdraw_and_reopen():
    resident_moves = {t.to_status for t in TRANSITIONS.values() if RESIDENT in t.who}
    assert resident_moves == {S.WITHDRAWN, S.IN_TRIAGE}
    assert [t.to_status for t in transitions_from(S.RESOLVED, roles={RESIDENT})] == [S.IN_TRIAGE]
    assert transitions_from(S.WITHDRAWN, roles={TEAM, RESIDENT}) == []


def test_team_moves_a_request_through_triage_and_the_resident_sees_plain_history(
    client, covered_request, professional_a, resident
):
    organisation = OrganisationFactory(name="Schuldhulp Assen")
    help_request_transition(help_request=covered_request, to_status=S.IN_TRIAGE, by=professional_a)
    help_request_transition(
        help_request=covered_request,
        to_status=S.REFERRED,
        by=professional_a,
        note="We hebben je aangemeld bij de schuldhulp.",
        organisation=organisation,
    )
    covered_request.refresh_from_db()
    assert covered_request.status == S.REFERRED
    assert covered_request.referred_to == organisation
    assert [e.to_status for e in covered_request.events.all()] == [S.NEW, S.IN_TRIAGE, S.REFERRED]
    client.force_login(resident)
    html = client.get(reverse("help:detail", args=[covered_request.pk])).content.decode()
    assert "We hebben je aangemeld bij de schuldhulp." in html
    assert "Schuldhulp Assen" in html


def test_disallowed_moves_and_wrong_people_change_nothing(
    covered_request, professional_a, professional_b, resident
):
    with pytest.raises(ServiceError):  # not in the table
        help_request_transition(
            help_request=covered_request, to_status=S.RESOLVED, by=professional_a
        )
    with pytest.raises(ServiceError):  # another team
        help_request_transition(
            help_request=covered_request, to_status=S.IN_TRIAGE, by=professional_b
        )
    with pytest.raises(ServiceError):  # the resident may not triage
        help_request_transition(help_request=covered_request, to_status=S.IN_TRIAGE, by=resident)
    with pytest.raises(ServiceError):  # closing needs a note for the resident
        help_request_transition(
            help_request=covered_request, to_status=S.CLOSED_NOT_NEEDED, by=professional_a
        )
    covered_request.refresh_from_db()
    assert covered_request.status == S.NEW
    assert covered_request.events.count() == 1


def test_referral_needs_an_approved_organisation(covered_request, professional_a):
    help_request_transition(help_request=covered_request, to_status=S.IN_TRIAGE, by=professional_a)
    unapproved = OrganisationFactory(is_approved=False)
    for organisation in (None, unapproved):
        with pytest.raises(ServiceError):
            help_request_transition(
                help_request=covered_request,
                to_status=S.REFERRED,
                by=professional_a,
                organisation=organisation,
            )


def test_only_suitable_kinds_with_consent_can_go_to_a_volunteer(area, resident, professional_a):
    health = file_request(resident, area["a"], kind=HelpKind.HEALTH)
    no_consent = file_request(resident, area["a"], consent_share_anonymised=False)
    suitable = file_request(resident, area["a"])
    for request in (health, no_consent, suitable):
        help_request_transition(help_request=request, to_status=S.IN_TRIAGE, by=professional_a)
    for request in (health, no_consent):
        with pytest.raises(ServiceError):
            help_request_transition(
                help_request=request, to_status=S.HANDED_TO_VOLUNTEER, by=professional_a
            )
    help_request_transition(
        help_request=suitable, to_status=S.HANDED_TO_VOLUNTEER, by=professional_a
    )
    assert HelpRequest.objects.get(pk=suitable.pk).status == S.HANDED_TO_VOLUNTEER


def _resolve(help_request, by):
    help_request_transition(help_request=help_request, to_status=S.IN_TRIAGE, by=by)
    help_request_transition(help_request=help_request, to_status=S.LIGHT_INTERVENTION, by=by)
    help_request_transition(help_request=help_request, to_status=S.RESOLVED, by=by)


def test_resident_rates_and_may_reopen_within_the_period_only(
    covered_request, professional_a, resident, settings
):
    settings.HELP_REQUEST_REOPEN_DAYS = 14
    _resolve(covered_request, professional_a)
    help_satisfaction_give(help_request=covered_request, by=resident, score=5, comment="Top")
    with pytest.raises(ServiceError):
        help_satisfaction_give(help_request=covered_request, by=resident, score=1)
    HelpRequest.objects.filter(pk=covered_request.pk).update(
        closed_at=timezone.now() - dt.timedelta(days=15)
    )
    with pytest.raises(ServiceError):
        help_request_transition(help_request=covered_request, to_status=S.IN_TRIAGE, by=resident)
    HelpRequest.objects.filter(pk=covered_request.pk).update(
        closed_at=timezone.now() - dt.timedelta(days=13)
    )
    help_request_transition(help_request=covered_request, to_status=S.IN_TRIAGE, by=resident)
    covered_request.refresh_from_db()
    assert covered_request.status == S.IN_TRIAGE
    assert covered_request.closed_at is None


def test_a_request_is_deleted_only_once_closed(covered_request, resident):
    with pytest.raises(ServiceError):
        help_request_delete(help_request=covered_request, by=resident)
    help_request_transition(help_request=covered_request, to_status=S.WITHDRAWN, by=resident)
    help_request_delete(help_request=covered_request, by=resident)
    assert not HelpRequest.objects.filter(pk=covered_request.pk).exists()


def test_assign_only_to_a_member_of_the_covering_team(
    covered_request, professional_a, professional_b
):
    with pytest.raises(ServiceError):
        help_request_assign(
            help_request=covered_request, by=professional_a, assignee=professional_b
        )
    help_request_assign(help_request=covered_request, by=professional_a, assignee=professional_a)
    assert HelpRequest.objects.get(pk=covered_request.pk).assignee == professional_a


def test_first_message_counts_as_first_contact(covered_request, professional_a):
    assert covered_request.first_contact_at is None
    message = help_message_send(
        help_request=covered_request, by=professional_a, body="Ik bel je morgen om 10 uur."
    )
    covered_request.refresh_from_db()
    assert covered_request.first_contact_at == message.created_at
    assert list(AccessLog.objects.values_list("action", flat=True)) == [AccessLog.Action.MESSAGE]


def test_messages_and_notes_notify_without_any_content(
    covered_request, professional_a, resident, django_capture_on_commit_callbacks
):
    secret = "Je schuld bij de woningcorporatie is 1200 euro."
    with django_capture_on_commit_callbacks(execute=True):
        help_message_send(
            help_request=covered_request,
            by=professional_a,
            body=secret,
            asks_for_information=True,
        )
        help_note_add(help_request=covered_request, by=professional_a, body="Intern: " + secret)
    [email] = mail.outbox
    assert email.to == [resident.email]
    assert email.subject.endswith(gettext("You have a new message about your request"))
    assert email.subject == "[Mijn buurt Assen] Je hebt een nieuw bericht over je hulpvraag"
    text = email.subject + email.body + email.alternatives[0][0]
    for leak in (secret, DESCRIPTION, str(HelpKind.SHOPPING.label), "boodschappen"):
        assert leak not in text
    assert reverse("help:detail", args=[covered_request.pk]) in email.body
    for notification in Notification.objects.all():
        title = notification_title(notification)
        assert secret not in title
        assert DESCRIPTION not in title
        assert notification.context == {}


def test_new_request_and_reply_tell_the_team_without_content(
    area, resident, professional_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        help_request = file_request(resident, area["a"])
        help_reply_send(help_request=help_request, by=resident, body="Graag op dinsdag.")
    assert [m.to for m in mail.outbox] == [[professional_a.email]] * 2
    for email in mail.outbox:
        assert email.subject.endswith(gettext("There is news about a help request of your team"))
        assert DESCRIPTION not in email.body
        assert "dinsdag" not in email.body


def test_intake_for_someone_without_an_account_records_contact_and_consent(
    area, professional_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        help_request = help_request_intake(
            by=professional_a,
            contact_name="Kees de Vries (fictief)",
            contact_phone="0592-123456",
            neighbourhood=area["a"],
            kind=HelpKind.PAPERWORK,
            description="Kan de brieven van de belasting niet lezen.",
            consent_share_anonymised=False,
        )
    assert help_request.requester is None
    assert help_request.filed_by == professional_a
    assert help_request.first_contact_at is not None
    assert AccessLog.objects.get().action == AccessLog.Action.INTAKE
    with pytest.raises(ServiceError):  # no account: no messages
        help_message_send(help_request=help_request, by=professional_a, body="Hallo")
    assert mail.outbox == []  # the only team member filed it


def test_intake_is_for_professionals_only(area, resident):
    with pytest.raises(ServiceError):
        help_request_intake(
            by=resident,
            contact_name="X",
            contact_phone="1",
            neighbourhood=area["a"],
            kind=HelpKind.OTHER,
            description="Y",
        )
