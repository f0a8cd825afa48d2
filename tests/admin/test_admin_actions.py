"""Admin actions go through the services: what succeeds is counted, what the rules refuse
is reported with the reason, and nothing is changed for it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.messages import ERROR, SUCCESS, WARNING

from helprequests.models import AccessLog, HelpStatus
from helprequests.services import help_request_transition
from initiatives.models import GrantRequest, Status
from initiatives.selectors.grants import budget_line_remaining
from mijnbuurt.notifications.models import Notification
from neighbourhoods.models import AreaTeam
from tests.initiatives.factories import make_budget_line, make_grant, make_initiative
from venues.models import BookingEvent
from venues.services import booking_cancel

pytestmark = pytest.mark.django_db

GRANTS = "/admin/initiatives/grantrequest/"
BOOKINGS = "/admin/venues/booking/"
HELP_REQUESTS = "/admin/helprequests/helprequest/"


def run_action(client, url, action, objects, **data):
    """Post the changelist's action form, as the "Go" button does."""
    payload = {"action": action, "_selected_action": [o.pk for o in objects], "index": 0}
    payload.update(data)
    return client.post(url, payload)


def confirm(client, url, action, objects, **data):
    """Post the action's intermediate page, as its confirm button does."""
    payload = {"action": action, "_selected_action": [o.pk for o in objects], "apply": "yes"}
    payload.update(data)
    return client.post(url, payload, follow=True)


def levels_and_texts(response) -> list[tuple[int, str]]:
    return [(m.level, m.message) for m in response.context["messages"]]


@pytest.fixture
def grant(organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    return make_grant(initiative, organiser)  # 500.00 requested


# --- Initiatives ------------------------------------------------------------------------------


def test_approve_initiative_action_still_publishes_and_reports_refusals(
    staff_client, organiser, buurt
):
    submitted = make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED)
    draft = make_initiative(by=organiser, neighbourhood=buurt, title="Concept")

    response = run_action(
        staff_client, "/admin/initiatives/initiative/", "approve", [submitted, draft]
    )
    response = staff_client.get(response["Location"])

    submitted.refresh_from_db()
    draft.refresh_from_db()
    assert (submitted.status, draft.status) == (Status.PUBLISHED, Status.DRAFT)
    messages = levels_and_texts(response)
    assert (WARNING, "Goedgekeurde initiatieven: 1.") in messages
    assert [level for level, text in messages if text.startswith("Concept: ")] == [ERROR]


# --- Grants -----------------------------------------------------------------------------------


def test_award_action_asks_for_line_and_amount_with_the_request_filled_in(staff_client, grant):
    line = make_budget_line()
    make_budget_line(code="vorig-jaar", year=line.year - 1)

    response = run_action(staff_client, GRANTS, "award", [grant])

    assert response.status_code == 200
    assert response.templates[0].name == "admin/actions/grant_award.html"
    [form] = response.context["forms"]
    assert form["amount"].value() == Decimal("500.00")
    assert list(form.fields["budget_line"].queryset) == [line]  # only the grant's year
    grant.refresh_from_db()
    assert grant.status == GrantRequest.Status.REQUESTED


def test_award_action_awards_through_the_service(staff_client, staff, grant, organiser):
    line = make_budget_line(amount="1000.00")
    prefix = f"grant-{grant.pk}"

    response = confirm(
        staff_client,
        GRANTS,
        "award",
        [grant],
        **{f"{prefix}-budget_line": line.pk, f"{prefix}-amount": "450,00"},
    )

    grant.refresh_from_db()
    assert (grant.status, grant.amount_awarded) == (GrantRequest.Status.AWARDED, Decimal("450"))
    assert (grant.budget_line, grant.decided_by) == (line, staff)
    assert budget_line_remaining(line) == Decimal("550.00")
    assert Notification.objects.filter(recipient=organiser).exists()
    assert (SUCCESS, "Toegekende subsidies: 1.") in levels_and_texts(response)


def test_award_above_what_the_line_has_left_is_refused_and_changes_nothing(staff_client, grant):
    line = make_budget_line(amount="300.00")
    prefix = f"grant-{grant.pk}"

    response = confirm(
        staff_client,
        GRANTS,
        "award",
        [grant],
        **{f"{prefix}-budget_line": line.pk, f"{prefix}-amount": "500"},
    )

    grant.refresh_from_db()
    assert (grant.status, grant.amount_awarded, grant.budget_line) == ("requested", None, None)
    assert budget_line_remaining(line) == Decimal("300.00")
    messages = levels_and_texts(response)
    assert (WARNING, "Toegekende subsidies: 0.") in messages
    [(_level, text)] = [m for m in messages if m[0] == ERROR]
    assert "€ 300,00" in text
    assert text.startswith(str(grant))


def test_award_with_a_bad_amount_shows_the_page_again_and_changes_nothing(staff_client, grant):
    line = make_budget_line()
    prefix = f"grant-{grant.pk}"

    response = staff_client.post(
        GRANTS,
        {
            "action": "award",
            "_selected_action": [grant.pk],
            "apply": "yes",
            f"{prefix}-budget_line": line.pk,
            f"{prefix}-amount": "0",
        },
    )

    assert response.status_code == 200
    assert response.context["forms"][0].errors["amount"]
    grant.refresh_from_db()
    assert grant.status == GrantRequest.Status.REQUESTED


def test_award_skips_grants_already_decided_and_says_why(staff_client, grant, staff):
    from initiatives.services import grant_decline

    grant_decline(grant=grant, by=staff, reason="Past niet binnen de regeling.")

    response = run_action(staff_client, GRANTS, "award", [grant])
    response = staff_client.get(response["Location"])

    grant.refresh_from_db()
    assert grant.status == GrantRequest.Status.DECLINED
    messages = levels_and_texts(response)
    assert (WARNING, "Toegekende subsidies: 0.") in messages
    assert (ERROR, f"{grant}: Over deze subsidieaanvraag is al besloten.") in messages


# --- Bookings ---------------------------------------------------------------------------------


def test_approve_booking_action_approves_pending_and_refuses_the_rest(
    staff_client, staff, book, resident
):
    [pending] = book()
    [cancelled] = book(start_time=dt.time(9), end_time=dt.time(10))
    booking_cancel(booking=cancelled, actor=resident)

    response = run_action(staff_client, BOOKINGS, "approve", [pending, cancelled])
    response = staff_client.get(response["Location"])

    pending.refresh_from_db()
    cancelled.refresh_from_db()
    assert (pending.status, cancelled.status) == ("approved", "cancelled")
    assert BookingEvent.objects.filter(booking=pending, actor=staff, to_status="approved")
    assert not BookingEvent.objects.filter(booking=cancelled, to_status="approved")
    messages = levels_and_texts(response)
    assert (WARNING, "Goedgekeurde boekingen: 1.") in messages
    assert [level for level, text in messages if text.startswith(f"#{cancelled.pk} ")] == [ERROR]


# --- Help requests ----------------------------------------------------------------------------


def test_assign_team_action_asks_for_the_team_and_shows_no_content(staff_client, covered_request):
    response = run_action(staff_client, HELP_REQUESTS, "assign_team", [covered_request])

    assert response.status_code == 200
    html = response.content.decode()
    assert "Gebiedsteam B" in html
    assert covered_request.description not in html
    assert "12345678" not in html  # the phone number, however it is written
    covered_request.refresh_from_db()
    assert covered_request.team.name == "Gebiedsteam A"


def test_assign_team_action_moves_open_requests_and_refuses_closed_ones(
    staff_client, staff, area, resident, professional_b
):
    from tests.helprequests.factories import file_request

    open_request = file_request(resident, area["a"])
    closed = file_request(resident, area["a"], kind="company")
    help_request_transition(help_request=closed, to_status=HelpStatus.WITHDRAWN, by=resident)
    team_b = AreaTeam.objects.get(name="Gebiedsteam B")

    response = confirm(
        staff_client, HELP_REQUESTS, "assign_team", [open_request, closed], team=team_b.pk
    )

    open_request.refresh_from_db()
    closed.refresh_from_db()
    assert open_request.team == team_b
    assert open_request.assignee is None
    assert closed.team.name == "Gebiedsteam A"
    assert AccessLog.objects.filter(
        request_number=open_request.pk, user=staff, action=AccessLog.Action.ASSIGN
    ).exists()
    assert Notification.objects.filter(recipient=professional_b).exists()
    messages = levels_and_texts(response)
    assert (WARNING, "Hulpvragen verplaatst naar Gebiedsteam B: 1.") in messages
    assert (ERROR, f"{closed}: Deze hulpvraag is gesloten.") in messages
    html = response.content.decode()
    assert open_request.description not in html


def test_help_requests_in_the_admin_show_no_content_or_contact(staff_client, covered_request):
    for url in (HELP_REQUESTS, f"{HELP_REQUESTS}{covered_request.pk}/change/"):
        html = staff_client.get(url).content.decode()
        assert covered_request.description not in html
        assert "12345678" not in html  # the phone number, however it is written
        assert "anne@example.org" not in html  # the requester
