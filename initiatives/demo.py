"""Demo initiatives across Assen's neighbourhoods, in every state, made through the services.

Idempotent: an initiative whose title already exists is left alone.
"""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone
from PIL import Image

from mijnbuurt.accounts.demo import STAFF_TOTP_SECRET, demo_user
from mijnbuurt.core.demo import DemoAccount
from neighbourhoods.models import Neighbourhood

from .demo_money import seed_money
from .lifecycle import ORGANISER, TRANSITIONS
from .models import (
    AccountabilityReport,
    Initiative,
    Status,
    Theme,
)
from .services import (
    accountability_report_accept,
    accountability_report_save,
    initiative_create,
    initiative_follow,
    initiative_support,
    initiative_transition,
    initiative_update_post,
    organiser_invitation_accept,
    organiser_invite,
)

ORGANISER_EMAIL = "initiatiefnemer@example.org"
RESIDENT_EMAIL = "bewoner@example.org"
STAFF_EMAIL = "gemeente@example.org"

# The way each final state is reached (from draft), with a note where one is needed.
PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: [Status.SUBMITTED],
    Status.IN_REVIEW: [Status.SUBMITTED, Status.IN_REVIEW],
    Status.CHANGES_REQUESTED: [Status.SUBMITTED, Status.IN_REVIEW, Status.CHANGES_REQUESTED],
    Status.PUBLISHED: [Status.SUBMITTED, Status.IN_REVIEW, Status.PUBLISHED],
    Status.COMPLETED: [Status.SUBMITTED, Status.PUBLISHED, Status.COMPLETED],
    Status.DECLINED: [Status.SUBMITTED, Status.DECLINED],
    Status.STOPPED: [Status.SUBMITTED, Status.PUBLISHED, Status.STOPPED],
}
NOTES = {
    Status.CHANGES_REQUESTED: "Kun je aangeven waar de bankjes precies komen te staan? "
    "Dan kunnen we het met de wijkbeheerder afstemmen.",
    Status.DECLINED: "Dit valt buiten het stimuleringsbudget: het is een commerciële activiteit.",
    Status.STOPPED: "Helaas te weinig vrijwilligers gevonden; "
    "we proberen het volgend jaar opnieuw.",
}

# title, summary, theme, neighbourhood name, needs, final state, days from today (start)
INITIATIVES = [
    (
        "Moestuin achter de Brink",
        "Samen groente kweken op het braakliggende stuk achter de Brink, "
        "voor en door buurtbewoners.",
        Theme.GREEN,
        "Brinkkwartier",
        ["volunteers", "money"],
        Status.PUBLISHED,
        -30,
    ),
    (
        "Buurtkamer Lariks: elke dinsdag koffie",
        "Een vaste plek om elkaar te ontmoeten, met koffie, een spelletje en een luisterend oor.",
        Theme.MEETING,
        "De Lariks West",
        ["meeting_place", "volunteers"],
        Status.PUBLISHED,
        -60,
    ),
    (
        "Jeu de boulesbaan Pittelo",
        "Een jeu de boulesbaan in het park, voor jong en oud.",
        Theme.SPORT,
        "Pittelo Midden",
        ["money", "knowledge"],
        Status.COMPLETED,
        -200,
    ),
    (
        "Zwerfafvalploeg Noorderpark",
        "Eén zaterdag per maand ruimen we samen zwerfafval op in de Componistenbuurt.",
        Theme.SUSTAINABILITY,
        "Componistenbuurt Oost",
        ["volunteers"],
        Status.PUBLISHED,
        -14,
    ),
    (
        "Huiswerkhulp in de Houtlaan",
        "Studenten helpen kinderen uit groep 7 en 8 met huiswerk, twee middagen per week.",
        Theme.YOUTH,
        "Houtlaan",
        ["volunteers", "meeting_place"],
        Status.IN_REVIEW,
        21,
    ),
    (
        "Boodschappenmaatje Kloosterveen",
        "Buren die boodschappen doen voor ouderen die slecht ter been zijn.",
        Theme.ELDERLY,
        "Kloosterveen",
        ["volunteers", "professional"],
        Status.SUBMITTED,
        10,
    ),
    (
        "Bankjes langs de Vaart",
        "Drie bankjes langs het water, zodat wandelaars even kunnen uitrusten.",
        Theme.GREEN,
        "Assen-West",
        ["money"],
        Status.CHANGES_REQUESTED,
        45,
    ),
    (
        "Buurtfeest Marsdijk",
        "Een zomerfeest voor de hele wijk, met muziek en een braderie.",
        Theme.CULTURE,
        "Marsdijk",
        ["money", "volunteers"],
        Status.DRAFT,
        120,
    ),
    (
        "Buurtpreventie-app Peelo",
        "Een WhatsApp-groep en avondrondes tegen inbraken.",
        Theme.SAFETY,
        "Peelo",
        ["knowledge", "professional"],
        Status.STOPPED,
        -90,
    ),
    (
        "Pop-upwinkel lokale makers",
        "Een tijdelijke winkel voor makers uit de buurt.",
        Theme.ECONOMY,
        "Oranjebuurt",
        ["meeting_place"],
        Status.DECLINED,
        30,
    ),
]
DESCRIPTION = (
    "{summary}\n\nWe zijn een groep buren die dit graag samen wil oppakken. Iedereen is "
    "welkom om mee te doen, ook als je maar af en toe tijd hebt. Heb je een idee of wil je "
    "helpen? Steun het initiatief of volg het, dan houden we je op de hoogte."
)
NEWS = (
    "We zijn begonnen! Dank aan iedereen die zich heeft aangemeld. "
    "De volgende bijeenkomst is zaterdag om 10.00 uur; nieuwe gezichten zijn welkom."
)
COLOURS = [(64, 130, 80), (200, 120, 40), (40, 90, 160), (150, 60, 120)]


def _photo(n: int) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (1200, 800), COLOURS[n % len(COLOURS)]).save(out, format="JPEG")
    return SimpleUploadedFile(f"demo-{n}.jpg", out.getvalue(), content_type="image/jpeg")


def _neighbourhood(name: str) -> Neighbourhood | None:
    return (
        Neighbourhood.objects.filter(Q(name=name)).order_by("-level").first()
        or Neighbourhood.objects.filter(level=Neighbourhood.Level.WIJK).order_by("name").first()
    )


def seed(*, out) -> list[DemoAccount]:
    organiser = demo_user(ORGANISER_EMAIL, display_name="Sanne (initiatiefnemer)")
    resident = demo_user(RESIDENT_EMAIL, display_name="Anne (bewoner)")
    staff = demo_user(
        STAFF_EMAIL,
        display_name="Gemeente Assen (demo)",
        is_staff=True,
        totp_secret=STAFF_TOTP_SECRET,
    )
    today = timezone.localdate()
    created = 0
    for n, (title, summary, theme, place, needs, state, start) in enumerate(INITIATIVES):
        if Initiative.objects.filter(title=title).exists():
            continue
        neighbourhood = _neighbourhood(place)
        if neighbourhood is None:
            out.write("Initiatives: no neighbourhoods yet; run the neighbourhoods seed first.")
            break
        initiative = initiative_create(
            by=organiser,
            title=title,
            summary=summary,
            description=DESCRIPTION.format(summary=summary),
            theme=theme,
            neighbourhood=neighbourhood,
            latitude=(neighbourhood.latitude or 52.9925) + 0.001 * (n % 3),
            longitude=(neighbourhood.longitude or 6.5625) + 0.001 * (n % 2),
            start_date=today + timedelta(days=start),
            end_date=today + timedelta(days=start + 180) if n % 2 else None,
            needs=needs,
            photos=[_photo(n)] if n % 3 != 2 else [],
        )
        if n == 0:  # Anne organises the first one with Sanne
            invitation = organiser_invite(
                initiative=initiative, by=organiser, email=RESIDENT_EMAIL
            )
            organiser_invitation_accept(invitation=invitation, by=resident)
        for to_status in PATHS[state]:
            move = TRANSITIONS[(initiative.status, to_status)]
            by = organiser if ORGANISER in move.who else staff
            initiative_transition(
                initiative=initiative, to_status=to_status, by=by, note=NOTES.get(to_status, "")
            )
        if initiative.status == Status.PUBLISHED:
            initiative_support(initiative=initiative, by=resident)
            initiative_follow(initiative=initiative, by=resident)
            initiative_update_post(initiative=initiative, by=organiser, text=NEWS)
        created += 1
    out.write(f"Initiatives: {created} created, {len(INITIATIVES) - created} already there.")
    seed_money(organiser=organiser, staff=staff, year=today.year, out=out)
    _seed_comments(organiser=organiser, resident=resident, out=out)
    _seed_accountability(organiser=organiser, staff=staff, out=out)
    return [DemoAccount(role="initiative organiser (initiatiefnemer)", email=ORGANISER_EMAIL)]


# The municipality's lines (code, name, amount, savings target): the seed's "Bouwbudget"
# of EUR 3.8 million, with the agreed saving of EUR 800,000 to 1,000,000 (here 900,000)
# sought in the first three.
COMMENTS = [
    ("resident", "Wat een goed idee! Ik kom dinsdag zeker een kopje koffie drinken."),
    ("organiser", "Leuk, Anne! Neem gerust de buren mee."),
    ("neighbour", "Goedkope zonnepanelen? Bel nu 0800-1234 en krijg 50% korting!!!"),
]


def _seed_comments(*, organiser, resident, out) -> None:
    from mijnbuurt.accounts.models import User

    from .models import Comment
    from .services import comment_post, content_report

    initiative = (
        Initiative.objects.filter(status=Status.PUBLISHED, hidden_at__isnull=True)
        .order_by("pk")
        .first()
    )
    if initiative is None or Comment.objects.filter(initiative=initiative).exists():
        return
    neighbour, created = User.objects.get_or_create(
        email="kees.demo@example.org", defaults={"display_name": "Kees"}
    )
    if created:
        neighbour.set_unusable_password()
        neighbour.save()
    people = {"resident": resident, "organiser": organiser, "neighbour": neighbour}
    for who, body in COMMENTS:
        comment = comment_post(initiative=initiative, by=people[who], body=body)
    content_report(item=comment, by=resident, reason="spam", text="Reclame, geen reactie.")
    out.write(f"Initiatives: {len(COMMENTS)} comments on “{initiative.title}”, one reported.")


# The completed initiative's accountability report, so /initiatieven/kennis/ shows it.
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


def _seed_accountability(*, organiser, staff, out) -> None:
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
        photos=[_photo(2)],
        submit=True,
    )
    accountability_report_accept(report=report, by=staff)
    out.write(f"Initiatives: an accepted accountability report for “{initiative.title}”.")
