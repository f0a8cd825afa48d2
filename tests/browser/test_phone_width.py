"""Every key page of every role fits a 375 px wide phone.

A page wider than the screen makes a phone user scroll sideways to read each line or
reach a button. The document may never be wider than the viewport, and no element may
stick out past the right edge, unless it sits inside a box that scrolls (or clips) on
its own, such as a table in a wrapper with ``overflow-x: auto``.

One browser and one phone-sized context per person keep the ~60 page loads fast; each
person's session is made by the test client (logging in through the form is covered
by the flows' own browser tests).

Tables people act on (the team queue, a venue's week view, the venue manager's tables)
become a list of cards on a phone: each row's action is on screen without scrolling
sideways, and the table keeps its headers for assistive technology.
"""

import datetime as dt
import os

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from initiatives.models import Status
from initiatives.services.moderation import comment_post, content_report
from neighbourhoods.models import AreaTeam
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.helprequests.factories import file_request
from tests.initiatives.factories import make_budget_line, make_initiative
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory, WijkFactory
from tests.venues.factories import RoomFactory, VenueFactory
from tests.volunteers.factories import (
    ShiftFactory,
    TaskFactory,
    TaskKindFactory,
    VolunteerProfileFactory,
    in_days,
    signup_in_the_past,
)
from venues.models import Booking
from venues.services.bookings import booking_request
from volunteers.models import TaskInvitation
from volunteers.services import shift_sign_up
from volunteers.services.handover import handover_confirm, handover_create, handover_invite
from volunteers.services.invitations import task_invitation_answer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("PHONE_SHOTS", "")  # a folder: keep a screenshot of every page
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
# A Dutch compound as long as real ones get: it must wrap, not push the page wider.
LONG_WORD = "Buurtmoestuinonderhoudsvrijwilligersbijeenkomst"

# The document's width, and every visible element whose right edge passes the
# viewport's, leaving out those inside a box that scrolls or clips horizontally.
MEASURE = """() => {
  const width = window.innerWidth;
  const contained = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if (overflow !== "visible") return true;
    }
    return false;
  };
  const sticking = [];
  for (const el of document.body.querySelectorAll("*")) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) continue;
    if (getComputedStyle(el).visibility === "hidden" || contained(el)) continue;
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + (el.className && typeof el.className === "string"
         ? "." + el.className.trim().split(/\\s+/).join(".") : "");
    sticking.push({el, text: `${name} to ${Math.round(rect.right)}px`});
  }
  // Name the innermost culprits, not every box around them.
  const innermost = sticking.filter(
    (a) => !sticking.some((b) => b.el !== a.el && a.el.contains(b.el)));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: width,
    sticking: innermost.slice(0, 5).map((s) => s.text),
  };
}"""


@pytest.fixture
def world(db, resident, professional_a, staff, venue_manager):
    """One of everything a key page shows, built as people would build it."""
    wijk = WijkFactory(name="Assen-Oost", slug="assen-oost")
    buurt = BuurtFactory(wijk=wijk, name="Lariks", slug="lariks")
    BuurtFactory(wijk=wijk, name="Kloosterveen", slug="kloosterveen")
    AreaTeam.objects.get(name="Gebiedsteam A").neighbourhoods.set([wijk])
    OrganisationFactory(name=f"Stichting {LONG_WORD}")

    initiative = make_initiative(
        by=resident, neighbourhood=buurt, status=Status.PUBLISHED, title=LONG_WORD
    )
    submitted = make_initiative(neighbourhood=buurt, status=Status.SUBMITTED)
    make_budget_line()

    task = TaskFactory(
        title=f"{LONG_WORD} voorbereiden", neighbourhood=buurt, initiative=initiative
    )
    for days in (3, 4, 10):
        ShiftFactory(task=task, starts_at=in_days(days, 9), ends_at=in_days(days, 12))
    shift_sign_up(shift=task.shifts.first(), volunteer=resident)
    signup_in_the_past(shift=ShiftFactory(task=task), volunteer=resident)

    venue = VenueFactory(
        name="Buurthuis De Lariks", slug="de-lariks", neighbourhood=wijk, managers=[venue_manager]
    )
    room = RoomFactory(venue=venue, name="Grote zaal")
    RoomFactory(venue=venue, name="Keuken")
    day = in_days(9).date()
    [booking] = booking_request(
        booker=resident,
        room=room,
        date=day,
        start_time=dt.time(19),
        end_time=dt.time(21),
        purpose=f"{LONG_WORD} met koffie",
        attendees=20,
        booker_kind=Booking.BookerKind.INITIATIVE,
        initiative=initiative,
        booker_phone="06 12345678",
    )

    help_request = file_request(
        resident,
        buurt,
        description=f"{LONG_WORD}: mijn buurman kan na zijn val niet meer zelf "
        "boodschappen doen en zoekt iemand die twee keer per week helpt.",
    )
    # A reported comment for the moderators' queue.
    comment = comment_post(
        initiative=initiative, by=venue_manager, body=f"{LONG_WORD}? Kom naar de kraam!"
    )
    content_report(item=comment, by=resident, reason="spam", text=LONG_WORD)

    # A second request handed to a volunteer, who accepted, signed up and was confirmed.
    volunteer = VolunteerProfileFactory(
        user=UserFactory(email="vrijwilliger@example.org", display_name="Vera")
    ).user
    volunteer.volunteer_profile.neighbourhoods.set([buurt])
    handover = handover_create(
        help_request=file_request(resident, buurt),
        by=professional_a,
        kind=TaskKindFactory(name="Boodschappen", slug="boodschappen"),
        title=f"{LONG_WORD} in de Lariks",
        description="Eens per week samen boodschappen doen bij de supermarkt om de hoek.",
        starts_at=in_days(5, 10),
        ends_at=in_days(5, 12),
    )
    invitation = handover_invite(handover=handover, by=professional_a, volunteer_id=volunteer.pk)
    task_invitation_answer(invitation=invitation, user=volunteer, accept=True)
    shift_sign_up(shift=handover.task.shifts.get(), volunteer=volunteer)
    handover_confirm(handover=handover, by=professional_a, volunteer_id=volunteer.pk)
    return {
        "wijk": wijk,
        "initiative": initiative,
        "submitted": submitted,
        "task": task,
        "venue": venue,
        "booking": booking,
        "help_request": help_request,
        "handover": handover,
        "invitation": TaskInvitation.objects.get(pk=invitation.pk),
        "people": {"volunteer": volunteer},
        "monday": day - dt.timedelta(days=day.weekday()),
    }


def pages_by_role(world) -> dict[str, list[str]]:
    venue = world["venue"].slug
    handover = world["handover"]
    profile_pages = [
        reverse("accounts:profile"),
        reverse("notifications:list"),
        reverse("notifications:preferences"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("mfa_index"),
        reverse("accounts:delete"),
        reverse("help:mine"),
        reverse("initiatives:mine"),
        reverse("venues:my_bookings"),
        reverse("volunteers:my_tasks"),
        reverse("volunteers:profile"),
    ]
    return {
        "anonymous": [
            reverse("home"),
            reverse("account_login"),
            reverse("account_signup"),
            reverse("initiatives:list"),
            reverse("volunteers:list"),
            reverse("venues:list"),
            reverse("neighbourhoods:wijken"),
            reverse("neighbourhoods:map"),
            reverse("neighbourhoods:organisations"),
        ],
        "resident": [
            reverse("home"),
            reverse("initiatives:list"),
            reverse("initiatives:detail", args=[world["initiative"].pk]),
            reverse("initiatives:create"),
            reverse("volunteers:list"),
            reverse("volunteers:task", args=[world["task"].pk]),
            reverse("volunteers:agenda"),
            reverse("volunteers:my_hours"),
            reverse("volunteers:off_shift_log"),
            reverse("volunteers:manage_task", args=[world["task"].pk]),
            reverse("venues:list"),
            reverse("venues:detail", args=[venue]),
            f"{reverse('venues:detail', args=[venue])}?week={world['monday'].isoformat()}",
            reverse("venues:book", args=[venue]),
            reverse("neighbourhoods:wijken"),
            reverse("neighbourhoods:detail", args=[world["wijk"].slug]),
            reverse("neighbourhoods:map"),
            reverse("neighbourhoods:organisations"),
            reverse("help:create"),
            reverse("help:detail", args=[world["help_request"].pk]),
            reverse("help:detail", args=[handover.help_request_id]),
            reverse("venues:booking", args=[world["booking"].pk]),
            *profile_pages,
        ],
        "venue_manager": [
            reverse("venues:manage", args=[venue]),
            reverse("venues:booking", args=[world["booking"].pk]),
            f"{reverse('venues:detail', args=[venue])}?week={world['monday'].isoformat()}",
        ],
        "professional_a": [
            reverse("help:queue"),
            reverse("help:team_detail", args=[world["help_request"].pk]),
            reverse("help:team_detail", args=[handover.help_request_id]),
            reverse("volunteers:handover_new", args=[world["help_request"].pk]),
            reverse("volunteers:handover", args=[handover.pk]),
            reverse("help:dashboard"),
            reverse("accounts:profile"),
        ],
        "volunteer": [
            reverse("volunteers:invitation", args=[world["invitation"].pk]),
            reverse("volunteers:task", args=[handover.task_id]),
            reverse("volunteers:agenda"),
        ],
        "staff": [
            reverse("initiatives:moderation_queue"),
            reverse("initiatives:review_queue"),
            reverse("initiatives:detail", args=[world["submitted"].pk]),
            reverse("reports:dashboard"),
            reverse("reports:budget"),
            reverse("accounts:profile"),
        ],
    }


def person(request, world, role: str):
    if role == "anonymous":
        return None
    return world["people"].get(role) or request.getfixturevalue(role)


def phone_for(browser, live_server, user=None):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    return context


def test_every_key_page_of_every_role_fits_a_phone(request, browser, live_server, world):
    too_wide = []
    for role, urls in pages_by_role(world).items():
        user = person(request, world, role)
        context = phone_for(browser, live_server, user)
        page = context.new_page()
        page.route("https://service.pdok.nl/**", lambda route: route.abort())
        for url in urls:
            response = page.goto(url)
            assert response.status == 200, f"{role} {url}: {response.status}"
            assert page.url.endswith(url.split("?")[0].split("#")[0]) or "?" in url, page.url
            found = page.evaluate(MEASURE)
            # A multi-select wants Ctrl/Cmd, which a phone has not: checkboxes instead.
            assert page.locator("select[multiple]").count() == 0, f"{role} {url}"
            if SHOTS:
                name = f"{role}{url}".replace("/", "_").replace("?", "_")
                page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)
                page.set_viewport_size(DESKTOP)
                page.screenshot(path=f"{SHOTS}/{name}.desktop.png", full_page=True)
                page.set_viewport_size(PHONE)
            if found["scrollWidth"] > found["innerWidth"] or found["sticking"]:
                too_wide.append(
                    f"{role} {url}: {found['scrollWidth']}px; " + ", ".join(found["sticking"])
                )
        context.close()
    assert not too_wide, "Wider than a 375 px phone:\n" + "\n".join(too_wide)


def test_a_profile_page_shows_its_content_before_the_account_menu_on_a_phone(
    browser, live_server, resident
):
    context = phone_for(browser, live_server, resident)
    page = context.new_page()
    page.goto(reverse("notifications:preferences"))
    heading = page.get_by_role("heading", level=1).bounding_box()
    menu = page.get_by_role("navigation", name="Mijn account").bounding_box()
    assert heading["y"] + heading["height"] <= menu["y"]
    page.set_viewport_size({"width": 1280, "height": 900})
    heading = page.get_by_role("heading", level=1).bounding_box()
    menu = page.get_by_role("navigation", name="Mijn account").bounding_box()
    assert menu["x"] + menu["width"] <= heading["x"]  # the left column on a desktop
    context.close()


def test_the_volunteer_picks_neighbourhoods_by_wijk_with_checkboxes_on_a_phone(
    browser, live_server, resident
):
    wijk = WijkFactory(name="Assen-Oost")
    BuurtFactory(wijk=wijk, name="Lariks")
    context = phone_for(browser, live_server, resident)
    page = context.new_page()
    page.goto(reverse("volunteers:profile"))
    page.locator("summary", has_text="Assen-Oost").click()
    page.get_by_label("Lariks").check()
    page.get_by_role("button", name="Word vrijwilliger").click()
    page.wait_for_url("**/vrijwilligerswerk/profiel/")
    assert page.get_by_label("Lariks").is_checked()  # the wijk starts open: a box is chosen
    assert list(resident.volunteer_profile.neighbourhoods.values_list("name", flat=True)) == [
        "Lariks"
    ]
    context.close()


# Where the first row's action is, whether it is on screen without scrolling sideways
# (its table's box does not scroll either), its size, whether focus shows on it, and
# whether the table's header row shows.
ROW_ACTION = """([actionSelector, tableSelector]) => {
  const action = document.querySelector(actionSelector);
  const table = document.querySelector(tableSelector);
  const wrap = table.parentElement;
  action.focus();
  const rect = action.getBoundingClientRect();
  const header = table.querySelector("thead").getBoundingClientRect();
  return {
    left: rect.left, right: rect.right, height: rect.height, width: rect.width,
    innerWidth: window.innerWidth,
    scrolls: wrap.scrollWidth > wrap.clientWidth,
    focusRing: getComputedStyle(action).outlineStyle,
    headerShown: header.width > 100 && header.height > 10,
    label: getComputedStyle(table.querySelector("tbody td[data-label]"), "::before").content,
  };
}"""

ACTIONS = {  # role: (the page, its first row's action, the table that becomes cards)
    "professional_a": (
        lambda world: reverse("help:queue"),
        "table.mb-table-stack tbody tr:first-child th a",  # open the request
        "table.mb-table-stack",
    ),
    "resident": (
        lambda world: (
            f"{reverse('venues:detail', args=[world['venue'].slug])}"
            f"?week={world['monday'].isoformat()}"
        ),
        "table.mb-week .mb-slot--free a",  # book a free time
        "table.mb-week",
    ),
    "venue_manager": (
        lambda world: reverse("venues:manage", args=[world["venue"].slug]),
        "#to-decide ~ .mb-cards button",  # approve the first request
        "#usage ~ .mb-table-wrap table",
    ),
}


def accessibility_roles(page) -> set[str]:
    """The roles in Chromium's own accessibility tree (what a screen reader is given)."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    return {node.get("role", {}).get("value", "") for node in nodes}


@pytest.mark.parametrize("role", list(ACTIONS))
def test_rows_people_act_on_are_cards_on_a_phone_and_a_table_on_a_desktop(
    request, browser, live_server, world, role
):
    path, action, table = ACTIONS[role]
    context = phone_for(browser, live_server, person(request, world, role))
    page = context.new_page()
    page.goto(path(world))
    phone = page.evaluate(ROW_ACTION, [action, table])
    # The first row's action is on screen without scrolling sideways, 24 px or larger,
    # with a visible focus ring.
    assert phone["left"] >= 0, phone
    assert phone["right"] <= phone["innerWidth"], phone
    assert not phone["scrolls"], phone
    assert phone["height"] >= 24, phone
    assert phone["width"] >= 24, phone
    assert phone["focusRing"] not in ("none", ""), phone
    # Each cell shows its column's name; the header row is not shown on a phone, yet
    # screen readers still get a table with its column and row headers.
    assert not phone["headerShown"], phone
    assert phone["label"].startswith('"'), phone
    assert {"table", "row", "columnheader", "rowheader", "cell"} <= accessibility_roles(page)
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)
    desktop = page.evaluate(ROW_ACTION, [action, table])
    assert desktop["headerShown"], desktop
    assert desktop["label"] == "none", desktop
    context.close()
