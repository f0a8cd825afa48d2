"""The completed initiative's accountability report, so /initiatieven/kennis/ shows it."""

from decimal import Decimal

from ..models import AccountabilityReport, Initiative, Status
from ..services import accountability_report_accept, accountability_report_save
from .initiatives import demo_photo

ACCOUNTABILITY = {
    "title": "Jeu de boulesbaan Pittelo",
    "what_was_done": (
        "Met twaalf buren hebben we in het park een jeu de boulesbaan van 15 bij 4 meter "
        "aangelegd. Sinds de opening spelen er elke woensdag en zaterdag zo'n twintig "
        "mensen, van kinderen tot de oudste bewoner van de straat (91)."
    ),
    "how_we_did_it": (
        "Begin bij de gemeente: vraag vroeg toestemming voor de plek en vraag of de "
        "groenvoorziening de grond kan afgraven. Zoek een vereniging die ballen uitleent. "
        "Wij kregen het gravel goedkoop via een hovenier uit de wijk. Plan de aanleg op "
        "twee zaterdagen en zorg voor koffie: dan komen er vanzelf meer handen. Spreek "
        "daarna een vaste speeltijd af, zodat nieuwe mensen weten wanneer ze kunnen aansluiten."
    ),
    "costs": [("Gravel en boordstenen", "612.40"), ("Zes sets jeu de boules-ballen", "174.00")],
}


def seed_accountability(*, organiser, staff, out) -> None:
    initiative = Initiative.objects.filter(
        title=ACCOUNTABILITY["title"], status=Status.COMPLETED
    ).first()
    if initiative is None or AccountabilityReport.objects.filter(initiative=initiative).exists():
        return
    report = accountability_report_save(
        initiative=initiative,
        by=organiser,
        what_was_done=ACCOUNTABILITY["what_was_done"],
        how_we_did_it=ACCOUNTABILITY["how_we_did_it"],
        costs=[(what, Decimal(amount)) for what, amount in ACCOUNTABILITY["costs"]],
        photos=[demo_photo(2)],
        submit=True,
    )
    accountability_report_accept(report=report, by=staff)
    out.write(f"Initiatives: an accepted accountability report for “{initiative.title}”.")
