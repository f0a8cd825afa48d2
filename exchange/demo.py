"""Demo Vraag en aanbod: offers and requests of neighbours across Assen, paid services
of the neighbourhood enterprise Buurtbedrijf Kloosterveen, and a conversation of the
demo resident, and one open report for the moderators (/vraag-en-aanbod/moderatie/).
Idempotent: a listing whose title exists for its owner is left alone."""

from django.db import transaction

from mijnbuurt.accounts.demo import RESIDENT_EMAIL, demo_neighbours, demo_user
from mijnbuurt.core.demo import DemoAccount
from neighbourhoods.models import Neighbourhood, Organisation

from .models import Category, Conversation, Listing, Report
from .moderation import report_listing
from .reciprocity import credit_confirm, credit_record, feedback_give, match_press
from .services import conversation_start, listing_close, listing_create

ENTERPRISE_EMAIL = "buurtbedrijf@example.org"
ENTERPRISE = "Buurtbedrijf Kloosterveen (demo)"

OFFER, REQUEST = Listing.Direction.OFFER, Listing.Direction.REQUEST
K = Listing.Kind

# (direction, kind, category slug, title, description)
LISTINGS = [
    (
        OFFER,
        K.HELP,
        "fietsen",
        "Ik repareer je fiets",
        "Lekke band of losse ketting? Ik kijk er graag naar, in mijn schuur.",
    ),
    (
        REQUEST,
        K.LEND,
        "spullen",
        "Wie leent mij een ladder?",
        "Voor het schoonmaken van de dakgoot, een zaterdag lang.",
    ),
    (
        OFFER,
        K.SKILL,
        "taal",
        "Taalmaatje: samen Nederlands praten",
        "Eén keer per week koffie en oefenen met praten.",
    ),
    (
        REQUEST,
        K.HELP,
        "boodschappen",
        "Hulp bij boodschappen na mijn operatie",
        "Twee weken lang, één keer per week naar de supermarkt.",
    ),
    (
        OFFER,
        K.LEND,
        "spullen",
        "Kinderfiets weg te geven",
        "Maat 20 inch, goed onderhouden, gratis op te halen.",
    ),
    (
        OFFER,
        K.SKILL,
        "computer",
        "Hulp met je telefoon of laptop",
        "Apps installeren, foto's overzetten, DigiD instellen.",
    ),
    (
        REQUEST,
        K.HELP,
        "tuin",
        "Wie helpt mij de heg te snoeien?",
        "Ik heb de schaar, ik zoek nog een paar handen.",
    ),
    (
        OFFER,
        K.HELP,
        "gezelschap",
        "Samen wandelen in het Asserbos",
        "Elke dinsdagochtend, iedereen is welkom.",
    ),
    (
        REQUEST,
        K.SKILL,
        "koken",
        "Ik wil leren Syrisch koken",
        "Wie wil een keer samen koken en recepten delen?",
    ),
    (
        OFFER,
        K.HELP,
        "klussen",
        "Kleine klusjes in huis",
        "Lamp ophangen, kastje in elkaar zetten: vraag het maar.",
    ),
]

# (category slug, title, description, price information)
PAID = [
    (
        "tuin",
        "Groenonderhoud door het buurtbedrijf",
        "Gras maaien, snoeien en opruimen door bewoners van de wijk.",
        "€ 22,50 per uur, voorrijden gratis in Kloosterveen",
    ),
    (
        "koken",
        "Catering voor je buurtfeest",
        "Soep, broodjes en hapjes, gemaakt in onze wijkkeuken.",
        "Vanaf € 6 per persoon",
    ),
    (
        "klussen",
        "Klusdienst aan huis",
        "Kleine reparaties door onze klussers met een leerwerkplek.",
        "€ 15 per uur plus materiaal",
    ),
]


def _buurten() -> list[Neighbourhood]:
    return list(Neighbourhood.objects.filter(level=Neighbourhood.Level.BUURT).order_by("code"))


@transaction.atomic
def seed(*, out) -> list[DemoAccount]:
    buurten = _buurten()
    if not buurten:
        out.write("No neighbourhoods: Vraag en aanbod skipped.")
        return []
    categories = {c.slug: c for c in Category.objects.all()}
    neighbours = demo_neighbours()
    made = 0
    for n, (direction, kind, slug, title, description) in enumerate(LISTINGS):
        owner = neighbours[n % len(neighbours)]
        if Listing.objects.filter(owner=owner, title=title).exists():
            continue
        listing_create(
            owner=owner,
            direction=direction,
            kind=kind,
            title=title,
            description=description,
            category=categories[slug],
            neighbourhood=owner.home_neighbourhood or buurten[(n * 7) % len(buurten)],
        )
        made += 1
    member = demo_user(ENTERPRISE_EMAIL, display_name="Buurtbedrijf Kloosterveen (demo)")
    enterprise = Organisation.objects.filter(name=ENTERPRISE).first()
    if enterprise is not None:
        enterprise.members.add(member)
        home = enterprise.neighbourhoods.first()
        buurt = Neighbourhood.objects.filter(wijk=home).order_by("code").first() if home else None
        for slug, title, description, price in PAID:
            if Listing.objects.filter(owner=member, title=title).exists():
                continue
            listing_create(
                owner=member,
                direction=OFFER,
                kind=K.PAID,
                title=title,
                description=description,
                category=categories[slug],
                neighbourhood=buurt or buurten[0],
                organisation=enterprise,
                price_info=price,
            )
            made += 1
    resident = demo_user(RESIDENT_EMAIL, display_name="Anne (bewoner)")
    bike = Listing.objects.filter(title=LISTINGS[0][3]).first()
    if (
        bike is not None
        and not Conversation.objects.filter(listing=bike, replier=resident).exists()
    ):
        conversation_start(
            listing=bike,
            replier=resident,
            body="Hallo! Mijn achterband loopt steeds leeg. Kan ik zaterdag langskomen?",
        )
    matches = _seed_matches(resident)
    _seed_report(neighbours)
    out.write(f"Vraag en aanbod: {made} listings placed, {matches} matches made.")
    return [DemoAccount(role="neighbourhood enterprise (wijkonderneming)", email=ENTERPRISE_EMAIL)]


# (listing index in LISTINGS, hours the owner gave, closed with thanks)
MATCHES = [(1, "1.5", False), (2, "2", True), (3, None, True)]


def _seed_matches(resident) -> int:
    """The demo resident replied to a few listings: each became a confirmed match, some
    with confirmed time credits, some closed with "is het gelukt?" answered."""
    made = 0
    for index, hours, closed in MATCHES:
        listing = Listing.objects.filter(title=LISTINGS[index][3]).first()
        if listing is None or listing.owner_id == resident.pk:
            continue
        if Conversation.objects.filter(listing=listing, replier=resident).exists():
            continue
        conversation = conversation_start(
            listing=listing, replier=resident, body="Hallo! Dat komt goed uit, wanneer kan het?"
        )
        match_press(conversation=conversation, by=resident)
        match_press(conversation=conversation, by=listing.owner)
        if hours:
            credit_record(conversation=conversation, by=listing.owner, hours=hours, gave=True)
            credit_confirm(conversation=conversation, by=resident)
        if closed:
            listing_close(listing=listing, by=listing.owner, to=Listing.Status.DONE)
            feedback_give(
                conversation=conversation, by=resident, outcome="yes", thanks="Heel erg bedankt!"
            )
            feedback_give(conversation=conversation, by=listing.owner, outcome="yes")
        made += 1
    return made


# The listing a neighbour reported, so that the moderators have something to look at.
REPORTED = 5


def _seed_report(neighbours) -> None:
    listing = Listing.objects.filter(title=LISTINGS[REPORTED][3]).first()
    if listing is None or Report.objects.filter(listing=listing).exists():
        return
    reporter = next((n for n in neighbours if n.pk != listing.owner_id), None)
    if reporter is not None:
        report_listing(
            listing=listing,
            by=reporter,
            reason=Report.Reason.SPAM,
            text="Dit lijkt me reclame voor een bedrijf.",
        )
