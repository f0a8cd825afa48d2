"""A small city for the API tests: public items, and items the API must never show."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def city(db, staff):
    """Published and hidden things in one wijk with one buurt; returns them by name."""
    from helprequests.models import HelpRequest  # noqa: F401 (the model exists)
    from initiatives.models import Status
    from initiatives.services.moderation import moderation_hide
    from tests.accounts.factories import UserFactory
    from tests.helprequests.factories import file_request
    from tests.initiatives.factories import make_initiative
    from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory, WijkFactory
    from tests.venues.factories import RoomFactory, VenueFactory
    from tests.volunteers.factories import ShiftFactory, TaskFactory
    from volunteers.models import Task
    from volunteers.services.next_shift import tasks_next_shift_refresh

    square = {
        "type": "Polygon",
        "coordinates": [[[6.5, 53.0], [6.6, 53.0], [6.6, 52.9], [6.5, 53.0]]],
    }
    wijk = WijkFactory(code="WK010601", name="Centrum", slug="centrum", boundary=square)
    buurt = BuurtFactory(code="BU01060101", name="Brink", slug="brink", wijk=wijk, boundary=square)
    other = BuurtFactory(code="BU01069901", name="Elders", slug="elders")
    organiser = UserFactory(
        email="organisator@example.org", display_name="Olga", home_neighbourhood=buurt
    )
    running = make_initiative(
        by=organiser,
        neighbourhood=buurt,
        status=Status.PUBLISHED,
        reviewer=staff,
        title="Moestuin aan de Brink",
    )
    completed = make_initiative(
        neighbourhood=other, status=Status.COMPLETED, reviewer=staff, title="Bankjes"
    )
    draft = make_initiative(neighbourhood=buurt, title="Geheim plan")
    hidden = make_initiative(
        neighbourhood=buurt, status=Status.PUBLISHED, reviewer=staff, title="Verborgen plan"
    )
    moderation_hide(item=hidden, by=staff, reason="Persoonsgegevens")
    task = TaskFactory(title="Onkruid wieden", neighbourhood=buurt, initiative=running)
    shift = ShiftFactory(task=task, places=4)
    private = TaskFactory(
        title="Boodschappen voor een buur",
        neighbourhood=buurt,
        initiative=running,
        is_private=True,
    )
    ShiftFactory(task=private)
    draft_task = TaskFactory(
        title="Nog niet open", neighbourhood=buurt, initiative=running, status=Task.Status.DRAFT
    )
    ShiftFactory(task=draft_task)
    tasks_next_shift_refresh(task_ids=[task.pk, private.pk, draft_task.pk])
    venue = VenueFactory(
        name="Buurthuis De Brink",
        slug="de-brink",
        neighbourhood=wijk,
        contact_email="beheer@example.org",
        contact_phone="+31592123456",
    )
    RoomFactory(venue=venue, name="Grote zaal", projector=True)
    VenueFactory(name="Oud gebouw", slug="oud-gebouw", neighbourhood=wijk, is_published=False)
    organisation = OrganisationFactory(
        name="Welzijn Centrum",
        slug="welzijn-centrum",
        neighbourhoods=[buurt],
        phone="+31592654321",
        email="info@welzijn.example.org",
        address="Brink 1, Assen",
    )
    OrganisationFactory(name="Niet goedgekeurd", slug="niet-goedgekeurd", is_approved=False)
    requester = UserFactory(email="hulpvrager@example.org", display_name="Henk")
    help_request = file_request(requester, buurt)
    return {
        "wijk": wijk,
        "buurt": buurt,
        "other": other,
        "organiser": organiser,
        "running": running,
        "completed": completed,
        "draft": draft,
        "hidden": hidden,
        "task": task,
        "shift": shift,
        "private": private,
        "draft_task": draft_task,
        "venue": venue,
        "organisation": organisation,
        "requester": requester,
        "help_request": help_request,
    }
