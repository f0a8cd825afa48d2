"""Every URL that names one object is guarded: walk them all, as an outsider and as a
superuser (the flag alone, no staff role, no team).

The URL patterns are read from the resolver, so a new page with an id or slug in its
path is in this test the day it is added: it must be in ``OBJECTS`` (which object to
ask for) or in ``NOT_PRIVATE`` (with the reason it names nothing private). Each page
is asked for an existing private object of someone else: a help request of team A's
wijk, a draft initiative, an unpublished community building, a booking, a hand-over
and its private task, a sign-up, invitations. The answer must be 404 and, unless the
page is scoped to the user by its query (``SCOPED``), a django-rules permission must
have been asked about an object on the way: the access helper or a rule guards it.
"""

import datetime as dt
import re

import pytest
import rules
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from initiatives.models import OrganiserInvitation, Status
from mijnbuurt.notifications.models import Notification
from reports.models import Experiment
from tests.activities.factories import ActivityFactory
from tests.exchange.factories import (
    ConversationFactory,
    ListingFactory,
    MessageFactory,
    ReportFactory,
)
from tests.helprequests.conftest import area, covered_request, volunteer  # noqa: F401
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import OrganisationFactory
from tests.venues.factories import RoomFactory, VenueFactory
from tests.volunteers.conftest import handover  # noqa: F401
from tests.volunteers.factories import ShiftFactory, TaskFactory
from venues.models import Booking
from volunteers.models import OffShiftHours, TaskInvitation, TrustedVolunteer
from volunteers.services import shift_sign_up

pytestmark = pytest.mark.django_db

# Routes whose parameter is not a private object, and why.
NOT_PRIVATE = {
    "neighbourhoods:detail": "a wijk or buurt: public geography",
    "neighbourhoods:layer": "a map layer: each layer lists only public objects",
    "venues:room_calendar": "a secret token in the URL is the key (renewable)",
    "venues:user_calendar": "a secret token in the URL is the key (renewable)",
    "volunteers:agenda_calendar": "a secret token in the URL is the key (renewable)",
    "notifications:unsubscribe": "a signed token names the person; it only unsubscribes",
    "account_confirm_email": "allauth: a signed key",
    "account_reset_password_from_key": "allauth: a signed key",
    "openid_connect_login": "allauth: the identity provider's id (from the settings)",
    "openid_connect_callback": "allauth: the identity provider's id (from the settings)",
    "reports:export": "a report name and a format; staff only, figures without persons",
    "reports:pilot": "a pilot (proef); staff only (admin_view), figures without persons",
    "reports:pilot_note": "adds a note to a pilot; staff only (admin_view)",
    "reports:pilot_export": "a pilot's figures; staff only (admin_view), without persons",
    "": "unnamed: the admin's redirects to its change pages (staff only)",
    "activities:detail": "an activity is public",
    # The public API reads published or approved objects only (tests/api).
    "api:initiative_detail": "public API: running and completed initiatives only",
    "api:task_detail": "public API: open, non-private tasks only",
    "api:venue_detail": "public API: published community buildings only",
    "api:organisation_detail": "public API: approved organisations only",
    "api:wijk_detail": "public API: a wijk, public geography",
    "api:buurt_detail": "public API: a buurt, public geography",
    "api:listing_detail": "public API: the exchange's public list only (open, not hidden)",
    "api:activity_detail": "public API: planned activities that have not ended only",
    "api:venue_occupancy": "public API: busy stretches of a published building, no bookers",
    "api:not_found": "public API: any other path under /api/ is a 404",
    "activities:calendar": "an activity's calendar file is public (the online link: rules)",
    "activities:register": "every resident may register for a public activity",
    "buurtbudget:detail": "a budget round is public",
    "buurtbudget:proposals": "a budget round's proposals are public",
    "buurtbudget:proposal": "a proposal is public (with the reason if not feasible)",
    "buurtbudget:results": "a budget round's results are public",
    "buurtbudget:propose": "every resident may propose a project in a public round",
    "buurtbudget:code": "every resident may enter a letter code for a public round",
    "buurtbudget:ballot": "the user's own ballot in a public round (without a code: the "
    "code page); a project is chosen only from the voter's own (tests/buurtbudget)",
    "buurtbudget:cast": "casts the user's own ballot in a public round (tests/buurtbudget)",
    "activities:wijk_calendar": "a wijk's feed of its public activities: public geography",
    "activities:personal_calendar": "a signed token names the person (activities.calendars)",
    "media": "an uploaded file by its name; the object holding it is checked by its rule "
    "(mijnbuurt.core.media, tests/core/test_media.py)",
}

# Pages that find their object only among the user's own (a query scoped to the user),
# or staff tools that exist for no one else: no per-object rule is needed, the 404 is.
SCOPED = {
    "notifications:open": "the user's own notifications",
    "volunteers:invitation": "the user's own task invitations",
    "volunteers:signup_cancel": "the user's own sign-ups",
    "volunteers:signup_hours": "the user's own sign-ups",
    "volunteers:trusted_remove": "trusted volunteers of the user's own teams",
    "initiatives:invitation_respond": "invitations to the user's own e-mail address",
    "initiatives:moderation_hide": "moderation is for staff only",
    "initiatives:moderation_restore": "moderation is for staff only",
    "initiatives:moderation_dismiss": "moderation is for staff only",
    "initiatives:user_block": "moderation is for staff only",
    "exchange:moderation_hide": "moderation is for staff only",
    "exchange:moderation_dismiss": "moderation is for staff only",
}


def object_routes():
    """(name, route) of every URL pattern with a parameter, outside the admin."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = namespace + (pattern.name or "") if pattern.name else ""
                yield name, prefix + str(pattern.pattern)

    for name, route in walk(get_resolver().url_patterns):
        if ("<" in route or "(?P<" in route) and not name.startswith("admin:"):
            yield name, route


@pytest.fixture
def world(area, covered_request, handover, organiser, venue_manager, resident, volunteer):  # noqa: F811
    """Private objects of other people, by the kind of object a URL names."""
    draft = make_initiative(by=organiser, neighbourhood=area["a"], status=Status.DRAFT)
    venue = VenueFactory(is_published=False, managers=[venue_manager], neighbourhood=area["a"])
    room = RoomFactory(venue=venue)
    shift = ShiftFactory(task=TaskFactory(status="draft"))
    booking = Booking.objects.create(
        room=room,
        booker=resident,
        start=shift.starts_at,
        end=shift.ends_at,
        purpose="Verjaardag",
        attendees=10,
        booker_kind=Booking.BookerKind.INITIATIVE,
        price=0,
    )
    public_shift = ShiftFactory()
    signup = shift_sign_up(shift=public_shift, volunteer=volunteer)
    invitation = TaskInvitation.objects.create(task=public_shift.task, volunteer=volunteer)
    trusted = TrustedVolunteer.objects.create(team=covered_request.team, volunteer=volunteer)
    off_shift = OffShiftHours.objects.create(
        task=public_shift.task,
        volunteer=volunteer,
        date=timezone.localdate(),
        hours=2,
        description="Flyers rondgebracht",
    )
    conversation = ConversationFactory(listing__owner=organiser, replier=volunteer)
    reported = MessageFactory(conversation=conversation)
    return {
        "help_request": covered_request.pk,
        "handover": handover.pk,
        "private_task": handover.task_id,
        "initiative": draft.pk,
        "organiser_invitation": OrganiserInvitation.objects.create(
            initiative=draft, email="iemand@example.org", invited_by=organiser
        ).pk,
        "venue": venue.slug,
        "room": room.pk,
        "booking": booking.pk,
        "shift": shift.pk,
        "signup": signup.pk,
        "task_invitation": invitation.pk,
        "trusted": trusted.pk,
        "off_shift_hours": off_shift.pk,
        "organisation": OrganisationFactory(is_approved=False).slug,
        "notification": Notification.objects.create(
            recipient=resident, kind="help_message", context={}
        ).pk,
        "user": resident.pk,
        "listing": ListingFactory(owner=organiser, status="withdrawn").pk,
        "conversation": conversation.pk,
        "exchange_report": ReportFactory(listing=None, message=reported, reporter=organiser).pk,
        "activity": ActivityFactory(created_by=organiser).pk,
        "experiment": Experiment.objects.create(
            name="Proef",
            slug="proef",
            question="?",
            start_date=dt.date(2025, 1, 1),
            end_date=dt.date(2025, 1, 31),
            indicators=["help_requests"],
        ).slug,
    }


# Which object each parameter names, by the route's beginning (first match wins).
OBJECTS = [
    (r"^(team/)?hulpvragen/<int:pk>", {"pk": "help_request"}),
    (r"^vrijwilligerswerk/overdragen/<int:request_pk>", {"request_pk": "help_request"}),
    (r"^vrijwilligerswerk/overdrachten/<int:pk>", {"pk": "handover"}),
    (r"^vrijwilligerswerk/taken/<int:pk>", {"pk": "private_task"}),
    (r"^vrijwilligerswerk/diensten/<int:pk>", {"pk": "shift"}),
    (r"^vrijwilligerswerk/aanmeldingen/<int:pk>", {"pk": "signup"}),
    (r"^vrijwilligerswerk/uitnodigingen/<int:pk>", {"pk": "task_invitation"}),
    (r"^vrijwilligerswerk/gebiedsteams/vertrouwd/<int:pk>", {"pk": "trusted"}),
    (r"^vrijwilligerswerk/uren-buiten-diensten/<int:pk>", {"pk": "off_shift_hours"}),
    (r"^initiatieven/uitnodigingen/", {"invitation_pk": "organiser_invitation"}),
    (r"^initiatieven/moderatie/personen/", {"user_pk": "user"}),
    (r"^initiatieven/moderatie/", {"kind": "initiative", "item_pk": "initiative"}),
    (r"^initiatieven/<int:pk>", {"pk": "initiative"}),
    (r"^locaties/boekingen/<int:pk>", {"pk": "booking"}),
    (r"^locaties/<slug:slug>", {"slug": "venue"}),
    (r"^sociale-kaart/<slug:slug>", {"slug": "organisation"}),
    (r"^profiel/meldingen/<int:pk>", {"pk": "notification"}),
    (r"^vraag-en-aanbod/moderatie/meldingen/<int:pk>", {"pk": "exchange_report"}),
    (r"^vraag-en-aanbod/moderatie/", {"kind": "listing", "item_pk": "listing"}),
    (r"^vraag-en-aanbod/gesprekken/<int:pk>", {"pk": "conversation"}),
    (r"^vraag-en-aanbod/<int:pk>", {"pk": "listing"}),
    (r"^activiteiten/<int:pk>", {"pk": "activity"}),
    (r"^proeven/<slug:slug>", {"slug": "experiment"}),
]
# Second parameters below an object already named (a photo of the initiative, a room of
# the venue): any number does, since the first object is checked first.
NESTED = {"grant_pk", "photo_pk", "evidence_pk", "comment_pk", "item_pk", "message_pk", "pk"}


def kwargs_for(route: str, world: dict) -> dict:
    for prefix, params in OBJECTS:
        if re.match(prefix, route):
            values = {key: world.get(value, value) for key, value in params.items()}
            for param in re.findall(r"<(?:\w+:)?(\w+)>", route):
                values.setdefault(param, world["room"] if param in NESTED else None)
            return values
    raise AssertionError(f"{route}: say in OBJECTS which object it names, or in NOT_PRIVATE")


def test_every_route_with_a_parameter_is_accounted_for():
    for name, route in object_routes():
        if name in NOT_PRIVATE:
            continue
        kwargs_for(route, dict.fromkeys(["room"], 1) | _any_world())


def _any_world() -> dict:
    keys = {value for _prefix, params in OBJECTS for value in params.values()}
    return dict.fromkeys(keys, 1)


@pytest.fixture
def asked(monkeypatch):
    """The per-object permissions asked during a request."""
    questions = []
    real = rules.has_perm

    def recording(name, *args, **kwargs):
        if len(args) > 1 and args[1] is not None:
            questions.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(rules, "has_perm", recording)
    return questions


@pytest.fixture
def superuser_flag_only(db):
    """A superuser who holds no role: what the flag opens by itself (nothing)."""
    from tests.accounts.factories import UserFactory, enable_totp

    user = UserFactory(email="vlag@example.org", is_superuser=True)
    enable_totp(user)
    return user


@pytest.mark.parametrize("persona", ["outsider", "superuser_flag_only"])
def test_every_object_url_answers_404_to_people_it_is_not_for(
    request, client, world, asked, persona
):
    from django.urls import reverse

    client.force_login(request.getfixturevalue(persona))
    checked = 0
    for name, route in object_routes():
        if name in NOT_PRIVATE:
            continue
        kwargs = kwargs_for(route, world)
        url = reverse(name, kwargs=kwargs)
        asked.clear()
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url, {})
        assert response.status_code == 404, (name, url, response.status_code)
        if name not in SCOPED:
            assert asked, f"{name}: no per-object rule was asked ({url})"
        checked += 1
    assert checked >= 75
