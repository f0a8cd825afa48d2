"""Demo money: the municipality's budget lines (the seed's "Bouwbudget"), allocations
staff entered, and grant requests in every state."""

from datetime import date
from decimal import Decimal

from ..models import BudgetAllocation, BudgetLine, GrantRequest, Initiative, Status
from ..services import grant_award, grant_decline, grant_mark_paid, grant_request
from ..services.grants import budget_allocation_create

# The municipality's lines (code, name, amount, savings target): the seed's "Bouwbudget"
# of EUR 3.8 million, with the agreed saving of EUR 800,000 to 1,000,000 (here 900,000)
# sought in the first three.
BUDGET_LINES = [
    ("wijkwelzijnsaccommodaties", "Wijkwelzijnsaccommodaties", "1550000", "450000"),
    ("wijkverenigingen", "Wijkverenigingen", "420000", "200000"),
    ("wijkwelzijnsopbouwwerk", "Wijkwelzijnsopbouwwerk", "1080000", "250000"),
    ("stimuleringsbudget-welzijn", "Stimuleringsbudget welzijn", "240000", "0"),
    ("vrijwilligerswerk", "Vrijwilligerswerk", "420000", "0"),
    ("maatschappelijk-betrokken-ondernemen", "Maatschappelijk betrokken ondernemen", "90000", "0"),
]
# Other allocations staff entered (line code, recipient, description, amount, kind, month)
ALLOCATIONS = [
    ("wijkverenigingen", "Wijkvereniging Pittelo", "Jaarsubsidie", "18500", "expense", 2),
    ("wijkverenigingen", "Wijkvereniging Lariks", "Jaarsubsidie", "16000", "commitment", 3),
    (
        "wijkwelzijnsaccommodaties",
        "MFA Assen-Oost",
        "Exploitatiebijdrage eerste halfjaar",
        "410000",
        "expense",
        1,
    ),
    (
        "wijkwelzijnsaccommodaties",
        "Buurthuis Lariks",
        "Exploitatiebijdrage",
        "95000",
        "commitment",
        4,
    ),
    (
        "wijkwelzijnsopbouwwerk",
        "ICARE Welzijn",
        "Opbouwwerk in de wijken",
        "790000",
        "commitment",
        1,
    ),
    ("vrijwilligerswerk", "Vrijwilligerscentrale Assen", "Steunpunt", "240000", "expense", 2),
]
# initiative title, items, what happens: awarded, paid or (None) still open
GRANTS = [
    (
        "Moestuin achter de Brink",
        [("Plantenbakken en potgrond", "650.00"), ("Zaden en gereedschap", "185.50")],
        "paid",
    ),
    (
        "Buurtkamer Lariks: elke dinsdag koffie",
        [("Koffiezetapparaat", "240.00"), ("Spellen en koffie voor een jaar", "360.00")],
        "awarded",
    ),
    (
        "Samen eten in Luchiesland",
        [("Pannen en keukengerei", "320.00"), ("Boodschappen eerste drie maaltijden", "270.00")],
        "paid",
    ),
    (
        "Beweegtuin Pittelo Noord",
        [("Drie beweegtoestellen", "4200.00"), ("Plaatsing en ondergrond", "1350.00")],
        "awarded",
    ),
    ("Geveltuintjes in de Bomenbuurt", [("Planten en aarde voor 20 tuintjes", "480.00")], None),
    ("Klusbus Marsdijk", [("Gereedschapskoffers", "560.00"), ("Belettering bus", "190.00")], None),
]
WAITING = ["Huiswerkhulp in de Houtlaan", "Boodschappenmaatje Kloosterveen"]
DECLINE_REASON = "Dit past beter bij de regeling voor wijkverenigingen; vraag het daar aan."


def seed_money(*, organiser, staff, year: int, out) -> None:
    lines = {}
    for code, name, amount, savings in BUDGET_LINES:
        lines[code], _created = BudgetLine.objects.get_or_create(
            year=year,
            code=code,
            defaults={"name": name, "amount": Decimal(amount), "savings_target": Decimal(savings)},
        )
    if not BudgetAllocation.objects.filter(budget_line__year=year).exists():
        for code, recipient, description, amount, kind, month in ALLOCATIONS:
            budget_allocation_create(
                budget_line=lines[code],
                by=staff,
                description=description,
                recipient=recipient,
                amount=Decimal(amount),
                kind=kind,
                date=date(year, month, 1),
            )
    line = lines["stimuleringsbudget-welzijn"]
    made = 0
    for title, items, outcome in GRANTS:
        initiative = Initiative.objects.filter(title=title).first()
        if initiative is None or initiative.grants.exists():
            continue
        if initiative.status not in (Status.SUBMITTED, Status.IN_REVIEW, Status.PUBLISHED):
            continue
        grant = grant_request(
            initiative=initiative,
            by=initiative.organisers.first(),
            items=[(d, Decimal(a)) for d, a in items],
        )
        made += 1
        if outcome is None:  # waiting in the review queue
            continue
        grant_award(grant=grant, by=staff, budget_line=line, amount=grant.amount_requested)
        if outcome == "paid":
            grant_mark_paid(grant=grant, by=staff)
    # One still open and one declined, on initiatives that are waiting for a review.
    waiting = Initiative.objects.filter(
        title__in=WAITING,
        status__in=(Status.SUBMITTED, Status.IN_REVIEW),
        grants__isnull=True,
    ).order_by("pk")
    for n, initiative in enumerate(waiting):
        grant = grant_request(
            initiative=initiative,
            by=initiative.organisers.first(),
            items=[("Materiaal", Decimal("300.00")), ("Flyers en posters", Decimal("75.00"))],
        )
        if n == 1:
            grant_decline(grant=grant, by=staff, reason=DECLINE_REASON)
        made += 1
    out.write(
        f"Grants: {len(lines)} budget lines for {year}, {made} grant requests created "
        f"({GrantRequest.objects.count()} in all)."
    )
