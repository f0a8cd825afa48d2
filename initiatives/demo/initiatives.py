"""Demo initiatives across Assen's neighbourhoods, in every state, made through the services.

Idempotent: an initiative whose title already exists is left alone.
"""

from datetime import timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone
from PIL import Image

from mijnbuurt.accounts.demo import demo_neighbours
from neighbourhoods.models import Neighbourhood

from ..lifecycle import ORGANISER, TRANSITIONS
from ..models import Initiative, Status, Theme
from ..services import (
    comment_post,
    initiative_create,
    initiative_follow,
    initiative_support,
    initiative_transition,
    initiative_update_post,
    organiser_invitation_accept,
    organiser_invite,
)
from .catalogue import MORE_INITIATIVES

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
OWN = len(INITIATIVES)  # Sanne's; the others are organised by fictional neighbours
INITIATIVES += MORE_INITIATIVES
DESCRIPTION = (
    "{summary}\n\nWe zijn een groep buren die dit graag samen wil oppakken. Iedereen is "
    "welkom om mee te doen, ook als je maar af en toe tijd hebt. Heb je een idee of wil je "
    "helpen? Steun het initiatief of volg het, dan houden we je op de hoogte."
)
NEWS = (
    "We zijn begonnen! Dank aan iedereen die zich heeft aangemeld. "
    "De volgende bijeenkomst is zaterdag om 10.00 uur; nieuwe gezichten zijn welkom."
)
COMMENTS = [
    "Wat goed dat hier iets gebeurt! Ik doe graag mee.",
    "Mooi plan. Kunnen de buren van de overkant ook aansluiten?",
    "Ik heb nog gereedschap staan, dat mogen jullie lenen.",
    "Eindelijk! Hier praten we al jaren over.",
]
COLOURS = [(64, 130, 80), (200, 120, 40), (40, 90, 160), (150, 60, 120)]


def demo_photo(n: int) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (1200, 800), COLOURS[n % len(COLOURS)]).save(out, format="JPEG")
    return SimpleUploadedFile(f"demo-{n}.jpg", out.getvalue(), content_type="image/jpeg")


def _neighbourhood(name: str) -> Neighbourhood | None:
    return (
        Neighbourhood.objects.filter(Q(name=name)).order_by("-level").first()
        or Neighbourhood.objects.filter(level=Neighbourhood.Level.WIJK).order_by("name").first()
    )


def seed_initiatives(*, organiser, resident, staff, out) -> None:
    today = timezone.localdate()
    neighbours = demo_neighbours()
    created = 0
    for n, (title, summary, theme, place, needs, state, start) in enumerate(INITIATIVES):
        if Initiative.objects.filter(title=title).exists():
            continue
        neighbourhood = _neighbourhood(place)
        if neighbourhood is None:
            out.write("Initiatives: no neighbourhoods yet; run the neighbourhoods seed first.")
            break
        owner = organiser if n < OWN else neighbours[n % len(neighbours)]
        initiative = initiative_create(
            by=owner,
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
            photos=[demo_photo(n)] if n % 3 != (2 if n < OWN else 0) else [],
        )
        if n == 0:  # Anne organises the first one with Sanne
            invitation = organiser_invite(
                initiative=initiative, by=organiser, email=resident.email
            )
            organiser_invitation_accept(invitation=invitation, by=resident)
        for to_status in PATHS[state]:
            move = TRANSITIONS[(initiative.status, to_status)]
            by = owner if ORGANISER in move.who else staff
            initiative_transition(
                initiative=initiative, to_status=to_status, by=by, note=NOTES.get(to_status, "")
            )
        if initiative.status == Status.PUBLISHED:
            _liven_up(initiative, n, owner=owner, resident=resident, neighbours=neighbours)
        created += 1
    out.write(f"Initiatives: {created} created, {len(INITIATIVES) - created} already there.")


def _liven_up(initiative, n: int, *, owner, resident, neighbours) -> None:
    """Support, followers, news and (but on the first, which moderation's demo comments
    on) a few comments from the neighbours."""
    initiative_support(initiative=initiative, by=resident)
    initiative_follow(initiative=initiative, by=resident)
    supporters = [person for person in neighbours if person != owner]
    for person in supporters[: 2 + (n * 5) % 9]:
        initiative_support(initiative=initiative, by=person)
    initiative_update_post(initiative=initiative, by=owner, text=NEWS)
    if n == 0:
        return
    for k in range(n % 3):
        comment_post(
            initiative=initiative,
            by=supporters[(n + k) % len(supporters)],
            body=COMMENTS[(n + k) % len(COMMENTS)],
        )
