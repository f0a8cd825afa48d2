"""The change lists of the tables that grow with the city show what they showed before,
at a cost that does not grow with them."""

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.db import connection

from helprequests.models import HelpRequest
from initiatives.models import GrantRequest, Initiative, Status
from initiatives.services import initiative_support
from mijnbuurt.core import admin_lists
from mijnbuurt.core.admin_lists import estimated_rows
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from venues.models import Booking
from volunteers.models import SignUp

pytestmark = pytest.mark.django_db

LARGE = [Booking, SignUp, HelpRequest, Initiative, GrantRequest]


@pytest.mark.parametrize("model", LARGE)
def test_large_lists_count_once_without_facets_and_show_50_rows(model):
    model_admin = admin.site._registry[model]
    assert model_admin.show_full_result_count is False
    assert model_admin.show_facets == admin.ShowFacets.NEVER
    assert model_admin.list_per_page == 50


def test_the_action_checkbox_is_the_markup_of_the_form_widget(organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    model_admin = admin.site._registry[Initiative]
    assert model_admin.action_checkbox(initiative) == ModelAdmin.action_checkbox(
        model_admin, initiative
    )


def test_bookings_sign_ups_and_help_requests_filter_by_period_instead_of_listing_their_dates(
    staff_client, book
):
    book()
    for url, field in [
        ("/admin/venues/booking/", "start"),
        ("/admin/volunteers/signup/", "created_at"),
        ("/admin/helprequests/helprequest/", "created_at"),
    ]:
        page = staff_client.get(url).content.decode()
        assert f"{field}__gte=" in page  # "this month", "past 7 days", ...
        assert 'class="toplinks"' not in page  # the date hierarchy's bar


def test_initiatives_list_and_sort_by_their_number_of_supporters(staff_client, organiser, buurt):
    few = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    many = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    none = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    initiative_support(initiative=few, by=UserFactory())
    for _ in range(3):
        initiative_support(initiative=many, by=UserFactory())

    response = staff_client.get("/admin/initiatives/initiative/")
    column = response.context["cl"].list_display.index("supporters")
    shown = {row.pk: row.supporter_total for row in response.context["cl"].result_list}
    assert shown == {few.pk: 1, many.pk: 3, none.pk: 0}
    assert response.context["cl"].result_count == 3

    most_first = staff_client.get("/admin/initiatives/initiative/", {"o": f"-{column}"})
    assert [row.pk for row in most_first.context["cl"].result_list] == [many.pk, few.pk, none.pk]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's estimate is PostgreSQL's"
)
def test_an_unfiltered_large_table_is_counted_from_the_planners_estimate(
    staff_client, book, monkeypatch
):
    for hour in (9, 12, 15):
        book(start_time=dt.time(hour), end_time=dt.time(hour + 2))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE venues_booking")
    total = Booking.objects.count()
    assert estimated_rows(Booking.objects.all()) == total
    assert estimated_rows(Booking.objects.filter(status=Booking.Status.APPROVED)) is None

    monkeypatch.setattr(admin_lists, "ESTIMATE_ABOVE", 0)
    with connection.cursor() as cursor:  # the estimate, not a count, is what is shown
        cursor.execute(
            "UPDATE pg_class SET reltuples = 12345 WHERE oid = 'venues_booking'::regclass"
        )
    response = staff_client.get("/admin/venues/booking/")
    assert response.context["cl"].result_count == 12345
    filtered = staff_client.get("/admin/venues/booking/", {"status__exact": "approved"})
    assert filtered.context["cl"].result_count == Booking.objects.filter(status="approved").count()
