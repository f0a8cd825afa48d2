"""Opening a round commits its amount on the budget line in the same transaction; a
round above what the line has left is refused with the line's message and changes
nothing; the phase follows the dates."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from buurtbudget.models import Phase, Round
from buurtbudget.services import round_create, round_update
from initiatives.models import BudgetAllocation
from mijnbuurt.core.exceptions import ServiceError
from tests.initiatives.factories import make_budget_line

from .factories import PHASE_DAYS, RoundFactory, phase_dates

pytestmark = pytest.mark.django_db


def _data(places, line, **changes):
    return {
        "name": "Buurtbudget Noord",
        "description": "",
        "wijken": [places["noord"]],
        "amount": Decimal("600.00"),
        "budget_line": line,
        **phase_dates("proposals"),
        "minimum_age": 16,
        "rule": Round.Rule.KNAPSACK,
        "max_choices": None,
        "min_choices": None,
    } | changes


def test_opening_a_round_commits_its_amount_on_the_line(staff, places):
    line = make_budget_line(amount="1000.00")
    budget_round = round_create(by=staff, **_data(places, line))
    allocation = budget_round.allocation
    assert allocation.budget_line == line
    assert allocation.amount == Decimal("600.00")
    assert allocation.kind == BudgetAllocation.Kind.COMMITMENT
    assert list(budget_round.wijken.all()) == [places["noord"]]
    assert budget_round.phase == Phase.PROPOSALS


def test_a_round_above_what_the_line_has_left_is_refused_and_nothing_changes(staff, places):
    line = make_budget_line(amount="1000.00")
    round_create(by=staff, **_data(places, line))
    with pytest.raises(ServiceError) as refused:
        round_create(by=staff, **_data(places, line, name="Tweede ronde"))
    assert refused.value.code == "above_remaining"
    assert "400,00" in refused.value.message
    assert Round.objects.count() == 1
    assert BudgetAllocation.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name": "  "}, "name"),
        ({"wijken": []}, "wijken"),
        ({"amount": "0"}, "not_positive"),
        ({"amount": "veel"}, "bad_amount"),
        ({"rule": "loting"}, "rule"),
        ({"rule": "approval"}, "max_choices"),
        ({"rule": "approval", "max_choices": 2, "min_choices": 3}, "min_choices"),
        ({"voting_from": None}, "dates"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(staff, places, changes, code):
    line = make_budget_line(amount="1000.00")
    with pytest.raises(ServiceError) as refused:
        round_create(by=staff, **_data(places, line, **changes))
    assert refused.value.code == code
    assert refused.value.message
    assert not Round.objects.exists()
    assert not BudgetAllocation.objects.exists()


def test_phases_out_of_order_are_refused(staff, places):
    line = make_budget_line()
    dates = phase_dates("proposals")
    with pytest.raises(ServiceError) as refused:
        round_create(by=staff, **_data(places, line, voting_from=dates["proposals_until"]))
    assert refused.value.code == "dates"


def test_a_buurt_is_no_wijk_of_a_round(staff, places):
    with pytest.raises(ServiceError) as refused:
        round_create(by=staff, **_data(places, make_budget_line(), wijken=[places["pittelo"]]))
    assert refused.value.code == "wijken"


def test_only_staff_open_rounds(resident, places):
    with pytest.raises(ServiceError) as refused:
        round_create(by=resident, **_data(places, make_budget_line()))
    assert refused.value.code == "forbidden"
    assert not Round.objects.exists()


def test_updating_changes_dates_but_not_the_amount(staff, places):
    budget_round = round_create(by=staff, **_data(places, make_budget_line()))
    later = budget_round.results_on + dt.timedelta(days=3)
    round_update(round=budget_round, by=staff, results_on=later, amount=Decimal("1"))
    budget_round.refresh_from_db()
    assert budget_round.results_on == later
    assert budget_round.amount == Decimal("600.00")
    with pytest.raises(ServiceError):
        round_update(round=budget_round, by=staff, results_on=budget_round.voting_until)


@pytest.mark.parametrize("phase", list(PHASE_DAYS))
def test_the_phase_follows_the_dates(phase):
    assert RoundFactory(phase=phase).phase == phase


def test_phase_boundaries_are_inclusive(places):
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    budget_round = RoundFactory(
        proposals_from=today - 3 * day,
        proposals_until=today - day,
        voting_from=today,
        voting_until=today,
        results_on=today + day,
    )
    assert budget_round.phase == Phase.VOTING


def test_once_voting_started_its_rules_do_not_change(staff, places):
    budget_round = RoundFactory(phase="voting", wijken=[places["noord"]])
    with pytest.raises(ServiceError) as refused:
        round_update(round=budget_round, by=staff, rule="approval", max_choices=3)
    assert refused.value.code == "voting"
    budget_round.refresh_from_db()
    assert budget_round.rule == "knapsack"
    later = budget_round.voting_until + dt.timedelta(days=1)
    round_update(round=budget_round, by=staff, voting_until=later)  # more time is fine
    budget_round.refresh_from_db()
    assert budget_round.voting_until == later
