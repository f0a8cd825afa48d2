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
        **_exchange_and_activities(wijk, buurt, other, venue, organisation, running),
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


def _exchange_and_activities(wijk, buurt, other, venue, organisation, running) -> dict:
    """Listings, activities and a booking, with what the API must leave out of them."""
    import datetime as dt

    from django.utils import timezone

    from activities.models import Activity
    from exchange.models import Listing
    from tests.accounts.factories import UserFactory
    from tests.activities.factories import ActivityFactory, RegistrationFactory
    from tests.exchange.factories import (
        CategoryFactory,
        ConversationFactory,
        ListingFactory,
        MessageFactory,
    )
    from venues.services import booking_request

    owner = UserFactory(
        email="aanbieder@example.org", display_name="Annet Aanbieder", home_neighbourhood=buurt
    )
    tuin = CategoryFactory(name="Tuin", slug="tuin")
    offer = ListingFactory(
        owner=owner,
        title="Hulp bij snoeien",
        category=tuin,
        neighbourhood=buurt,
        description="Ik snoei je heg.",
    )
    request = ListingFactory(
        owner=owner,
        title="Wie leent een ladder?",
        direction=Listing.Direction.REQUEST,
        kind=Listing.Kind.LEND,
        neighbourhood=other,
    )
    paid = ListingFactory(
        owner=owner,
        title="Klusdienst",
        kind=Listing.Kind.PAID,
        organisation=organisation,
        price_info="25 euro per uur",
        neighbourhood=wijk,
    )
    withdrawn = ListingFactory(
        owner=owner,
        title="Ingetrokken aanbod",
        neighbourhood=buurt,
        status=Listing.Status.WITHDRAWN,
    )
    expired = ListingFactory(
        owner=owner,
        title="Verlopen aanbod",
        neighbourhood=buurt,
        expires_at=timezone.now() - dt.timedelta(days=1),
    )
    conversation = ConversationFactory(listing=offer, replier=UserFactory(display_name="Rik"))
    MessageFactory(conversation=conversation, body="Mijn adres is Kerkstraat 12")

    room = venue.rooms.get()
    day = timezone.localdate() + dt.timedelta(days=(2 - timezone.localdate().weekday()) % 7 + 14)
    booker = UserFactory(email="boeker@example.org", display_name="Bram Boeker")
    booking = booking_request(
        booker=booker,
        room=room,
        date=day,
        start_time=dt.time(19),
        end_time=dt.time(21),
        purpose="Geheime vergadering",
        attendees=10,
        booker_kind="initiative",
        booker_phone="0612345678",
    )[0]
    in_room = ActivityFactory(
        title="Yoga in de grote zaal",
        kind=Activity.Kind.SPORTS,
        neighbourhood=wijk,
        place=Activity.Place.ROOM,
        room=room,
        address="",
        organiser_kind=Activity.OrganiserKind.VENUE,
        organisation=None,
        venue=venue,
        capacity=10,
    )
    RegistrationFactory(activity=in_room, user=UserFactory(email="deelnemer@example.org"))
    at_organisation = ActivityFactory(
        title="Spreekuur", neighbourhood=buurt, organisation=organisation, address="Brink 1"
    )
    at_home = ActivityFactory(
        title="Buurtborrel",
        neighbourhood=buurt,
        organiser_kind=Activity.OrganiserKind.INITIATIVE,
        organisation=None,
        initiative=running,
        address="Thuisstraat 7, Assen",
        registration=Activity.Registration.NONE,
        capacity=None,
    )
    online = ActivityFactory(
        title="Online cursus",
        kind=Activity.Kind.COURSE,
        neighbourhood=other,
        place=Activity.Place.ONLINE,
        address="",
        online_link="https://meet.example.net/geheime-kamer",
        organisation=organisation,
    )
    cancelled = ActivityFactory(
        title="Afgelast feest",
        neighbourhood=buurt,
        status=Activity.Status.CANCELLED,
        organisation=organisation,
    )
    return {
        "owner": owner,
        "offer": offer,
        "request": request,
        "paid": paid,
        "withdrawn": withdrawn,
        "expired": expired,
        "booking": booking,
        "booker": booker,
        "booking_day": day,
        "in_room": in_room,
        "at_organisation": at_organisation,
        "at_home": at_home,
        "online": online,
        "cancelled": cancelled,
    }
