"""Every admin page of our apps opens for staff with data present, and the busiest
changelists run a fixed number of queries whatever the number of rows."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.db import connection
from django.test.client import RequestFactory
from django.urls import reverse

from initiatives.models import Status
from initiatives.services import initiative_support
from tests.accounts.factories import UserFactory
from tests.helprequests.factories import file_request
from tests.initiatives.factories import make_budget_line, make_grant, make_initiative
from tests.volunteers.factories import ShiftFactory, VolunteerProfileFactory
from venues.models import Booking
from volunteers.services import shift_sign_up

pytestmark = pytest.mark.django_db

OUR_APPS = {
    "accounts",
    "notifications",
    "neighbourhoods",
    "helprequests",
    "initiatives",
    "volunteers",
    "venues",
    "reports",
}


@pytest.fixture
def some_of_everything(organiser, buurt, book, area, resident, staff):
    """A few rows in most tables, made through the services."""
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    initiative_support(initiative=initiative, by=resident)
    make_budget_line()
    make_grant(initiative, organiser)
    book()
    file_request(resident, area["a"])
    shift_sign_up(shift=ShiftFactory(), volunteer=VolunteerProfileFactory().user)


class DuplicateAttributes(HTMLParser):
    """Tags that carry an attribute twice: a browser keeps the first, so a widget's own
    class (the admin's selectfilter, autocomplete, action checkbox) would be lost."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.found.append(self.get_starttag_text())


def duplicate_attributes(response) -> list[str]:
    parser = DuplicateAttributes()
    parser.feed(response.content.decode())
    return parser.found


def registered_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in OUR_APPS
    ]


def test_every_model_of_ours_with_data_has_a_working_admin(
    staff_client, staff, some_of_everything
):
    request = RequestFactory().get("/admin/")
    request.user = staff
    opened = 0
    for model, model_admin in registered_admins():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        changelist = staff_client.get(reverse(f"{info}_changelist"))
        assert changelist.status_code == 200, info
        assert duplicate_attributes(changelist) == [], info
        if model_admin.has_add_permission(request):
            add = staff_client.get(reverse(f"{info}_add"))
            assert add.status_code == 200, info
            assert duplicate_attributes(add) == [], info
        first = model_admin.get_queryset(request).order_by("pk").first()
        if first is not None:
            change = staff_client.get(reverse(f"{info}_change", args=[first.pk]))
            assert change.status_code == 200, info
            assert duplicate_attributes(change) == [], info
            opened += 1
    assert opened >= 20  # the data above reached most tables


def test_every_changelist_has_columns_filters_or_search(staff):
    for model, model_admin in registered_admins():
        assert model_admin.list_display != ("__str__",), model
        assert model_admin.list_filter or model_admin.search_fields, model


def test_models_holding_secrets_or_help_content_have_no_admin():
    from helprequests.models import HelpMessage
    from venues.models import CalendarFeed
    from volunteers.models import AgendaFeed

    for model in (HelpMessage, CalendarFeed, AgendaFeed):
        assert model not in admin.site._registry


def _initiatives(n, fixture):
    organiser, resident = fixture("organiser"), fixture("resident")
    for _ in range(n):
        initiative = make_initiative(
            by=organiser, neighbourhood=fixture("buurt"), status=Status.PUBLISHED
        )
        initiative_support(initiative=initiative, by=resident)
        make_grant(initiative, organiser)


def _bookings(n, fixture):
    book, start = fixture("book"), 8 + len(Booking.objects.all())
    for hour in range(start, start + n):
        book(start_time=dt.time(hour), end_time=dt.time(hour, 30))


def _help_requests(n, fixture):
    for _ in range(n):
        file_request(fixture("resident"), fixture("area")["a"])


def _signups(n, fixture):
    shift = ShiftFactory(places=20)
    for _ in range(n):
        shift_sign_up(shift=shift, volunteer=UserFactory())


# On PostgreSQL an unfiltered large list first asks the planner's estimate of the
# table's rows (mijnbuurt.core.admin_lists); a small table is then counted as well.
ESTIMATE = 1 if connection.vendor == "postgresql" else 0


@pytest.mark.parametrize(
    ("url", "make", "queries"),
    # Staff are no superusers: each page also reads their own and their group's
    # permissions (2 queries). One count (the filtered one), no facets; bookings and
    # sign-ups filter by period instead of listing their dates (2 queries fewer).
    [
        ("/admin/initiatives/initiative/", _initiatives, 10 + ESTIMATE),
        ("/admin/initiatives/grantrequest/", _initiatives, 12 + ESTIMATE),
        ("/admin/venues/booking/", _bookings, 9 + ESTIMATE),
        ("/admin/helprequests/helprequest/", _help_requests, 9 + ESTIMATE),
        ("/admin/volunteers/signup/", _signups, 8 + ESTIMATE),
    ],
)
def test_busy_changelists_run_a_fixed_number_of_queries(
    staff_client, django_assert_max_num_queries, url, make, queries, request
):
    make(2, request.getfixturevalue)
    with django_assert_max_num_queries(queries):
        assert staff_client.get(url).status_code == 200
    make(6, request.getfixturevalue)
    with django_assert_max_num_queries(queries):
        assert staff_client.get(url).status_code == 200
