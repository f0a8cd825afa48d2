"""Allocations staff enter against a budget line, and the guard they share with awards:
grants awarded or paid plus allocations never exceed a line's amount."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from initiatives.models import BudgetAllocation, GrantRequest, Status
from initiatives.selectors.grants import budget_line_remaining, budget_lines_with_totals
from initiatives.services import grant_award
from initiatives.services.grants import budget_allocation_create
from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory, staff_member
from tests.initiatives.factories import make_budget_line, make_grant, make_initiative
from tests.neighbourhoods.factories import BuurtFactory
from tests.races import postgres_only, run_concurrently

pytestmark = pytest.mark.django_db

COMMITMENT = BudgetAllocation.Kind.COMMITMENT
EXPENSE = BudgetAllocation.Kind.EXPENSE


def allocate(line, by, amount, kind=COMMITMENT, **extra):
    values = {
        "description": "Jaarsubsidie 2026",
        "recipient": "Wijkvereniging Pittelo",
        "date": dt.date(line.year, 3, 1),
        **extra,
    }
    return budget_allocation_create(budget_line=line, by=by, amount=amount, kind=kind, **values)


def test_staff_enter_an_allocation_and_it_counts_as_committed(staff):
    line = make_budget_line("1000.00")

    allocation = allocate(line, staff, "250,50", kind=EXPENSE)

    assert (allocation.amount, allocation.kind, allocation.created_by) == (
        Decimal("250.50"),
        "expense",
        staff,
    )
    totals = budget_lines_with_totals().get(pk=line.pk)
    assert (totals.committed, totals.remaining) == (Decimal("250.50"), Decimal("749.50"))


@pytest.mark.parametrize(
    ("amount", "extra", "code"),
    [
        ("0", {}, "not_positive"),
        ("-5", {}, "not_positive"),
        ("12,345", {}, "bad_amount"),
        ("veel", {}, "bad_amount"),
        ("10", {"recipient": "  "}, "no_description"),
        ("10", {"date": dt.date(2001, 1, 1)}, "bad_date"),
        ("1000.01", {}, "above_remaining"),
    ],
)
def test_bad_allocations_are_refused_and_change_nothing(staff, amount, extra, code):
    line = make_budget_line("1000.00")
    with pytest.raises(ServiceError) as error:
        allocate(line, staff, amount, **extra)
    assert error.value.code == code
    assert not BudgetAllocation.objects.exists()


def test_only_staff_enter_allocations(resident, staff):
    line = make_budget_line("1000.00")
    with pytest.raises(ServiceError) as error:
        allocate(line, resident, "10")
    assert error.value.code == "forbidden"
    allocate(line, staff, "10")
    assert BudgetAllocation.objects.count() == 1


def test_an_award_cannot_use_money_already_allocated(submitted, organiser, staff):
    line = make_budget_line("1000.00")
    allocate(line, staff, "600.00")
    grant = make_grant(submitted, organiser)  # asks 500

    with pytest.raises(ServiceError) as error:
        grant_award(grant=grant, by=staff, budget_line=line, amount=Decimal("500.00"))

    assert error.value.code == "above_remaining"
    assert "400,00" in error.value.message
    grant_award(grant=grant, by=staff, budget_line=line, amount=Decimal("400.00"))
    assert budget_line_remaining(line) == Decimal("0.00")


def test_an_allocation_cannot_use_money_already_awarded(submitted, organiser, staff):
    line = make_budget_line("1000.00")
    grant_award(
        grant=make_grant(submitted, organiser), by=staff, budget_line=line, amount="500.00"
    )

    with pytest.raises(ServiceError) as error:
        allocate(line, staff, "500.01")

    assert error.value.code == "above_remaining"
    allocate(line, staff, "500.00")
    assert budget_line_remaining(line) == Decimal("0.00")


def test_allocations_on_another_line_or_year_do_not_count(staff):
    line = make_budget_line("1000.00")
    other_year = make_budget_line("1000.00", year=line.year - 1)
    allocate(other_year, staff, "1000.00")
    allocate(make_budget_line("50.00", code="wijkverenigingen"), staff, "50.00")

    allocate(line, staff, "1000.00")
    assert budget_line_remaining(line) == Decimal("0.00")


def test_allocation_and_award_one_after_another_never_overcommit(staff):
    """What SQLite can show; the race with real threads runs on PostgreSQL below."""
    line = make_budget_line("1000.00")
    grant, reviewer = _grant_for_race()
    outcomes = []
    for commit in (
        lambda: allocate(line, staff, "800.00"),
        lambda: grant_award(grant=grant, by=reviewer, budget_line=line, amount="800.00"),
    ):
        try:
            commit()
            outcomes.append("ok")
        except ServiceError as error:
            outcomes.append(error.code)
    assert outcomes == ["ok", "above_remaining"]
    assert budget_line_remaining(line) == Decimal("200.00")


def _grant_for_race():
    organiser = UserFactory()
    reviewer = staff_member()
    initiative = make_initiative(
        by=organiser, neighbourhood=BuurtFactory(), status=Status.SUBMITTED
    )
    return make_grant(initiative, organiser, items=[("Materiaal", Decimal("800.00"))]), reviewer


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_allocations_and_awards_never_overcommit_a_line_on_postgresql():
    line = make_budget_line("1000.00")
    grants = [_grant_for_race() for _ in range(2)]
    staff_members = [staff_member() for _ in range(2)]
    jobs = [
        lambda grant=grant, reviewer=reviewer: grant_award(
            grant=grant, by=reviewer, budget_line=line, amount=Decimal("800.00")
        )
        for grant, reviewer in grants
    ] + [lambda by=by: allocate(line, by, "800.00") for by in staff_members]
    results = run_concurrently(lambda job: job(), jobs)
    outcomes = [r.code if isinstance(r, ServiceError) else "ok" for r in results]

    assert sorted(outcomes) == ["above_remaining"] * 3 + ["ok"]
    committed = GrantRequest.objects.filter(status="awarded").count()
    assert committed + BudgetAllocation.objects.count() == 1
    assert budget_line_remaining(line) == Decimal("200.00")


# --- Admin ------------------------------------------------------------------------------


def _admin(client, staff):
    client.force_login(staff)


def test_admin_enters_an_allocation_through_the_budget_check(client, staff):
    line = make_budget_line("1000.00")
    _admin(client, staff)
    form = {
        "budget_line": line.pk,
        "kind": "commitment",
        "date": timezone.localdate().replace(month=2, day=1).isoformat(),
        "recipient": "Wijkvereniging Lariks",
        "description": "Jaarsubsidie",
        "amount": "1200.00",
    }

    response = client.post("/admin/initiatives/budgetallocation/add/", form)
    assert response.status_code == 200  # re-rendered with the error, nothing saved
    assert "Er is niet genoeg over" in response.content.decode()
    assert not BudgetAllocation.objects.exists()

    response = client.post("/admin/initiatives/budgetallocation/add/", {**form, "amount": "900"})
    assert response.status_code == 302
    allocation = BudgetAllocation.objects.get()
    assert (allocation.amount, allocation.created_by) == (Decimal("900.00"), staff)
    page = client.get(f"/admin/initiatives/budgetallocation/{allocation.pk}/change/")
    assert page.status_code == 200
    assert 'name="amount"' not in page.content.decode()  # read-only once entered
    listing = client.get("/admin/initiatives/budgetline/").content.decode()
    assert "900,00" in listing
    assert "100,00" in listing
    line_page = client.get(f"/admin/initiatives/budgetline/{line.pk}/change/").content.decode()
    assert "Wijkvereniging Lariks" in line_page  # the allocation, read-only on its line


def test_admin_cannot_lower_a_line_below_what_is_committed(client, staff):
    line = make_budget_line("1000.00")
    allocation = allocate(line, staff, "600.00")
    _admin(client, staff)
    url = f"/admin/initiatives/budgetline/{line.pk}/change/"
    form = {
        "year": line.year,
        "code": line.code,
        "name": line.name,
        "savings_target": "0",
        "allocations-TOTAL_FORMS": "1",
        "allocations-INITIAL_FORMS": "1",
        "allocations-MIN_NUM_FORMS": "0",
        "allocations-MAX_NUM_FORMS": "1000",
        "allocations-0-id": allocation.pk,
        "allocations-0-budget_line": line.pk,
    }

    response = client.post(url, {**form, "amount": "599.99"})
    assert response.status_code == 200
    assert "vastgelegd" in response.content.decode()
    line.refresh_from_db()
    assert line.amount == Decimal("1000.00")

    assert client.post(url, {**form, "amount": "600.00"}).status_code == 302
    line.refresh_from_db()
    assert line.amount == Decimal("600.00")
