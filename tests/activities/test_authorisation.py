"""Who may see and act on an activity: every page and action x persona.

An activity, its list, its calendar file and a wijk's feed are public. Only its
organisers change or cancel it, see the registrant list, check people in at the door,
write to the registrants and report afterwards; everyone else gets 404 there (also
the venue's manager when the activity is someone else's, staff and a superuser);
anonymous visitors are sent to log in.
Registering and "Mijn activiteiten" need an account; only the registrant cancels
their registration. A personal feed opens with its signed token only.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from activities.models import Activity, Registration

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "registrant",
    "resident",
    "organiser",
    "co_organiser",
    "venue_manager",
    "staff",
    "superuser",
]
LOGGED_IN = frozenset(PERSONAS) - {"anonymous"}
ORGANISERS = frozenset({"organiser", "co_organiser"})


@dataclass(frozen=True)
class Page:
    name: str
    method: str = "get"
    public: bool = False
    who: frozenset = frozenset()


PAGES = [
    Page("list", public=True),
    Page("detail", public=True),
    Page("calendar", public=True),
    Page("create", who=LOGGED_IN),
    Page("edit", who=ORGANISERS),
    Page("cancel", who=ORGANISERS),
    Page("cancel", method="post", who=ORGANISERS),
    Page("registrations", who=ORGANISERS),
    Page("register", method="post", who=LOGGED_IN),
    Page("unregister", method="post", who=frozenset({"registrant"})),
    Page("check_in", who=ORGANISERS),
    Page("check_in", method="post", who=ORGANISERS),
    Page("mine", who=LOGGED_IN),
    Page("wijk_calendar", public=True),
    Page("message", method="post", who=ORGANISERS),
    Page("report", who=ORGANISERS),
    Page("report", method="post", who=ORGANISERS),
]
WITHOUT_PK = {"list", "create", "mine"}


@pytest.fixture
def people(registrant, resident, organiser, venue_manager, staff, superuser, organisation):
    from tests.accounts.factories import UserFactory

    co_organiser = UserFactory(email="mede@example.org", display_name="Mees")
    organisation.members.add(co_organiser)
    return {
        "anonymous": None,
        "registrant": registrant,
        "resident": resident,
        "organiser": organiser,
        "co_organiser": co_organiser,
        "venue_manager": venue_manager,
        "staff": staff,
        "superuser": superuser,
    }


def _url(page: Page, activity: Activity) -> str:
    if page.name in WITHOUT_PK:
        return reverse(f"activities:{page.name}")
    if page.name == "wijk_calendar":
        return reverse(
            f"activities:{page.name}", kwargs={"slug": activity.neighbourhood.wijk.slug}
        )
    return reverse(f"activities:{page.name}", kwargs={"pk": activity.pk})


def _allowed(response) -> bool:
    if response.status_code == 200:
        return True
    return response.status_code == 302 and "/accounts/" not in response["Location"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.method}-{p.name}")
@pytest.mark.parametrize("persona", PERSONAS)
def test_matrix(client, page, persona, people, activity, venue):
    # The activity is in the manager's building, but not theirs to organise.
    activity.venue = None
    activity.save()
    if people[persona] is not None:
        client.force_login(people[persona])
    response = getattr(client, page.method)(_url(page, activity))
    if page.public:
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    elif persona in page.who:
        assert _allowed(response), response.status_code
    else:
        assert response.status_code == 404


def test_matrix_size():
    assert len(PAGES) * len(PERSONAS) == 136


def test_registrant_list_shows_contact_details_only_to_organisers(
    client, activity, registrant, organiser, resident
):
    client.force_login(organiser)
    page = client.get(reverse("activities:registrations", kwargs={"pk": activity.pk}))
    assert registrant.email in page.content.decode()
    assert "Dirk" in page.content.decode()
    client.force_login(resident)
    detail = client.get(reverse("activities:detail", kwargs={"pk": activity.pk}))
    assert registrant.email not in detail.content.decode()
    assert "Dirk" not in detail.content.decode()


def test_online_link_only_for_registered_people(client, activity, registrant, resident):
    activity.place = Activity.Place.ONLINE
    activity.online_link = "https://meet.example.org/koffie"
    activity.save()
    url = reverse("activities:detail", kwargs={"pk": activity.pk})
    ics = reverse("activities:calendar", kwargs={"pk": activity.pk})
    assert "meet.example.org" not in client.get(url).content.decode()
    client.force_login(resident)
    assert "meet.example.org" not in client.get(url).content.decode()
    assert b"meet.example.org" not in client.get(ics).content
    client.force_login(registrant)
    assert "meet.example.org" in client.get(url).content.decode()
    assert b"meet.example.org" in client.get(ics).content


def test_waiting_list_person_does_not_see_the_online_link(client, activity, resident):
    activity.place = Activity.Place.ONLINE
    activity.online_link = "https://meet.example.org/koffie"
    activity.save()
    Registration.objects.create(activity=activity, user=resident, status="waiting")
    client.force_login(resident)
    page = client.get(reverse("activities:detail", kwargs={"pk": activity.pk}))
    assert "meet.example.org" not in page.content.decode()


def test_unknown_activity_is_404(client, resident):
    client.force_login(resident)
    assert client.get(reverse("activities:detail", kwargs={"pk": 999999})).status_code == 404
    assert client.get(reverse("activities:edit", kwargs={"pk": 999999})).status_code == 404


def test_personal_feed_opens_only_with_its_signed_token(client, activity, registrant, resident):
    from activities.calendars import feed_token

    url = reverse("activities:personal_calendar", kwargs={"token": feed_token(registrant)})
    response = client.get(url)
    assert response.status_code == 200
    assert b"SUMMARY:Koffieochtend Pittelo" in response.content
    forged = feed_token(resident)[:-3] + "abc"
    assert client.get(url.replace(feed_token(registrant), forged)).status_code == 404
    # A token of another signing purpose (the same key, another salt) opens nothing.
    from django.core import signing

    other = signing.dumps(registrant.pk, salt="notifications.unsubscribe")
    bad = reverse("activities:personal_calendar", kwargs={"token": other})
    assert client.get(bad).status_code == 404
    registrant.is_active = False
    registrant.save()
    assert b"Koffieochtend" not in client.get(url).content
