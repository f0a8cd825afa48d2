"""Who may see and act on listings and conversations: every page and action x persona.

An open listing is public; a closed one is seen by its owner and the people who
replied. A conversation is seen by its two sides only. Everyone else gets 404;
anonymous visitors are sent to log in (a listing's page needs no login: 404). A
moderator (municipal staff with two-factor authentication), staff and a superuser are
no exception: a moderator reads a conversation only through an open report of a
message in it (logged), on the moderation pages, which are for staff alone (staff
without two-factor authentication are sent to set it up). A person the owner blocked
still sees the owner's public listing and may report it.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from exchange.matches import CreditMovement, CreditTransfer, Feedback, Match
from exchange.models import Block, ConversationAccess, Listing, ListingPhoto, Message, Report
from tests.accounts.factories import UserFactory, enable_totp

from .factories import MessageFactory, ReportFactory

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "owner",
    "replier",
    "third",
    "blocked",
    "moderator",
    "staff",
    "staff_without_mfa",
    "superuser",
]


@dataclass(frozen=True)
class Page:
    name: str
    # "none", "open", "withdrawn", "conversation", "matched" (a done listing's), "message",
    # "photo" (a photo of the open listing), "talked" (the withdrawn listing's
    # conversation, both sides wrote, no match)
    # (the replier's message), "report" (an open report of it), "mod_listing" and
    # "mod_message" (the reported listing and message, for the moderation actions)
    obj: str
    method: str = "get"
    data: dict = field(default_factory=dict)
    public: bool = False  # anonymous may see it
    who: frozenset = frozenset()  # personas who may
    login: bool = True  # anonymous visitors are sent to log in (else: 404 like outsiders)
    mfa: bool = False  # a view of a role: staff without two-factor are sent to set it up


EVERYONE = frozenset(PERSONAS) - {"anonymous"}
SIDES = frozenset({"owner", "replier"})
OWNER = frozenset({"owner"})
MODERATORS = frozenset({"moderator", "staff", "superuser"})
NOT_OWNER = EVERYONE - OWNER
REPORT = {"reason": "spam", "text": "Reclame"}

PAGES = [
    Page("list", "none", public=True),
    Page("detail", "open", public=True),
    Page("detail", "withdrawn", who=SIDES, login=False),
    Page("create", "none", who=EVERYONE),
    Page("mine", "none", who=EVERYONE),
    Page("conversations", "none", who=EVERYONE),
    Page("preferences", "none", who=EVERYONE),
    Page("edit", "open", who=OWNER),
    Page("edit", "withdrawn", who=OWNER),
    Page("status", "open", method="post", data={"to": "withdrawn"}, who=OWNER),
    Page("extend", "open", method="post", who=OWNER),
    Page("extend", "withdrawn", method="post", who=OWNER),
    Page("reply", "open", who=EVERYONE),
    Page("reply", "open", method="post", data={"body": "Kan ik helpen?"}, who=EVERYONE),
    Page("reply", "withdrawn", who=SIDES),
    Page("conversation", "conversation", who=SIDES),
    Page("conversation", "conversation", method="post", data={"body": "Hoi"}, who=SIDES),
    Page("block", "conversation", method="post", who=SIDES),
    Page("match", "conversation", method="post", who=SIDES),
    Page("credit", "matched", method="post", data={"hours": "1", "gave": "1"}, who=SIDES),
    Page("credit_confirm", "matched", method="post", who=SIDES),
    Page("credit_decline", "matched", method="post", who=SIDES),
    Page("feedback", "matched", who=SIDES),
    Page("feedback", "matched", method="post", data={"outcome": "yes"}, who=SIDES),
    Page("thanks", "matched", method="post", data={"shown": "1"}, who=SIDES),
    Page("feedback", "talked", who=SIDES),
    Page("feedback", "talked", method="post", data={"outcome": "partly"}, who=SIDES),
    Page("thanks", "talked", method="post", data={"shown": "1"}, who=SIDES),
    Page("photo_add", "open", who=OWNER),
    Page("photo_add", "open", method="post", data={"alt_text": "Ladder"}, who=OWNER),
    Page("photo_add", "withdrawn", who=OWNER),
    Page("photo_remove", "photo", method="post", who=OWNER),
    Page("report_listing", "open", who=NOT_OWNER),
    Page("report_listing", "open", method="post", data=REPORT, who=NOT_OWNER),
    Page("report_listing", "withdrawn", method="post", data=REPORT, who=frozenset({"replier"})),
    Page("report_message", "message", who=OWNER),
    Page("report_message", "message", method="post", data=REPORT, who=OWNER),
    Page("moderation", "none", who=MODERATORS, mfa=True),
    Page("moderation_conversation", "report", who=MODERATORS, mfa=True),
    Page("moderation_hide", "mod_listing", method="post", who=MODERATORS, mfa=True),
    Page("moderation_hide", "mod_message", method="post", who=MODERATORS, mfa=True),
    Page("moderation_dismiss", "mod_listing", method="post", who=MODERATORS, mfa=True),
    Page("moderation_dismiss", "mod_message", method="post", who=MODERATORS, mfa=True),
]


@pytest.fixture
def people(owner, replier, third, superuser, staff):
    blocked = UserFactory(email="geblokkeerd@example.org", display_name="Gijs")
    Block.objects.create(blocker=owner, blocked=blocked)
    moderator = UserFactory(email="moderator@example.org", display_name="Mo", is_staff=True)
    enable_totp(moderator)
    return {
        "anonymous": None,
        "owner": owner,
        "replier": replier,
        "third": third,
        "blocked": blocked,
        "moderator": moderator,
        "staff": staff,
        "staff_without_mfa": UserFactory(email="zonder-2fa@example.org", is_staff=True),
        "superuser": superuser,
    }


def _talked(withdrawn):
    talked = withdrawn.conversations.get()
    MessageFactory(conversation=talked, sender=talked.replier, body="Mag ik de ladder lenen?")
    MessageFactory(conversation=talked, sender=withdrawn.owner, body="Ja hoor.")
    return talked


def _url(page: Page, objects: dict) -> str:
    name = f"exchange:{page.name}"
    if page.obj == "none":
        return reverse(name)
    if page.obj == "message":
        message = objects["message"]
        return reverse(name, kwargs={"pk": message.conversation_id, "message_pk": message.pk})
    if page.obj == "photo":
        photo = objects["photo"]
        return reverse(name, kwargs={"pk": photo.listing_id, "photo_pk": photo.pk})
    if page.obj.startswith("mod_"):
        kind = page.obj.removeprefix("mod_")
        item = objects["open"] if kind == "listing" else objects["message"]
        return reverse(name, kwargs={"kind": kind, "item_pk": item.pk})
    return reverse(name, kwargs={"pk": objects[page.obj].pk})


def _state(objects) -> tuple:
    listings = tuple(
        Listing.objects.order_by("pk").values_list("status", "expires_at", "title", "hidden_at")
    )
    reciprocity = tuple(
        model.objects.count() for model in (Match, Feedback, CreditTransfer, CreditMovement)
    )
    moderation = (
        tuple(Report.objects.order_by("pk").values_list("pk", "handled_at")),
        tuple(Message.objects.order_by("pk").values_list("hidden_at", flat=True)),
        ConversationAccess.objects.count(),
    )
    photos = ListingPhoto.objects.count()
    return (
        listings,
        Message.objects.count(),
        Block.objects.count(),
        reciprocity,
        moderation,
        photos,
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.method}-{p.name}-{p.obj}")
def test_matrix(client, people, listing, withdrawn, conversation, matched, persona, page):
    user = people[persona]
    if user is not None:
        client.force_login(user)
    message = conversation.messages.get()  # the replier's
    ReportFactory(listing=listing)
    report = ReportFactory(listing=None, message=message, reporter=people["owner"])
    objects = {
        "open": listing,
        "withdrawn": withdrawn,
        "conversation": conversation,
        "matched": matched,
        "message": message,
        "report": report,
        "talked": _talked(withdrawn),
        "photo": ListingPhoto.objects.create(
            listing=listing, image="exchange/photos/x.jpg", thumbnail="exchange/thumbnails/x.jpg"
        ),
    }
    url = _url(page, objects)
    before = _state(objects)
    response = getattr(client, page.method)(url, page.data)
    allowed = page.public or persona in (page.who or ())
    if page.mfa and persona == "staff_without_mfa":
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
        assert _state(objects) == before
        return
    if allowed:
        assert response.status_code in (200, 302), (persona, url, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login/" not in response["Location"]
        return
    if persona == "anonymous" and page.login:
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404, (persona, url, response.status_code)
    assert _state(objects) == before  # nothing changed


def test_matrix_size():
    assert len(PAGES) * len(PERSONAS) == 387


def test_matrix_covers_every_exchange_url_with_an_id():
    from exchange.urls import urlpatterns

    with_id = {p.name for p in urlpatterns if "<" in str(p.pattern)}
    assert with_id <= {page.name for page in PAGES}


def test_reading_a_reported_conversation_is_logged_for_each_moderator(
    client, people, conversation
):
    message = conversation.messages.get()
    report = ReportFactory(listing=None, message=message, reporter=people["owner"])
    url = reverse("exchange:moderation_conversation", kwargs={"pk": report.pk})
    for persona in ("moderator", "staff", "superuser"):
        client.force_login(people[persona])
        assert client.get(url).status_code == 200
    assert list(ConversationAccess.objects.order_by("pk").values_list("user", flat=True)) == [
        people[p].pk for p in ("moderator", "staff", "superuser")
    ]


def test_outsiders_never_see_the_messages(client, people, conversation):
    for persona in ("third", "blocked", "moderator", "staff", "superuser"):
        client.force_login(people[persona])
        url = reverse("exchange:conversations")
        assert conversation not in client.get(url).context["page"].object_list
