"""Accountability reports of completed initiatives, so /initiatieven/kennis/ shows them:
two accepted, one waiting for the reviewers."""

from decimal import Decimal

from ..models import AccountabilityReport, Initiative, Status
from ..services import accountability_report_accept, accountability_report_save
from .initiatives import demo_photo

# title, what was done, how we did it, costs, accepted (else waiting for review)
REPORTS = [
    (
        "Jeu de boulesbaan Pittelo",
        "Met twaalf buren hebben we in het park een jeu de boulesbaan van 15 bij 4 meter "
        "aangelegd. Sinds de opening spelen er elke woensdag en zaterdag zo'n twintig "
        "mensen, van kinderen tot de oudste bewoner van de straat (91).",
        "Begin bij de gemeente: vraag vroeg toestemming voor de plek en vraag of de "
        "groenvoorziening de grond kan afgraven. Zoek een vereniging die ballen uitleent. "
        "Wij kregen het gravel goedkoop via een hovenier uit de wijk. Plan de aanleg op "
        "twee zaterdagen en zorg voor koffie: dan komen er vanzelf meer handen. Spreek "
        "daarna een vaste speeltijd af, zodat nieuwe mensen weten wanneer ze kunnen aansluiten.",
        [("Gravel en boordstenen", "612.40"), ("Zes sets jeu de boules-ballen", "174.00")],
        True,
    ),
    (
        "Kerstmarkt Vredeveld",
        "Achttien kraampjes van bewoners, een koor van de basisschool en ruim vierhonderd "
        "bezoekers op een koude zaterdagmiddag. De opbrengst van de koek-en-zopiekraam ging "
        "naar de voedselbank.",
        "Vraag de vergunning minstens acht weken van tevoren aan. Leen kramen van de "
        "wijkvereniging in plaats van ze te huren, en regel stroom bij een bewoner die aan "
        "het plein woont. Een draaiboek met wie wat doet scheelt op de dag zelf veel stress.",
        [("Verlichting en verlengkabels", "215.00"), ("Koek, zopie en bekers", "138.75")],
        True,
    ),
    (
        "AED-netwerk Ubbena en Rhee",
        "Er hangen nu twee AED's in een buitenkast, bij het dorpshuis en bij de kerk. "
        "Vierendertig buren volgden een reanimatiecursus en staan in de oproepapp.",
        "Zoek een plek met stroom die dag en nacht bereikbaar is. De cursus via de "
        "EHBO-vereniging was goedkoper dan een commerciële. Maak één buur verantwoordelijk "
        "voor het controleren van de batterijen en elektroden.",
        [("Twee AED's met buitenkast", "3180.00"), ("Reanimatiecursus", "640.00")],
        False,
    ),
]


def seed_accountability(*, organiser, staff, out) -> None:
    made = 0
    for n, (title, what, how, costs, accept) in enumerate(REPORTS):
        initiative = Initiative.objects.filter(title=title, status=Status.COMPLETED).first()
        if (
            initiative is None
            or AccountabilityReport.objects.filter(initiative=initiative).exists()
        ):
            continue
        report = accountability_report_save(
            initiative=initiative,
            by=initiative.organisers.first(),
            what_was_done=what,
            how_we_did_it=how,
            costs=[(line, Decimal(amount)) for line, amount in costs],
            photos=[demo_photo(2)] if n == 0 else [],
            submit=True,
        )
        if accept:
            accountability_report_accept(report=report, by=staff)
        made += 1
    out.write(f"Initiatives: {made} accountability reports ({len(REPORTS)} in the demo).")
