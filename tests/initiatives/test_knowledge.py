"""The knowledge section (/initiatieven/kennis/): completed initiatives share how they
did it, from the accountability report or news posted at or after completion."""

from decimal import Decimal

import pytest
from django.urls import reverse

from initiatives.models import Initiative, Status, Theme
from initiatives.services import (
    accountability_report_save,
    initiative_transition,
    initiative_update_post,
    moderation_hide,
)
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import image_upload, make_initiative
from tests.neighbourhoods.factories import BuurtFactory

pytestmark = pytest.mark.django_db

URL = "/initiatieven/kennis/"


def completed_with_report(organiser, staff, *, title="Jeu de boules", submit=True, **fields):
    initiative = make_initiative(
        by=organiser, status=Status.COMPLETED, reviewer=staff, title=title, **fields
    )
    accountability_report_save(
        initiative=initiative,
        by=organiser,
        what_was_done="Een baan aangelegd.",
        how_we_did_it=f"Tip van {title}: begin klein.",
        costs=[("Gravel", Decimal("100.00"))],
        photos=[image_upload("baan.jpg", size=(40, 30))],
        submit=submit,
    )
    return initiative


def test_shows_how_we_did_it_from_the_report_and_from_closing_news(client, organiser, staff):
    completed_with_report(organiser, staff)
    with_news = make_initiative(
        by=organiser, status=Status.PUBLISHED, reviewer=staff, title="Buurtfeest"
    )
    initiative_update_post(initiative=with_news, by=organiser, text="Oud nieuws van eerder.")
    initiative_transition(initiative=with_news, to_status=Status.COMPLETED, by=organiser)
    initiative_update_post(initiative=with_news, by=organiser, text="Zo deden we het feest.")

    page = client.get(URL).content.decode()

    assert "Tip van Jeu de boules: begin klein." in page
    assert "Zo deden we het feest." in page
    assert "Oud nieuws van eerder." not in page
    assert "Gravel" not in page  # the costs are not public
    assert reverse("initiatives:copy", args=[with_news.pk]) not in page  # anonymous: log in
    assert "Log in om dit in je eigen buurt te beginnen" in page


def test_lists_only_completed_public_initiatives_that_share_something(client, organiser, staff):
    completed_with_report(organiser, staff, title="Met verslag")
    completed_with_report(organiser, staff, title="Alleen concept", submit=False)
    make_initiative(by=organiser, status=Status.COMPLETED, reviewer=staff, title="Zwijgzaam")
    running = make_initiative(
        by=organiser, status=Status.PUBLISHED, reviewer=staff, title="Loopt nog"
    )
    initiative_update_post(initiative=running, by=organiser, text="Tip van Loopt nog")
    hidden = completed_with_report(organiser, staff, title="Verborgen")
    moderation_hide(item=hidden, by=staff, reason="Persoonsgegevens in de tekst.")

    response = client.get(URL)

    titles = [entry.initiative.title for entry in response.context["entries"]]
    assert titles == ["Met verslag"]


def test_filters_by_theme_and_neighbourhood(client, organiser, staff):
    pittelo = BuurtFactory(name="Pittelo", slug="pittelo")
    completed_with_report(organiser, staff, title="Boules", theme=Theme.SPORT)
    completed_with_report(
        organiser, staff, title="Moestuin", theme=Theme.GREEN, neighbourhood=pittelo
    )

    def titles(**params):
        response = client.get(URL, params)
        return sorted(entry.initiative.title for entry in response.context["entries"])

    assert titles() == ["Boules", "Moestuin"]
    assert titles(theme="sport") == ["Boules"]
    assert titles(neighbourhood="pittelo") == ["Moestuin"]
    assert titles(neighbourhood=pittelo.wijk.slug) == ["Moestuin"]  # a wijk holds its buurten
    assert titles(theme="sport", neighbourhood="pittelo") == []


def test_start_this_in_my_neighbourhood_from_the_knowledge_section(client, organiser, staff):
    original = completed_with_report(organiser, staff)
    neighbour = UserFactory()
    client.force_login(neighbour)
    copy_url = reverse("initiatives:copy", args=[original.pk])
    assert copy_url in client.get(URL).content.decode()

    response = client.post(copy_url)

    copy = Initiative.objects.get(memberships__user=neighbour)
    assert response.status_code == 302
    assert copy.copied_from == original
    assert copy.status == Status.DRAFT


def test_list_and_home_pages_link_to_the_knowledge_section(client):
    assert URL in client.get(reverse("initiatives:list")).content.decode()
    assert URL in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("size", [1, 3])
def test_knowledge_runs_a_fixed_number_of_queries(
    size, client, organiser, staff, django_assert_num_queries
):
    for n in range(4 * size):
        completed_with_report(organiser, staff, title=f"Klaar {n}")
    for n in range(size):
        done = make_initiative(
            by=organiser,
            status=Status.COMPLETED,
            reviewer=staff,
            title=f"Nieuws {n}",
            photos=[image_upload(f"n{n}.jpg", size=(40, 30))],
        )
        initiative_update_post(initiative=done, by=organiser, text=f"Zo ging het {n}.")
    client.force_login(UserFactory())
    # session, user, unread count; count, neighbourhood choices, initiatives, their
    # photos, their reports' photos
    with django_assert_num_queries(8):
        response = client.get(URL, {"theme": "green"})
    assert len(response.context["entries"]) == min(12, 5 * size)


def test_demo_data_fills_the_knowledge_section_once(client):
    import io

    from initiatives import demo
    from initiatives.models import AccountabilityReport
    from tests.neighbourhoods.factories import WijkFactory

    WijkFactory(name="Assen-West")
    demo.seed(out=io.StringIO())
    demo.seed(out=io.StringIO())  # idempotent

    assert AccountabilityReport.objects.count() == len(demo.accountability.REPORTS) == 3
    report = AccountabilityReport.objects.get(initiative__title="Jeu de boulesbaan Pittelo")
    assert report.status == "accepted"
    titles = [entry.initiative.title for entry in client.get(URL).context["entries"]]
    # newest completion first; the third report still waits for review but is public
    assert titles == [
        "AED-netwerk Ubbena en Rhee",
        "Kerstmarkt Vredeveld",
        "Jeu de boulesbaan Pittelo",
    ]
