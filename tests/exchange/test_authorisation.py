"""Who may see and act on listings and conversations: every page and action x persona.

An open listing is public; a closed one is seen by its owner and the people who
replied. A conversation is seen by its two sides only. Everyone else gets 404;
anonymous visitors are sent to log in (a listing's page needs no login: 404). A
moderator (municipal staff moderate: a superuser with two-factor authentication) and
staff are no exception.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from exchange.matches import CreditMovement, CreditTransfer, Feedback, Match
from exchange.models import Block, Listing, Message

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "owner", "replier", "third", "moderator", "staff"]


@dataclass(frozen=True)
class Page:
    name: str
    obj: str  # "none", "open", "withdrawn", "conversation", "matched" (a done listing's)
    method: str = "get"
    data: dict = field(default_factory=dict)
    public: bool = False  # anonymous may see it
    who: frozenset = frozenset()  # personas who may
    login: bool = True  # anonymous visitors are sent to log in (else: 404 like outsiders)


EVERYONE = frozenset(PERSONAS) - {"anonymous"}
SIDES = frozenset({"owner", "replier"})
OWNER = frozenset({"owner"})

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
]


@pytest.fixture
def people(owner, replier, third, superuser, staff):
    return {
        "anonymous": None,
        "owner": owner,
        "replier": replier,
        "third": third,
        "moderator": superuser,
        "staff": staff,
    }


def _url(page: Page, objects: dict) -> str:
    if page.obj == "none":
        return reverse(f"exchange:{page.name}")
    return reverse(f"exchange:{page.name}", kwargs={"pk": objects[page.obj].pk})


def _state(objects) -> tuple:
    listings = tuple(Listing.objects.order_by("pk").values_list("status", "expires_at", "title"))
    reciprocity = tuple(
        model.objects.count() for model in (Match, Feedback, CreditTransfer, CreditMovement)
    )
    return listings, Message.objects.count(), Block.objects.count(), reciprocity


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.method}-{p.name}-{p.obj}")
def test_matrix(client, people, listing, withdrawn, conversation, matched, persona, page):
    user = people[persona]
    if user is not None:
        client.force_login(user)
    objects = {
        "open": listing,
        "withdrawn": withdrawn,
        "conversation": conversation,
        "matched": matched,
    }
    url = _url(page, objects)
    before = _state(objects)
    response = getattr(client, page.method)(url, page.data)
    allowed = page.public or persona in (page.who or ())
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
    assert len(PAGES) * len(PERSONAS) == 150


def test_outsiders_never_see_the_messages(client, people, conversation):
    for persona in ("third", "moderator", "staff"):
        client.force_login(people[persona])
        url = reverse("exchange:conversations")
        assert conversation not in client.get(url).context["page"].object_list
