"""Demo data: the change agenda's first pilot, "Gebiedsgebonden team", in Centrum (where
the demo's first area team, Gebiedsteam Centrum en West, works and most of the demo's
help requests are) over the past half year, compared with the rest of Assen, published,
with one note. Seeding again updates it."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from mijnbuurt.core.demo import DemoAccount
from neighbourhoods.models import Neighbourhood

from .models import Experiment, ExperimentNote
from .pilots.choices import INDICATORS

SLUG = "gebiedsgebonden-team"
WIJK_CODE = "WK010600"  # Centrum
NOTE = (
    "Het team houdt sinds de start elke dinsdag en donderdag inloopspreekuur in het "
    "wijkcentrum; bewoners weten het team sneller te vinden."
)


@transaction.atomic
def seed(*, out) -> list[DemoAccount]:
    wijk = Neighbourhood.objects.filter(code=WIJK_CODE).first()
    if wijk is None:
        out.write("Pilots: no demo wijk Centrum (run the neighbourhoods' demo first).")
        return []
    today = timezone.localdate()
    experiment, _created = Experiment.objects.update_or_create(
        slug=SLUG,
        defaults={
            "name": "Gebiedsgebonden team",
            "question": (
                "Krijgen bewoners sneller hulp als één gebiedsgebonden team de hele wijk "
                "bedient, en vinden meer hulpvragen hun weg naar vrijwilligers?"
            ),
            "start_date": today - dt.timedelta(days=182),
            "end_date": today,
            "indicators": [indicator.key for indicator in INDICATORS],
            "comparison": Experiment.Comparison.REST,
            "published": True,
            "public_summary": (
                "In Centrum werkt sinds een half jaar één gebiedsgebonden team voor de "
                "hele wijk. We vergelijken de wijk met de rest van Assen in dezelfde "
                "periode."
            ),
        },
    )
    experiment.wijken.set([wijk])
    experiment.buurten.clear()
    experiment.comparison_wijken.clear()
    experiment.comparison_buurten.clear()
    if not experiment.notes.exists():
        ExperimentNote.objects.create(experiment=experiment, text=NOTE)
    out.write(f"Pilots: '{experiment.name}' in {wijk.name}, compared with the rest of Assen.")
    return []
