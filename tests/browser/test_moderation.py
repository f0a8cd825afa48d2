"""A resident comments, a neighbour reports the comment, a moderator hides it with a
reason; the author is told, others no longer see it. Each page is scanned by axe."""

import re

import pytest

from initiatives.models import Comment, Status
from mijnbuurt.notifications.models import Notification
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory, enable_totp
from tests.browser.session import log_in
from tests.initiatives.factories import make_initiative

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_tiles(page):
    """Map tiles come from PDOK on the internet; the pages must work without them."""
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    return page


def test_comment_is_reported_and_hidden_by_a_moderator(no_tiles):
    page = no_tiles
    initiative = make_initiative(status=Status.PUBLISHED, title="Moestuin achter de Brink")
    author = UserFactory(email="kees@example.org", display_name="Kees")
    UserFactory(email="henk@example.org", display_name="Henk")
    moderator = UserFactory(email="gemma@example.org", display_name="Gemma", is_staff=True)
    secret = enable_totp(moderator)
    url = f"/initiatieven/{initiative.pk}/"

    log_in(page, author.email)
    page.goto(url)
    page.get_by_label("Je reactie").fill("Koop je kunstmest bij mijn neef, 50% korting!")
    page.get_by_role("button", name="Reactie plaatsen").click()
    page.wait_for_load_state()
    assert "kunstmest" in page.content()
    assert_accessible(page)
    page.context.clear_cookies()

    log_in(page, "henk@example.org")
    page.goto(url)
    page.get_by_role("link", name="Deze reactie melden").click()
    page.wait_for_url(re.compile(r"/melden/"))
    assert_accessible(page)
    page.get_by_label("Spam of reclame").check()
    page.get_by_role("button", name="Melding versturen").click()
    page.wait_for_url(re.compile(rf"/initiatieven/{initiative.pk}/"))
    page.context.clear_cookies()

    log_in(page, "gemma@example.org", totp_secret=secret)
    page.goto("/initiatieven/moderatie/")
    assert "kunstmest" in page.content()
    assert_accessible(page)
    page.get_by_text("Verbergen", exact=True).first.click()  # opens the form
    page.get_by_label("Reden (de schrijver krijgt die te zien)").first.fill(
        "Reclame hoort hier niet."
    )
    page.get_by_role("button", name="Verbergen", exact=True).first.click()
    page.wait_for_url("**/initiatieven/moderatie/")
    assert_accessible(page)
    page.context.clear_cookies()

    page.goto(url)
    assert "kunstmest" not in page.content()
    comment = Comment.objects.get()
    assert comment.hidden_at is not None  # kept for the record
    assert Notification.objects.filter(recipient=author, kind="initiative_moderation").exists()
