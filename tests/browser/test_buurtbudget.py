"""Buurtbudget in the browser, on a phone (375 px): a resident reads the round and its
proposals, enters the code from the letter, fills the basket (seeing what is left),
casts the vote and sees the confirmation; proposing a project in an open round.
Every page is scanned by axe.

The pages are visited in English (/en/): the Dutch of this app's texts comes with the
catalogue, and the flow is the same in both languages.
"""

import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from buurtbudget.models import Proposal, Round, Vote, Voter
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.buurtbudget.factories import (
    LetterCodeFactory,
    ProposalFactory,
    RoundFactory,
    phase_dates,
)
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


def _log_in(context, base_url: str, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


def test_resident_enters_the_letter_code_fills_the_basket_and_votes(browser, live_server):
    noord = WijkFactory(name="Noord", slug="noord")
    pittelo = BuurtFactory(name="Pittelo", slug="pittelo", wijk=noord)
    budget_round = RoundFactory(
        name="Buurtbudget Noord", wijken=[noord], amount=Decimal("10000.00")
    )
    for title, cost in [("Speeltuin", "6000.00"), ("Bankjes", "3000.00"), ("Moestuin", "2500.00")]:
        ProposalFactory(
            round=budget_round, title=title, estimated_cost=Decimal(cost), neighbourhood=pittelo
        )
    ProposalFactory(
        round=budget_round,
        title="Zwembad",
        status="not_feasible",
        review_reason="Past niet in het budget.",
        neighbourhood=pittelo,
    )
    LetterCodeFactory(round=budget_round, buurt=pittelo, code="NRDA23456789")
    anna = UserFactory(email="anna@example.org", display_name="Anna")

    phone = browser.new_context(viewport=PHONE, locale="nl-NL", base_url=live_server.url)
    page = phone.new_page()
    _log_in(phone, live_server.url, anna)
    page.goto("/en/buurtbudget/")
    assert_accessible(page)
    page.get_by_role("link", name="Buurtbudget Noord").click()
    page.wait_for_url(re.compile(r"/en/buurtbudget/\d+/$"))
    assert_accessible(page)
    page.get_by_role("link", name="Proposals", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Zwembad").click()
    expect(page.get_by_text("Past niet in het budget.")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/en/buurtbudget/{budget_round.pk}/")
    page.get_by_role("link", name="Enter the code from your letter and vote").click()
    assert_accessible(page)
    page.get_by_label("Your code").fill("AAAA-BBBB-CCCC")
    page.get_by_role("button", name="Check my code").click()
    expect(page.get_by_text("We do not know this code", exact=False).first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your code").fill("nrda-2345-6789")
    page.get_by_role("button", name="Check my code").click()
    page.wait_for_url(re.compile(r"/stemmen/$"))
    expect(page.get_by_text("You vote for the projects in Noord.")).to_be_visible()
    assert Voter.objects.get().user == anna
    assert_accessible(page)

    page.get_by_role("button", name="Choose Speeltuin").click()
    expect(page.locator("#basket-status")).to_contain_text("4,000.00")
    page.get_by_role("button", name="Choose Bankjes").click()
    expect(page.locator("#basket-status")).to_contain_text("1,000.00")
    page.get_by_role("button", name="Choose Moestuin").click()
    expect(page.get_by_text("This project does not fit", exact=False)).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_text("Your vote is final once cast", exact=False)).to_be_visible()
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.get_by_role("heading", name="You have voted")).to_be_visible()
    expect(page.locator("#my-vote")).to_contain_text("Speeltuin")
    assert_accessible(page)
    vote = Vote.objects.get()
    assert {p.title for p in vote.proposals.all()} == {"Speeltuin", "Bankjes"}

    page.goto(f"/en/buurtbudget/{budget_round.pk}/uitslag/")
    expect(page.get_by_text("The results are published on", exact=False)).to_be_visible()
    assert_accessible(page)
    Round.objects.filter(pk=budget_round.pk).update(**phase_dates("results"))
    page.reload()
    expect(page.get_by_role("table")).to_contain_text("Speeltuin")
    assert_accessible(page)

    # Another round takes proposals: Anna proposes one.
    open_round = RoundFactory(name="Buurtbudget 2027", phase="proposals", wijken=[noord])
    page.goto(f"/en/buurtbudget/{open_round.pk}/")
    page.get_by_role("link", name="Propose a project").first.click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Bloembakken")
    page.get_by_label("Description").fill("Bloembakken langs de Brink.")
    page.get_by_label("Estimated cost (euros)").fill("750")
    page.get_by_label("Where").select_option(label="Pittelo (Noord)")
    page.get_by_role("button", name="Send my proposal").click()
    expect(page.get_by_role("heading", name="Bloembakken")).to_be_visible()
    assert_accessible(page)
    assert Proposal.objects.get(title="Bloembakken").status == "submitted"
    phone.close()
