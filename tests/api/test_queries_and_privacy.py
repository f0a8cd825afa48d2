"""A fixed number of queries per list whatever its size, and no personal data anywhere."""

import datetime as dt
import json
import re

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/initiatives",
    "/api/v1/volunteer-tasks",
    "/api/v1/venues",
    "/api/v1/organisations",
    "/api/v1/wijken",
    "/api/v1/buurten",
    "/api/v1/listings",
    "/api/v1/activities",
    "/api/v1/wijk-figures",
]


def _add(n: int) -> None:
    """``n`` more of everything each list shows, each with what its items carry."""
    from initiatives.models import Status, Support
    from tests.accounts.factories import UserFactory
    from tests.initiatives.factories import make_initiative
    from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory
    from tests.venues.factories import RoomFactory
    from tests.volunteers.factories import ShiftFactory, TaskFactory
    from volunteers.services.next_shift import tasks_next_shift_refresh

    _add_exchange_and_activities(n)
    for _ in range(n):
        buurt = BuurtFactory()
        initiative = make_initiative(neighbourhood=buurt, status=Status.PUBLISHED)
        Support.objects.create(initiative=initiative, user=UserFactory())
        task = TaskFactory(neighbourhood=buurt, initiative=initiative)
        ShiftFactory.create_batch(2, task=task)
        tasks_next_shift_refresh(task_ids=[task.pk])
        RoomFactory.create_batch(2, venue__neighbourhood=buurt.wijk)
        OrganisationFactory(neighbourhoods=[buurt, buurt.wijk])


def _add_exchange_and_activities(n: int) -> None:
    from activities.models import Activity
    from exchange.models import Listing
    from tests.accounts.factories import UserFactory
    from tests.activities.factories import ActivityFactory, RegistrationFactory
    from tests.exchange.factories import ConversationFactory, ListingFactory
    from tests.helprequests.factories import file_request
    from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory
    from tests.venues.factories import RoomFactory

    for _ in range(n):
        buurt = BuurtFactory()
        listing = ListingFactory(neighbourhood=buurt)
        ConversationFactory(listing=listing)
        ListingFactory(
            neighbourhood=buurt.wijk,
            kind=Listing.Kind.PAID,
            organisation=OrganisationFactory(),
            price_info="10 euro",
        )
        room = RoomFactory(venue__neighbourhood=buurt.wijk)
        RegistrationFactory(
            activity=ActivityFactory(
                neighbourhood=buurt,
                place=Activity.Place.ROOM,
                room=room,
                organiser_kind=Activity.OrganiserKind.VENUE,
                organisation=None,
                venue=room.venue,
            )
        )
        ActivityFactory(neighbourhood=buurt.wijk)
        file_request(UserFactory(), buurt)


# Count, page, and one query per prefetch (initiatives: photos, organisers; tasks:
# shifts; venues: rooms, opening hours; organisations: areas; listings and activities
# join what they show). The figures: the wijken, one grouped query per source and the
# exchange's own figures (three counts and the medians of the first reply).
QUERIES = {
    "/api/v1/initiatives": 4,
    "/api/v1/volunteer-tasks": 3,
    "/api/v1/venues": 4,
    "/api/v1/organisations": 3,
    "/api/v1/wijken": 2,
    "/api/v1/buurten": 2,
    "/api/v1/listings": 2,
    "/api/v1/activities": 2,
    "/api/v1/wijk-figures": 12,
}


@pytest.mark.parametrize("path", LISTS)
def test_a_list_costs_the_same_queries_at_two_sizes(
    client, db, staff, path, django_assert_num_queries
):
    _add(1)
    with django_assert_num_queries(QUERIES[path]):
        assert client.get(path, {"page_size": 100}).status_code == 200
    _add(4)
    with django_assert_num_queries(QUERIES[path]):
        body = client.get(path, {"page_size": 100}).json()
    assert body["total"] >= 5


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Dutch numbers as people write them, and E.164 (not a digit run inside a decimal).
PHONE = re.compile(r"(?<![\d.])(\+31|0031|0)[1-9][\d \-]{7,12}\d(?![\d.])")


def _every_answer(client, city) -> dict[str, str]:
    """Every list (all pages) and every item of the API, by path."""
    answers = {}
    for path in LISTS:
        answers[path] = client.get(path, {"page_size": 100}).content.decode()
    ids = {
        "initiatives": [city["running"].pk, city["completed"].pk],
        "volunteer-tasks": [city["task"].pk],
        "venues": ["de-brink"],
        "organisations": ["welzijn-centrum"],
        "wijken": ["WK010601"],
        "buurten": ["BU01060101"],
        "listings": [city["offer"].pk, city["paid"].pk, city["request"].pk],
        "activities": [
            city[name].pk for name in ("in_room", "at_organisation", "at_home", "online")
        ],
    }
    for name, keys in ids.items():
        for key in keys:
            path = f"/api/v1/{name}/{key}"
            response = client.get(path)
            assert response.status_code == 200, path
            answers[path] = response.content.decode()
    day = city["booking_day"]
    for path, params in [
        ("/api/v1/venues/de-brink/occupancy", {"date": day.isoformat()}),
        (
            "/api/v1/venues/de-brink/occupancy",
            {
                "date_from": day.isoformat(),
                "date_until": (day + dt.timedelta(days=30)).isoformat(),
            },
        ),
        ("/api/v1/catalogus", {}),
        ("/api/v1/docs", {}),
    ]:
        response = client.get(path, params)
        assert response.status_code == 200, path
        answers[f"{path}?{params}"] = response.content.decode()
    answers["/api/v1/openapi.json"] = client.get("/api/v1/openapi.json").content.decode()
    answers["/api/v1"] = client.get("/api/v1").content.decode()
    return answers


def test_no_answer_holds_personal_data(client, city):
    from helprequests.models import HelpRequest

    help_request = HelpRequest.objects.get(pk=city["help_request"].pk)
    known = [
        city["organiser"].email,
        city["requester"].email,
        city["requester"].display_name,
        help_request.description,
        "06-12345678",
        "+31612345678",
        "beheer@example.org",
        "+31592123456",
        "info@welzijn.example.org",
        "+31592654321",
        # Vraag en aanbod: who placed a listing, who replied and what they wrote.
        city["owner"].email,
        city["owner"].display_name,
        "Rik",
        "Kerkstraat",
        # Bookings: who booked, why, and their number.
        city["booker"].email,
        city["booker"].display_name,
        "Geheime vergadering",
        # Activities: who registered, the online link, an address that may be a home.
        "deelnemer@example.org",
        "meet.example.net",
        "Thuisstraat",
    ]
    for path, text in _every_answer(client, city).items():
        assert not EMAIL.search(text), (path, EMAIL.search(text))
        assert not PHONE.search(text), (path, PHONE.search(text))
        for value in known:
            assert value not in text, (path, value)
            assert json.dumps(value)[1:-1] not in text, (path, value)


def test_hidden_and_unpublished_things_never_appear(client, city):
    answers = _every_answer(client, city)
    never = [
        "Geheim plan",
        "Verborgen plan",
        "Boodschappen voor een buur",
        "Nog niet open",
        "Oud gebouw",
        "Niet goedgekeurd",
        "Ingetrokken aanbod",
        "Verlopen aanbod",
        "Afgelast feest",
    ]
    for path, text in answers.items():
        for title in never:
            assert title not in text, (path, title)


def test_the_demo_data_holds_no_personal_data_in_any_answer(client, db):
    from io import StringIO

    from mijnbuurt.accounts.models import User
    from mijnbuurt.core.demo import seeders

    for seed in seeders():
        seed(out=StringIO())
    emails = list(User.objects.values_list("email", flat=True))
    for path in LISTS:
        page, pages = 1, 1
        while page <= pages:
            response = client.get(path, {"page": page, "page_size": 100})
            assert response.status_code == 200, path
            text = response.content.decode()
            assert not EMAIL.search(text), (path, EMAIL.search(text))
            assert not PHONE.search(text), (path, PHONE.search(text))
            assert not any(email in text for email in emails)
            pages = response.json()["pages"]
            page += 1


def test_an_occupancy_costs_the_same_queries_at_two_sizes(client, db, django_assert_num_queries):
    """The building with its rooms and opening hours (three), its closures and bookings."""
    from django.utils import timezone

    from tests.venues.factories import RoomFactory
    from venues.models import Booking

    room = RoomFactory(venue__slug="de-brink")
    first = timezone.localdate()
    params = {"date_from": first, "date_until": first + dt.timedelta(days=30)}

    def book(rooms):
        for offset, booked in enumerate(rooms):
            start = timezone.now() + dt.timedelta(days=offset + 1)
            Booking.objects.create(
                room=booked,
                booker=UserFactory(),
                start=start,
                end=start + dt.timedelta(hours=2),
                purpose="Vergadering",
                attendees=5,
                booker_kind="initiative",
                price=0,
                status=Booking.Status.APPROVED,
            )

    from tests.accounts.factories import UserFactory

    book([room])
    with django_assert_num_queries(5):
        assert client.get("/api/v1/venues/de-brink/occupancy", params).status_code == 200
    book(RoomFactory.create_batch(4, venue=room.venue))
    with django_assert_num_queries(5):
        body = client.get("/api/v1/venues/de-brink/occupancy", params).json()
    assert sum(len(room["busy"]) for day in body["days"] for room in day["rooms"]) >= 5
    with django_assert_num_queries(0):
        assert client.get("/api/v1/catalogus").status_code == 200
