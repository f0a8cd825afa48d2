"""Pilots in the admin (staff register them with the indicators from the fixed list)
and the demo's pilot."""

import io

import pytest

from reports import demo
from reports.models import Experiment, ExperimentNote
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/reports/experiment/add/"


def _form(wijk, **changes) -> dict:
    data = {
        "name": "Buurtconciërge",
        "slug": "buurtconcierge",
        "question": "Meer initiatieven?",
        "wijken": [wijk.pk],
        "start_date": "2025-03-01",
        "end_date": "2025-05-31",
        "indicators": ["initiatives_started", "help_requests"],
        "comparison": "before",
        "public_summary": "",
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
    }
    return data | changes


def test_staff_register_a_pilot_in_the_admin(staff_client):
    wijk = WijkFactory()
    assert staff_client.get(ADD).status_code == 200
    response = staff_client.post(ADD, _form(wijk))
    assert response.status_code == 302
    pilot = Experiment.objects.get()
    assert pilot.indicators == ["initiatives_started", "help_requests"]
    assert list(pilot.wijken.all()) == [wijk]


@pytest.mark.parametrize(
    "changes",
    [
        {"indicators": ["no_such_figure"]},
        {"indicators": []},
        {"end_date": "2025-02-01"},
        {"comparison": "areas"},  # but no areas to compare with
        {"wijken": []},  # no areas at all
    ],
)
def test_the_admin_refuses_a_pilot_that_does_not_add_up(staff_client, changes):
    response = staff_client.post(ADD, _form(WijkFactory(), **changes))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not Experiment.objects.exists()


def test_seed_demo_finds_the_pilots_demo():
    from mijnbuurt.core.demo import seeders

    assert demo.seed in seeders()


def test_the_demo_pilot_is_seeded_once():
    centrum = WijkFactory(code=demo.WIJK_CODE, name="Centrum")
    BuurtFactory(wijk=centrum)
    for _n in range(2):
        demo.seed(out=io.StringIO())
    pilot = Experiment.objects.get()
    assert (pilot.slug, pilot.published, pilot.comparison) == (demo.SLUG, True, "rest")
    assert list(pilot.wijken.all()) == [centrum]
    assert ExperimentNote.objects.count() == 1


def test_the_demo_skips_the_pilot_without_its_wijk():
    out = io.StringIO()
    assert demo.seed(out=out) == []
    assert not Experiment.objects.exists()


def test_a_staff_members_notes_are_in_their_data_and_stay_without_them(staff):
    from mijnbuurt.accounts.personal_data import sections

    pilot = Experiment.objects.create(
        name="P", slug="p", question="?", start_date="2025-01-01", end_date="2025-01-31"
    )
    ExperimentNote.objects.create(experiment=pilot, text="Gestart.", author=staff)
    exported = {s.name: s.export(staff) for s in sections()}["pilot_notes"]
    assert [(n["pilot"], n["text"]) for n in exported] == [("P", "Gestart.")]
    staff.delete()
    assert ExperimentNote.objects.get().author is None
