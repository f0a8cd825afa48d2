"""Grants on the pages: request form, award and decline, privacy, admin, queue, demo,
and a fixed number of queries on the detail page."""

from decimal import Decimal

import pytest
from django.urls import reverse

from initiatives.models import GrantRequest, Status
from initiatives.selectors.grants import budget_lines_with_totals
from initiatives.services import grant_award, grant_decline, grant_request
from mijnbuurt.core.exceptions import ServiceError
from tests.initiatives.factories import make_budget_line, make_grant, make_initiative
from tests.neighbourhoods.factories import BuurtFactory

pytestmark = pytest.mark.django_db


# --- Requesting ------------------------------------------------------------------------


def test_request_page_sends_the_request(client, submitted, organiser):
    client.force_login(organiser)
    url = reverse("initiatives:grant_request", args=[submitted.pk])
    detail = client.get(reverse("initiatives:detail", args=[submitted.pk]))
    assert url in detail.content.decode()

    response = client.post(
        url,
        {
            "items-TOTAL_FORMS": "3",
            "items-INITIAL_FORMS": "0",
            "items-0-description": "Plantenbakken",
            "items-0-amount": "400,50",
            "items-1-description": "Zaden",
            "items-1-amount": "99.50",
        },
    )

    assert response.status_code == 302
    grant = GrantRequest.objects.get()
    assert grant.amount_requested == Decimal("500.00")


def test_request_page_refuses_bad_input_in_dutch(client, submitted, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:grant_request", args=[submitted.pk]),
        {
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "0",
            "items-0-description": "Zaden",
            "items-0-amount": "-3",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Controleer de onderdelen hieronder." in page
    assert not GrantRequest.objects.exists()


def test_request_page_with_no_items_says_so_in_dutch(client, submitted, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:grant_request", args=[submitted.pk]),
        {"items-TOTAL_FORMS": "2", "items-INITIAL_FORMS": "0"},
    )
    assert "Voeg minstens één onderdeel toe" in response.content.decode()
    assert not GrantRequest.objects.exists()


def test_request_page_is_not_found_for_others(client, submitted, resident, staff):
    url = reverse("initiatives:grant_request", args=[submitted.pk])
    client.force_login(resident)
    assert client.get(url).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code == 404


# --- Deciding ------------------------------------------------------------------------


def test_reviewer_awards_from_the_page_and_bad_amounts_change_nothing(
    client, submitted, organiser, staff
):
    budget = make_budget_line("1000.00")
    grant = make_grant(submitted, organiser)
    client.force_login(staff)
    page = client.get(reverse("initiatives:detail", args=[submitted.pk])).content.decode()
    assert "Stimuleringsbudget welzijn (nog € 1.000,00 over)" in page  # Dutch grouping
    url = reverse("initiatives:grant_award", args=[submitted.pk, grant.pk])

    response = client.post(
        url, {"budget_line": budget.pk, "amount": "900", "confirm": "on"}, follow=True
    )
    assert "Je kunt niet meer toekennen dan het aangevraagde bedrag" in response.content.decode()
    assert GrantRequest.objects.get().status == "requested"

    client.post(url, {"budget_line": budget.pk, "amount": "500", "confirm": "on"})
    assert GrantRequest.objects.get().amount_awarded == Decimal("500.00")


def test_grants_are_never_shown_to_the_public(client, organiser, staff, buurt, resident):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED)
    grant = make_grant(initiative, organiser)
    from initiatives.services import initiative_transition

    initiative_transition(initiative=initiative, to_status=Status.PUBLISHED, by=staff)
    url = reverse("initiatives:detail", args=[initiative.pk])
    client.force_login(resident)
    assert 'id="grants"' not in client.get(url).content.decode()
    client.logout()
    assert 'id="grants"' not in client.get(url).content.decode()
    award_url = reverse("initiatives:grant_award", args=[initiative.pk, grant.pk])
    client.force_login(resident)
    assert client.post(award_url, {"amount": "1"}).status_code == 404
    client.force_login(organiser)
    assert 'id="grants"' in client.get(url).content.decode()


def test_awarding_needs_an_explicit_budget_line_and_a_confirmation(
    client, submitted, organiser, staff
):
    budget = make_budget_line("1000.00")
    grant = make_grant(submitted, organiser)
    client.force_login(staff)
    page = client.get(reverse("initiatives:detail", args=[submitted.pk])).content.decode()
    select = page[page.index(f'id="line-{grant.pk}"') :]
    assert select.index('<option value="" selected>') < select.index(f'value="{budget.pk}"')
    award = page.index(f'id="award-{grant.pk}"')
    decline = page.index(f'id="decline-{grant.pk}"')
    assert award < page.index(f'id="confirm-award-{grant.pk}"') < decline
    assert page.index(f'id="reason-{grant.pk}"') > decline  # the reason is in its own section

    url = reverse("initiatives:grant_award", args=[submitted.pk, grant.pk])
    client.post(url, {"budget_line": "", "amount": "500", "confirm": "on"})  # no line chosen
    client.post(url, {"budget_line": budget.pk, "amount": "500"})  # not confirmed
    assert GrantRequest.objects.get().status == GrantRequest.Status.REQUESTED
    client.post(url, {"budget_line": budget.pk, "amount": "500", "confirm": "on"})
    assert GrantRequest.objects.get().status == GrantRequest.Status.AWARDED


def test_no_new_grant_request_while_one_is_waiting(client, submitted, organiser, staff):
    detail = reverse("initiatives:detail", args=[submitted.pk])
    request_url = reverse("initiatives:grant_request", args=[submitted.pk])
    client.force_login(organiser)
    assert f'href="{request_url}"' in client.get(detail).content.decode()
    grant = make_grant(submitted, organiser)
    assert f'href="{request_url}"' not in client.get(detail).content.decode()
    with pytest.raises(ServiceError) as refused:
        grant_request(initiative=submitted, by=organiser, items=[("Zaden", Decimal("5"))])
    assert refused.value.code == "pending"
    grant_decline(grant=grant, by=staff, reason="Past niet in het budget.")
    assert f'href="{request_url}"' in client.get(detail).content.decode()


# --- Query counts -----------------------------------------------------------------------

# Measured; the same at every number of grants and items.
# organiser: the organiser detail page (14, with the grants) + the grants' items
# + the venue bookings panel (one query)
DETAIL_QUERIES_WITH_GRANTS_ORGANISER = 16
# reviewer: the detail page (12, with volunteer tasks and comments) + grants, their
# items, this year's budget lines with what remains on each, no open invitations, and
# whether the reviewer has set up two-factor authentication (the role's rules ask),
# and the venue bookings panel (one query)
DETAIL_QUERIES_WITH_GRANTS_REVIEWER = 16


@pytest.mark.parametrize("size", [1, 4])
def test_detail_with_grants_runs_a_fixed_number_of_queries(
    size, client, organiser, staff, buurt, django_assert_max_num_queries
):
    for n in range(3):
        make_budget_line(code=f"lijn-{n}")
    initiative = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.SUBMITTED, reviewer=staff
    )
    for n in range(size):
        items = [(f"Onderdeel {i}", Decimal("10")) for i in range(size + 1)]
        grant = grant_request(initiative=initiative, by=organiser, items=items)
        if n < size - 1:  # one request waits at a time; the earlier ones were decided
            grant_decline(grant=grant, by=staff, reason="Nee.")
    url = reverse("initiatives:detail", args=[initiative.pk])

    client.force_login(organiser)
    with django_assert_max_num_queries(DETAIL_QUERIES_WITH_GRANTS_ORGANISER):
        response = client.get(url)
    assert len(response.context["grants"]) == size

    client.force_login(staff)
    with django_assert_max_num_queries(DETAIL_QUERIES_WITH_GRANTS_REVIEWER):
        response = client.get(url)
    assert len(response.context["budget_lines"]) == 3


# --- Demo -------------------------------------------------------------------------------


def test_demo_seeds_budget_lines_and_grants_once(settings, tmp_path):
    import io

    from django.utils import timezone

    from initiatives import demo
    from initiatives.demo import money as demo_money
    from tests.neighbourhoods.factories import WijkFactory

    settings.MEDIA_ROOT = tmp_path / "media"
    BuurtFactory(name="Brinkkwartier")
    WijkFactory(name="Assen-West")
    demo.seed(out=io.StringIO())
    grants = GrantRequest.objects.count()

    demo.seed(out=io.StringIO())

    lines = budget_lines_with_totals().filter(year=timezone.localdate().year)
    assert lines.count() == len(demo_money.BUDGET_LINES)
    assert GrantRequest.objects.count() == grants
    assert set(GrantRequest.objects.values_list("status", flat=True)) == set(
        GrantRequest.Status.values
    )
    assert all(line.remaining >= 0 for line in lines)


# --- Admin ------------------------------------------------------------------------------


def test_admin_shows_committed_and_remaining_per_line(client, staff, submitted, organiser):
    budget = make_budget_line("1000.00")
    grant = make_grant(submitted, organiser)
    grant_award(grant=grant, by=staff, budget_line=budget, amount=Decimal("300.00"))
    client.force_login(staff)

    response = client.get("/admin/initiatives/budgetline/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "300,00" in page
    assert "700,00" in page
    response = client.get(f"/admin/initiatives/grantrequest/{grant.pk}/change/")
    assert response.status_code == 200
    assert "Plantenbakken" in response.content.decode()


def test_review_queue_shows_open_grant_requests(client, staff, submitted, organiser):
    make_grant(submitted, organiser)
    client.force_login(staff)
    page = client.get(reverse("initiatives:review_queue")).content.decode()
    assert "Subsidie aangevraagd: € 500,00, wacht op een besluit" in page
