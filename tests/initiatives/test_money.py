"""One money module (initiatives.money): amounts read one way, limits shared by forms and
services, and the budget year of a grant decided by grant_award alone."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from initiatives.forms.accountability import CostFormSet
from initiatives.forms.grants import GrantItemFormSet
from initiatives.models import GrantRequest
from initiatives.money import MAX_COSTS, MAX_GRANT_ITEMS, money_parse
from initiatives.services import grant_award, grant_request
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.initiatives.factories import make_budget_line, make_grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def last_years_grant(submitted, organiser):
    """A grant requested on 15 December of last year, still open."""
    grant = make_grant(submitted, organiser)
    last_year = timezone.localdate().year - 1
    requested = timezone.make_aware(dt.datetime(last_year, 12, 15, 10, 0))
    GrantRequest.objects.filter(pk=grant.pk).update(created_at=requested)
    grant.refresh_from_db()
    return grant


def test_an_award_comes_from_a_budget_line_of_the_year_the_grant_was_requested(
    last_years_grant, staff
):
    last_year = timezone.localdate().year - 1
    this_years = make_budget_line("1000.00", code="dit-jaar")
    last_years = make_budget_line("1000.00", code="vorig-jaar", year=last_year)
    notified_of_the_request = Notification.objects.count()  # staff hear of new requests

    with pytest.raises(ServiceError) as error:
        grant_award(grant=last_years_grant, by=staff, budget_line=this_years, amount="100")
    assert error.value.code == "wrong_year"
    assert str(last_year) in error.value.message
    unchanged = GrantRequest.objects.get()
    assert (unchanged.status, unchanged.amount_awarded, unchanged.budget_line) == (
        GrantRequest.Status.REQUESTED,
        None,
        None,
    )
    assert Notification.objects.count() == notified_of_the_request  # a refusal tells no one

    grant_award(grant=last_years_grant, by=staff, budget_line=last_years, amount="100")
    assert GrantRequest.objects.get().budget_line == last_years


def test_the_page_offers_the_requests_year_and_shows_the_services_refusal(
    client, submitted, last_years_grant, staff
):
    last_year = timezone.localdate().year - 1
    this_years = make_budget_line("1000.00", code="dit-jaar")
    last_years = make_budget_line("1000.00", code="vorig-jaar", year=last_year)
    client.force_login(staff)

    page = client.get(reverse("initiatives:detail", args=[submitted.pk]))
    assert [line.pk for line in page.context["budget_lines"]] == [last_years.pk]

    url = reverse("initiatives:grant_award", args=[submitted.pk, last_years_grant.pk])
    response = client.post(url, {"budget_line": this_years.pk, "amount": "100", "confirm": "on"})
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert len(shown) == 1
    assert str(last_year) in shown[0]
    assert GrantRequest.objects.get().status == GrantRequest.Status.REQUESTED


def test_forms_and_services_share_the_limits(submitted, organiser):
    item = {"description": "Zaden", "amount": "1"}
    rows = {
        f"items-{n}-{field}": value
        for n in range(MAX_GRANT_ITEMS + 1)
        for field, value in item.items()
    }
    too_many = GrantItemFormSet(
        {"items-TOTAL_FORMS": MAX_GRANT_ITEMS + 1, "items-INITIAL_FORMS": 0, **rows},
        prefix="items",
    )
    assert not too_many.is_valid()
    with pytest.raises(ServiceError) as error:
        grant_request(
            initiative=submitted, by=organiser, items=[("Zaden", "1")] * (MAX_GRANT_ITEMS + 1)
        )
    assert error.value.code == "too_many"
    assert CostFormSet.max_num == MAX_COSTS


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("125,50", Decimal("125.50")), (" 7 ", Decimal("7.00")), (3, Decimal("3.00"))],
)
def test_an_amount_is_read_in_euros_and_cents(typed, amount):
    assert money_parse(typed) == amount


@pytest.mark.parametrize("typed", ["1,005", "twaalf", "NaN", "Infinity", ""])
def test_an_amount_that_is_not_euros_and_cents_is_refused(typed):
    with pytest.raises(ServiceError) as error:
        money_parse(typed)
    assert error.value.code == "bad_amount"
