"""Grants from the stimuleringsbudget: request, award, decline, pay, and the budget guard.

The pages, admin, demo and query counts are in test_grant_pages.py.
"""

from decimal import Decimal

import pytest

from initiatives.models import GrantLineItem, GrantRequest, Status
from initiatives.selectors.grants import budget_line_remaining, budget_lines_with_totals
from initiatives.services import grant_award, grant_decline, grant_mark_paid
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.emails import notification_title
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory, staff_member
from tests.initiatives.factories import make_budget_line, make_grant, make_initiative
from tests.neighbourhoods.factories import BuurtFactory
from tests.races import postgres_only, run_concurrently

pytestmark = pytest.mark.django_db


# --- Requesting -------------------------------------------------------------------------


def test_organiser_requests_a_grant_with_line_items(submitted, organiser):
    grant = make_grant(submitted, organiser)

    assert grant.status == GrantRequest.Status.REQUESTED
    assert grant.amount_requested == Decimal("500.00")
    assert grant.requested_by == organiser
    assert [i.description for i in grant.items.all()] == ["Plantenbakken", "Zaden"]


@pytest.mark.parametrize("who", ["resident", "staff"])
def test_only_organisers_may_request_a_grant(who, request, submitted):
    user = request.getfixturevalue(who)
    with pytest.raises(ServiceError) as error:
        make_grant(submitted, user)
    assert error.value.code == "forbidden"
    assert not GrantRequest.objects.exists()


def test_a_draft_cannot_ask_for_money(organiser, buurt):
    draft = make_initiative(by=organiser, neighbourhood=buurt)
    with pytest.raises(ServiceError):
        make_grant(draft, organiser)
    assert not GrantRequest.objects.exists()


@pytest.mark.parametrize(
    "items",
    [
        [],
        [("Zaden", Decimal("0"))],
        [("Zaden", Decimal("-5"))],
        [("", Decimal("10"))],
        [("Zaden", Decimal("10.001"))],
        [("Alles", Decimal("30000"))],
    ],
)
def test_bad_items_are_refused_and_change_nothing(items, submitted, organiser):
    with pytest.raises(ServiceError):
        make_grant(submitted, organiser, items=items)
    assert not GrantRequest.objects.exists()
    assert not GrantLineItem.objects.exists()


# --- Deciding ---------------------------------------------------------------------------


def test_reviewer_awards_within_the_budget(submitted, organiser, staff):
    budget = make_budget_line("1000.00")
    grant = make_grant(submitted, organiser)

    grant_award(grant=grant, by=staff, budget_line=budget, amount=Decimal("450.00"))

    grant.refresh_from_db()
    assert (grant.status, grant.amount_awarded, grant.budget_line) == ("awarded", 450, budget)
    assert grant.decided_by == staff
    assert budget_line_remaining(budget) == Decimal("550.00")
    notification = Notification.objects.get(recipient=organiser, kind="initiative_grant")
    assert notification_title(notification) == (
        "Er is € 450,00 subsidie toegekend aan “Moestuin in de buurt”"
    )


def test_award_above_the_request_is_refused(submitted, organiser, staff):
    budget = make_budget_line("1000.00")
    grant = make_grant(submitted, organiser)

    with pytest.raises(ServiceError) as error:
        grant_award(grant=grant, by=staff, budget_line=budget, amount=Decimal("500.01"))

    assert error.value.code == "above_request"
    grant.refresh_from_db()
    assert grant.status == "requested"
    assert grant.amount_awarded is None


def test_award_above_what_remains_on_the_line_is_refused(submitted, organiser, staff, buurt):
    budget = make_budget_line("700.00")
    first = make_grant(submitted, organiser)
    grant_award(grant=first, by=staff, budget_line=budget, amount=Decimal("500.00"))
    other = make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED)
    second = make_grant(other, organiser)

    with pytest.raises(ServiceError) as error:
        grant_award(grant=second, by=staff, budget_line=budget, amount=Decimal("300.00"))

    assert error.value.code == "above_remaining"
    assert "200,00" in error.value.message
    second.refresh_from_db()
    assert second.status == "requested"
    assert budget_line_remaining(budget) == Decimal("200.00")


def test_paid_grants_still_count_against_the_line(submitted, organiser, staff):
    budget = make_budget_line("500.00")
    grant = make_grant(submitted, organiser)
    grant_award(grant=grant, by=staff, budget_line=budget, amount=Decimal("500.00"))
    grant_mark_paid(grant=grant, by=staff)

    totals = budget_lines_with_totals().get(pk=budget.pk)
    assert (totals.committed, totals.remaining) == (Decimal("500.00"), Decimal("0.00"))
    assert GrantRequest.objects.get().status == "paid"


def test_only_reviewers_may_award(submitted, organiser, resident):
    grant = make_grant(submitted, organiser)
    for user in (organiser, resident):
        with pytest.raises(ServiceError):
            grant_award(
                grant=grant, by=user, budget_line=make_budget_line(code=f"l{user.pk}"), amount=10
            )
    assert GrantRequest.objects.get().status == "requested"


def test_area_team_member_reviews_grants_in_their_area(submitted, organiser, team_member):
    grant = make_grant(submitted, organiser)
    grant_award(grant=grant, by=team_member, budget_line=make_budget_line(), amount=Decimal("100"))
    assert GrantRequest.objects.get().status == "awarded"


def test_only_staff_mark_as_paid(submitted, organiser, team_member, staff):
    grant = make_grant(submitted, organiser)
    grant_award(grant=grant, by=team_member, budget_line=make_budget_line(), amount=Decimal("100"))
    with pytest.raises(ServiceError):
        grant_mark_paid(grant=grant, by=team_member)
    grant_mark_paid(grant=grant, by=staff)
    assert GrantRequest.objects.get().status == "paid"


def test_decline_with_a_reason_notifies_the_organisers(submitted, organiser, staff):
    grant = make_grant(submitted, organiser)
    with pytest.raises(ServiceError):
        grant_decline(grant=grant, by=staff, reason="  ")

    grant_decline(grant=grant, by=staff, reason="Past niet in de regeling.")

    grant.refresh_from_db()
    assert (grant.status, grant.decline_reason) == ("declined", "Past niet in de regeling.")
    notification = Notification.objects.get(recipient=organiser, kind="initiative_grant")
    assert notification.context["reason"] == "Past niet in de regeling."
    assert notification_title(notification) == (
        "De subsidieaanvraag voor “Moestuin in de buurt” is afgewezen"
    )
    with pytest.raises(ServiceError):  # decided once
        grant_award(grant=grant, by=staff, budget_line=make_budget_line(), amount=Decimal("10"))


# --- Two reviewers at the same moment ---------------------------------------------------


def _award_at_once(grants, reviewers, budget) -> list[str]:
    results = run_concurrently(
        lambda job: grant_award(
            grant=job[0], by=job[1], budget_line=budget, amount=Decimal("800.00")
        ),
        zip(grants, reviewers, strict=True),
    )
    return [r.code if isinstance(r, ServiceError) else "awarded" for r in results]


def _grants_for_race(count: int):
    organiser = UserFactory()
    reviewers = [staff_member() for _ in range(count)]
    items = [("Materiaal", Decimal("800.00"))]
    grants = []
    for _ in range(count):
        initiative = make_initiative(
            by=organiser, neighbourhood=BuurtFactory(), status=Status.SUBMITTED
        )
        grants.append(make_grant(initiative, organiser, items=items))
    return grants, reviewers


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_awards_never_overcommit_a_line_on_postgresql():
    budget = make_budget_line("1000.00")
    grants, reviewers = _grants_for_race(4)

    outcomes = _award_at_once(grants, reviewers, budget)

    assert sorted(outcomes) == ["above_remaining"] * 3 + ["awarded"]
    assert GrantRequest.objects.filter(status="awarded").count() == 1
    assert budget_line_remaining(budget) == Decimal("200.00")


def test_awards_one_after_another_never_overcommit_a_line():
    """The same rule, sequentially (what SQLite can show)."""
    budget = make_budget_line("1000.00")
    grants, reviewers = _grants_for_race(3)
    outcomes = []
    for grant, reviewer in zip(grants, reviewers, strict=True):
        try:
            grant_award(grant=grant, by=reviewer, budget_line=budget, amount=Decimal("800.00"))
            outcomes.append("awarded")
        except ServiceError as error:
            outcomes.append(error.code)
    assert outcomes == ["awarded", "above_remaining", "above_remaining"]
    assert budget_line_remaining(budget) == Decimal("200.00")
