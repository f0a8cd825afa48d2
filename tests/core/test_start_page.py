"""The start page "Mijn buurt": where everyone lands after logging in, with the panels
their roles warrant (mijnbuurt.core.start), the counts of the work waiting, and a
query count that does not grow with the data."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Status
from initiatives.services import comment_post, content_report, initiative_update_post
from tests.accounts.factories import PASSWORD, UserFactory
from tests.helprequests.factories import file_request
from tests.initiatives.factories import make_grant, make_initiative
from tests.neighbourhoods.factories import AreaTeamFactory, BuurtFactory, team_professional
from tests.venues.factories import RoomFactory, VenueFactory
from tests.volunteers.factories import ShiftFactory, TaskFactory, VolunteerProfileFactory, in_days
from venues.services import booking_request
from volunteers.services import shift_sign_up

pytestmark = pytest.mark.django_db

START = "/mijn-buurt/"
# session, user (auth), user with home buurt and wijk, the five roles the registry asks
# the database, unread count (bell), and each panel's own queries (counts, lists).
STAFF_QUERIES = 22
NEIGHBOUR_QUERIES = 23


@pytest.fixture
def place(db):
    """Wijk "Lariks" with a buurt, its area team, and another wijk far away."""
    buurt = BuurtFactory(name="Lariks West", wijk__name="Lariks", wijk__slug="lariks")
    team = AreaTeamFactory(name="Gebiedsteam Lariks", neighbourhoods=[buurt.wijk])
    professional, _secret = team_professional(team, email="prof@example.org", display_name="Petra")
    return {"buurt": buurt, "elsewhere": BuurtFactory(), "professional": professional}


@pytest.fixture
def neighbour(place):
    """A resident who lives in Lariks West."""
    return UserFactory(
        email="buur@example.org", display_name="Bas", home_neighbourhood=place["buurt"]
    )


def fill(place, *, n: int, staff, organiser, neighbour, venue_manager) -> dict:
    """``n`` of everything the start page shows, in Lariks and elsewhere."""
    buurt = place["buurt"]
    running = []
    for i in range(n):
        initiative = make_initiative(
            by=organiser,
            neighbourhood=buurt,
            status=Status.PUBLISHED,
            reviewer=staff,
            title=f"Moestuin {i}",
        )
        initiative_update_post(initiative=initiative, by=organiser, text=f"De bakken staan er {i}")
        make_grant(initiative, organiser)
        running.append(initiative)
        make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED, reviewer=staff)
        make_initiative(
            by=organiser,
            neighbourhood=place["elsewhere"],
            status=Status.SUBMITTED,
            reviewer=staff,
            title=f"Ver weg {i}",
        )
        file_request(neighbour, buurt)
        task = TaskFactory(neighbourhood=buurt, title=f"Bakken vullen {i}")
        shift = ShiftFactory(task=task, starts_at=in_days(1 + i, 10))
        shift_sign_up(shift=shift, volunteer=neighbour)
        comment = comment_post(initiative=initiative, by=neighbour, body=f"Reclame {i}")
        content_report(item=comment, by=UserFactory(), reason="spam")
    venue = VenueFactory(
        name="Buurthuis Lariks", slug="buurthuis-lariks", managers=[venue_manager]
    )
    room = RoomFactory(venue=venue, name="Grote zaal", capacity=40)
    for i in range(n):
        booking_request(
            booker=neighbour,
            room=room,
            date=timezone.localdate() + dt.timedelta(days=14 + i),
            start_time=dt.time(19),
            end_time=dt.time(21),
            purpose="Buurtvergadering",
            attendees=20,
            booker_kind="initiative",
        )
    return {"running": running, "venue": venue}


@pytest.fixture
def world(place, staff, organiser, neighbour, venue_manager):
    VolunteerProfileFactory(user=neighbour)
    return fill(
        place,
        n=2,
        staff=staff,
        organiser=organiser,
        neighbour=neighbour,
        venue_manager=venue_manager,
    )


def page(client, user) -> str:
    client.force_login(user)
    response = client.get(START)
    assert response.status_code == 200
    return response.content.decode()


# --- Landing ----------------------------------------------------------------------------


def test_login_lands_on_the_start_page_and_home_sends_logged_in_people_there(client, resident):
    response = client.post(
        reverse("account_login"), {"login": resident.email, "password": PASSWORD}
    )
    assert response["Location"] == START
    assert client.get("/")["Location"] == START
    client.logout()
    assert client.get("/").status_code == 200  # the public home for visitors
    assert client.get(START)["Location"].startswith(reverse("account_login"))


# --- Who sees which panel ---------------------------------------------------------------

WORK_PANELS = [
    'id="team-work"',
    'id="review-work"',
    'id="moderation-work"',
    'id="venue-management"',
    'id="staff-tools"',
]


def test_resident_without_a_neighbourhood_is_asked_for_it_and_sees_no_work(client, resident):
    html = page(client, resident)
    assert reverse("neighbourhoods:my_neighbourhood") in html
    assert "Kies mijn buurt" in html
    for panel in WORK_PANELS:
        assert panel not in html
    assert 'class="utrecht-link mb-nav__link mb-nav__link--work"' not in html


def test_resident_sees_the_news_initiatives_and_tasks_of_their_wijk_and_their_own_things(
    client, neighbour, world
):
    html = page(client, neighbour)
    assert "Initiatieven in Lariks" in html
    assert "Moestuin 1" in html
    assert "De bakken staan er 1" in html
    assert "Ver weg" not in html  # another wijk, and not public anyway
    assert "Vrijwilligerswerk deze week" in html
    assert "Bakken vullen 0" in html
    # Their own: shifts, bookings, help requests (kind and status only).
    assert 'id="my-shifts"' in html
    assert 'id="my-bookings"' in html
    assert "Buurthuis Lariks, Grote zaal" in html
    assert 'id="my-help-requests"' in html
    assert "boodschappen" not in html.lower() or "Boodschappen" in html  # the kind's label
    for panel in WORK_PANELS:
        assert panel not in html


def test_outsider_sees_nothing_private_of_others(client, outsider, world):
    html = page(client, outsider)
    for private in (
        'id="my-shifts"',
        'id="my-bookings"',
        'id="my-help-requests"',
        'id="my-initiatives"',
        "Buurtvergadering",
        *WORK_PANELS,
    ):
        assert private not in html


def test_organiser_sees_the_initiatives_they_organise(client, organiser, world):
    html = page(client, organiser)
    assert "Initiatieven die ik organiseer" in html
    assert reverse("initiatives:detail", args=[world["running"][-1].pk]) in html


def test_professional_sees_team_and_review_work_of_their_area_with_counts(client, place, world):
    html = page(client, place["professional"])
    assert 'id="team-work"' in html
    assert "2 open hulpvragen" in html
    assert "2 nog door niemand opgepakt" in html
    assert 'id="review-work"' in html
    assert "2 initiatieven te beoordelen" in html  # Lariks only, not the wijk far away
    assert "2 subsidieaanvragen te beslissen" in html
    for panel in ('id="moderation-work"', 'id="venue-management"', 'id="staff-tools"'):
        assert panel not in html
    nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert ">Teamwachtrij</a>" in nav
    assert ">Te beoordelen</a>" in nav
    assert ">Beheeromgeving</a>" not in nav


def test_staff_see_all_reviews_grants_moderation_and_links_to_admin_and_reports(
    client, staff, world
):
    html = page(client, staff)
    assert "4 initiatieven te beoordelen" in html
    assert "2 subsidieaanvragen te beslissen" in html
    assert "2 meldingen wachten op een besluit." in html
    assert reverse("initiatives:moderation_queue") in html
    assert reverse("admin:index") in html
    assert reverse("reports:dashboard") in html
    nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert ">Te beoordelen</a>" in nav
    assert ">Beheeromgeving</a>" in nav
    assert ">Teamwachtrij</a>" not in nav  # staff are in no area team


def test_venue_manager_sees_the_bookings_to_approve_per_venue(client, venue_manager, world):
    html = page(client, venue_manager)
    assert 'id="venue-management"' in html
    assert "2 boekingen om goed te keuren" in html
    assert reverse("venues:manage", args=[world["venue"].slug]) in html
    nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert ">Locatiebeheer</a>" in nav


# --- Queries ----------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 4])
def test_start_page_query_count_does_not_grow_with_the_data(
    client, django_assert_max_num_queries, place, staff, organiser, neighbour, venue_manager, n
):
    fill(
        place,
        n=n,
        staff=staff,
        organiser=organiser,
        neighbour=neighbour,
        venue_manager=venue_manager,
    )
    # Staff (every work panel) and a resident with things of their own in a wijk.
    for user, queries in ((staff, STAFF_QUERIES), (neighbour, NEIGHBOUR_QUERIES)):
        client.force_login(user)
        client.get(START)  # the session learns the roles once
        with django_assert_max_num_queries(queries):
            assert client.get(START).status_code == 200
