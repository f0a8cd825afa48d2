"""Demo help requests: one in every state, from obviously fictional people.

Made through the services, as people would (history, messages, audit log), for the
area teams that neighbourhoods' demo sets up. Seeding again leaves existing demo
requests alone, so it is idempotent.
"""

from django.db import transaction
from django.db.models import F

from mijnbuurt.accounts.demo import demo_neighbours, demo_user
from mijnbuurt.accounts.models import User
from mijnbuurt.core.demo import DemoAccount, demo_moment
from neighbourhoods.models import Neighbourhood, Organisation
from neighbourhoods.selectors import area_team_for

from .filing import help_request_create, help_request_intake
from .models import (
    OPEN_STATUSES,
    HelpKind,
    HelpMessage,
    HelpRequest,
    HelpRequestEvent,
    HelpStatus,
    ReplyTemplate,
    Satisfaction,
)
from .services import (
    help_message_send,
    help_note_add,
    help_reply_send,
    help_request_assign,
    help_request_transition,
    help_satisfaction_give,
)

MARK = "(demo) "
S = HelpStatus

# kind, urgency, description, statuses to walk through after "new"
REQUESTS = [
    (
        HelpKind.SHOPPING,
        "normal",
        "Ik heb mijn heup gebroken en kan een paar weken niet zelf naar de supermarkt.",
        [],
    ),
    (
        HelpKind.COMPANY,
        "low",
        "Sinds mijn man is overleden zit ik veel alleen. "
        "Ik zou graag iemand hebben om mee te wandelen.",
        [S.IN_TRIAGE],
    ),
    (
        HelpKind.TRANSPORT,
        "normal",
        "Ik moet elke week naar het ziekenhuis en heb geen auto meer.",
        [S.IN_TRIAGE, S.HANDED_TO_VOLUNTEER],
    ),
    (
        HelpKind.PAPERWORK,
        "high",
        "Ik begrijp de brieven van de belastingdienst niet en er komt een aanmaning.",
        [S.IN_TRIAGE, S.LIGHT_INTERVENTION],
    ),
    (
        HelpKind.PARENTING,
        "normal",
        "Onze zoon van 14 gaat niet meer naar school. Wij weten niet wat we moeten doen.",
        [S.IN_TRIAGE, S.REFERRED],
    ),
    (
        HelpKind.PRACTICAL,
        "low",
        "Mijn tuin is overwoekerd en ik kan niet meer bukken.",
        [S.IN_TRIAGE, S.LIGHT_INTERVENTION, S.RESOLVED],
    ),
    (
        HelpKind.HOUSING,
        "normal",
        "Er zit schimmel in de badkamer van mijn huurwoning.",
        [S.CLOSED_NOT_NEEDED],
    ),
    (
        HelpKind.OTHER,
        "low",
        "Ik zoek iemand die mij helpt met mijn nieuwe telefoon.",
        [S.WITHDRAWN],
    ),
]

# From fictional neighbours, in buurten of every area team: buurt, kind, urgency,
# description, statuses to walk through after "new"
ACROSS_TEAMS = [
    (
        "Bomenbuurt",
        HelpKind.SHOPPING,
        "normal",
        "Ik kom net uit het ziekenhuis en kan twee weken niet zelf boodschappen doen.",
        [],
    ),
    (
        "Baggelhuizen Noord",
        HelpKind.PAPERWORK,
        "high",
        "Ik kreeg een brief over mijn toeslag en snap niet wat ik moet doen.",
        [S.IN_TRIAGE],
    ),
    (
        "Loon",
        HelpKind.TRANSPORT,
        "normal",
        "Op zaterdag rijdt er geen bus vanuit Loon en ik moet naar de fysiotherapeut.",
        [S.IN_TRIAGE, S.HANDED_TO_VOLUNTEER],
    ),
    (
        "De Maten",
        HelpKind.COMPANY,
        "low",
        "Mijn vrouw woont sinds kort in een verpleeghuis; de dagen zijn lang.",
        [S.IN_TRIAGE, S.LIGHT_INTERVENTION, S.RESOLVED],
    ),
    (
        "De Lariks Oost",
        HelpKind.PRACTICAL,
        "low",
        "De lamp in mijn gang is kapot en ik durf niet meer op een trap te staan.",
        [S.IN_TRIAGE, S.LIGHT_INTERVENTION, S.RESOLVED],
    ),
    (
        "Pittelo Zuid",
        HelpKind.PARENTING,
        "normal",
        "Onze dochter van 9 wordt gepest en wil niet meer naar school.",
        [S.IN_TRIAGE, S.REFERRED],
    ),
    (
        "Componistenbuurt West",
        HelpKind.HOUSING,
        "urgent",
        "De verwarming in mijn flat doet het al een week niet en de verhuurder reageert niet.",
        [],
    ),
    (
        "Amelterhout",
        HelpKind.PAPERWORK,
        "normal",
        "Ik wil hulp bij het invullen van een aanvraag voor bijzondere bijstand.",
        [S.IN_TRIAGE, S.LIGHT_INTERVENTION],
    ),
    (
        "De Kampen/De Essen",
        HelpKind.COMPANY,
        "low",
        "Ik woon pas in Peelo en ken nog niemand. Is er ergens een koffieochtend?",
        [S.IN_TRIAGE, S.LIGHT_INTERVENTION],
    ),
    (
        "De Hullen",
        HelpKind.SHOPPING,
        "normal",
        "Mijn moeder (84) woont alleen en ik woon ver weg. Kan iemand boodschappen brengen?",
        [S.IN_TRIAGE, S.HANDED_TO_VOLUNTEER],
    ),
    (
        "Kloosterhoven",
        HelpKind.OTHER,
        "low",
        "Wie kan mij helpen mijn nieuwe computer en e-mail in te stellen?",
        [S.CLOSED_NOT_NEEDED],
    ),
    (
        "Kloostertuinen",
        HelpKind.PRACTICAL,
        "normal",
        "De heg is zo hoog geworden dat de buren klagen, en ik kan het niet meer.",
        [S.WITHDRAWN],
    ),
]

TEMPLATES = [
    (
        "",
        S.IN_TRIAGE,
        "Eerste contact",
        "Beste [naam],\n\nIk heb je hulpvraag gelezen en neem binnen twee werkdagen "
        "contact met je op.\n\nMet vriendelijke groet,",
    ),
    (
        "",
        "",
        "Meer informatie nodig",
        "Beste [naam],\n\nOm je goed te kunnen helpen wil ik graag nog iets meer weten: ",
    ),
    (
        HelpKind.PAPERWORK,
        "",
        "Formulierenhulp",
        "Beste [naam],\n\nWe kunnen je helpen met je post. Neem je brieven mee naar "
        "het inloopspreekuur van je gebiedsteam.",
    ),
]


def _team_member(neighbourhood: Neighbourhood) -> User:
    team = area_team_for(neighbourhood)
    return team.memberships.select_related("user").order_by("pk").first().user


def _file_and_walk(
    requester, buurt, professional, organisation, kind, urgency, description, steps
) -> None:
    """File a request as ``requester`` and let the team walk it through ``steps``."""
    help_request = help_request_create(
        requester=requester,
        neighbourhood=buurt,
        kind=kind,
        urgency=urgency,
        description=MARK + description,
        contact_way="phone",
        contact_phone="06 12345678",  # libphonenumber's example mobile number
        consent_share_anonymised=kind != HelpKind.PARENTING,
    )
    if steps:
        help_request_assign(help_request=help_request, by=professional, assignee=professional)
        help_message_send(
            help_request=help_request,
            by=professional,
            body="Dank je voor je vraag. Ik bel je deze week om kennis te maken.",
        )
    for step in steps:
        if step == help_request.status:
            continue  # the first message already started triage
        help_request_transition(
            help_request=help_request,
            to_status=step,
            by=requester if step == S.WITHDRAWN else professional,
            note="Je hebt aangegeven dat het al geregeld is."
            if step == S.CLOSED_NOT_NEEDED
            else "",
            organisation=organisation if step == S.REFERRED else None,
        )
    if S.LIGHT_INTERVENTION in steps and S.RESOLVED not in steps:
        help_note_add(
            help_request=help_request,
            by=professional,
            body="Samen de post doorgenomen; volgende week weer.",
        )
        help_reply_send(
            help_request=help_request, by=requester, body="Dank je, tot volgende week!"
        )
    if S.RESOLVED in steps:
        help_satisfaction_give(
            help_request=help_request, by=requester, score=4, comment="Fijn geholpen."
        )


def _across_teams(organisation) -> int:
    """Requests of the fictional neighbours in every area team, in several states."""
    neighbours = demo_neighbours()
    made = 0
    for n, (place, kind, urgency, description, steps) in enumerate(ACROSS_TEAMS):
        if HelpRequest.objects.filter(description=MARK + description).exists():
            continue
        buurt = Neighbourhood.objects.filter(name=place, level=Neighbourhood.Level.BUURT).first()
        if buurt is None or area_team_for(buurt) is None:
            continue
        requester = neighbours[(n + 1) % len(neighbours)]
        professional = _team_member(buurt)
        _file_and_walk(
            requester, buurt, professional, organisation, kind, urgency, description, steps
        )
        made += 1
    return made


@transaction.atomic
def seed(*, out) -> list[DemoAccount]:
    for kind, status, title, text in TEMPLATES:
        ReplyTemplate.objects.update_or_create(
            title=title, defaults={"kind": kind, "status": status, "text": text}
        )
    resident = User.objects.filter(email="bewoner@example.org").first() or demo_user(
        "bewoner@example.org", display_name="Anne (bewoner)"
    )
    organisation = Organisation.objects.filter(is_approved=True).order_by("name").first()
    if HelpRequest.objects.filter(description__startswith=MARK).exists():
        out.write("Help requests: Anne's demo requests already there.")
    else:
        buurt = (
            Neighbourhood.objects.filter(
                level=Neighbourhood.Level.BUURT, wijk__area_teams__isnull=False
            )
            .order_by("code")
            .first()
        )
        professional = _team_member(buurt)
        for kind, urgency, description, steps in REQUESTS:
            _file_and_walk(
                resident, buurt, professional, organisation, kind, urgency, description, steps
            )
        help_request_intake(
            by=professional,
            contact_name="Kees Voorbeeld (fictief)",
            contact_phone="0592-000000",
            neighbourhood=buurt,
            kind=HelpKind.PAPERWORK,
            description=MARK
            + "Belde het gebiedsteam: hulp nodig bij het aanvragen van huurtoeslag.",
            consent_share_anonymised=False,
        )
        out.write(f"Help requests: {len(REQUESTS) + 1} in every state, for {resident.email}.")
    made = _across_teams(organisation)
    out.write(f"Help requests: {made} new ones from neighbours across the area teams.")
    _spread_dates()
    return []


# Closed requests over most of the past year (inside the retention period), open ones in
# the last weeks, so the queue still shows fresh work.
CLOSED_DAYS, OPEN_DAYS = 330, 21


@transaction.atomic
def _spread_dates() -> None:
    """Move each demo request, with its events, messages and rating, to a moment that
    follows from its text (``demo_moment``); a request already there does not move."""
    for request in HelpRequest.objects.filter(description__startswith=MARK):
        days = OPEN_DAYS if request.status in OPEN_STATUSES else CLOSED_DAYS
        shift = demo_moment(f"help:{request.description}", days=days) - request.created_at
        if not shift:
            continue
        moved = {
            name: F(name) + shift
            for name in ("created_at", "due_at", "first_contact_at", "closed_at")
        }
        HelpRequest.objects.filter(pk=request.pk).update(**moved)
        HelpRequestEvent.objects.filter(request=request).update(at=F("at") + shift)
        HelpMessage.objects.filter(request=request).update(created_at=F("created_at") + shift)
        Satisfaction.objects.filter(request=request).update(created_at=F("created_at") + shift)
