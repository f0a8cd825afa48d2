"""A wijk's page shows the budget rounds running there; /wijken/ counts them."""

import pytest
from django.urls import reverse

from buurtbudget.selectors import round_count_per_wijk, rounds_open_in

from .factories import RoundFactory

pytestmark = pytest.mark.django_db


def test_a_wijk_and_its_buurten_show_the_running_rounds(client, budget_round, places):
    RoundFactory(name="Oude ronde", phase="results", wijken=[places["noord"]])
    RoundFactory(name="Ronde Zuid", wijken=[places["zuid"]])
    assert [r.name for r in rounds_open_in(places["noord"])] == [budget_round.name]
    assert [r.name for r in rounds_open_in(places["pittelo"])] == [budget_round.name]
    page = client.get(reverse("neighbourhoods:detail", kwargs={"slug": "noord"}))
    assert budget_round.name in page.content.decode()
    assert "Oude ronde" not in page.content.decode()
    assert round_count_per_wijk() == {places["noord"].pk: 1, places["zuid"].pk: 2}
