"""Demo data: Assen's real wijken and buurten, area teams with a professional each,
and a social map of fictional organisations of the kinds Assen has (the help requests
in every state are helprequests' demo)."""

from pathlib import Path

from django.db import transaction

from mijnbuurt.accounts.demo import demo_user
from mijnbuurt.core.demo import DemoAccount

from .models import AreaTeam, Neighbourhood, Organisation, TeamMembership
from .services import neighbourhood_import

DATA = Path(__file__).resolve().parent / "data"
BOUNDARY_FILES = [DATA / "assen-wijken-2023.geojson", DATA / "assen-buurten-2022.geojson"]
PROFESSIONAL_TOTP_SECRET = "MIJNBUURTASSENDEMOPROF22"  # noqa: S105 - published demo secret

# team name, wijk codes, professional e-mail, display name, discipline, walk-in place
TEAMS = [
    (
        "Gebiedsteam Centrum en West",
        ["WK010600", "WK010605", "WK010699"],
        "team-centrum@example.org",
        "Fatima (gebiedsteam Centrum en West)",
        TeamMembership.Discipline.SOCIAL_WORK,
        "Wijkcentrum Centrum (demo), Voorbeeldstraat 1",
    ),
    (
        "Gebiedsteam Oost",
        ["WK010601", "WK010602", "WK010603", "WK010604"],
        "team-oost@example.org",
        "Joost (gebiedsteam Oost)",
        TeamMembership.Discipline.YOUTH_AND_FAMILY,
        "Buurthuis Oost (demo), Voorbeeldlaan 2",
    ),
    (
        "Gebiedsteam Noord",
        ["WK010606", "WK010607", "WK010608"],
        "team-noord@example.org",
        "Sanne (gebiedsteam Noord)",
        TeamMembership.Discipline.ELDERLY_CARE,
        "Wijkcentrum Noord (demo), Voorbeeldweg 3",
    ),
]

K = Organisation.Kind
# name, kind, wijk code served, description
ORGANISATIONS = [
    (
        "Welzijn Assen (demo)",
        K.WELFARE,
        "WK010600",
        "Ouderenadvies, maatjesprojecten en ondersteuning van mantelzorgers.",
    ),
    (
        "Thuiszorgteam Pittelo (demo)",
        K.CARE,
        "WK010604",
        "Wijkverpleging en persoonlijke verzorging aan huis.",
    ),
    (
        "Jongerenwerk Peelo (demo)",
        K.YOUTH,
        "WK010606",
        "Een plek voor jongeren van 12 tot 23: inloop, sport en hulp bij school of werk.",
    ),
    (
        "Voetbalvereniging Kloosterveen (demo)",
        K.SPORT,
        "WK010608",
        "Voetbal voor jeugd en senioren, met een G-team.",
    ),
    (
        "Muziekvereniging Assen-Oost (demo)",
        K.CULTURE,
        "WK010603",
        "Harmonie en slagwerkgroep; nieuwe leden van alle leeftijden welkom.",
    ),
    (
        "Diaconie Noorderpark (demo)",
        K.RELIGIOUS,
        "WK010602",
        "Maaltijden en praktische hulp voor wie het nodig heeft, geloof of niet.",
    ),
    (
        "Basisschool De Marsdijk (demo)",
        K.SCHOOL,
        "WK010607",
        "Basisschool met een open schoolplein en een ouderkamer.",
    ),
    (
        "Wijkvereniging Lariks (demo)",
        K.RESIDENTS_ASSOCIATION,
        "WK010601",
        "Bewoners die samen de buurt leefbaar houden: buurtfeesten, groen en veiligheid.",
    ),
    (
        "Fietsenmaker Assen-West (demo)",
        K.BUSINESS,
        "WK010605",
        "Reparaties en een leerwerkplek voor jongeren uit de wijk.",
    ),
    (
        "Buurtbedrijf Kloosterveen (demo)",
        K.NEIGHBOURHOOD_ENTERPRISE,
        "WK010608",
        "Klussen, groenonderhoud en een repaircafé, gedragen door bewoners.",
    ),
    (
        "Taalcafé Centrum (demo)",
        K.OTHER,
        "WK010600",
        "Elke week Nederlands oefenen met vrijwilligers, gewoon aan de koffietafel.",
    ),
    (
        "Voedselbank-uitgiftepunt Marsdijk (demo)",
        K.WELFARE,
        "WK010607",
        "Uitgifte van voedselpakketten; aanmelden via het gebiedsteam.",
    ),
]


@transaction.atomic
def seed(*, out) -> list[DemoAccount]:
    result = neighbourhood_import(paths=BOUNDARY_FILES)
    out.write(
        f"Neighbourhoods: {result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged."
    )
    wijken = {n.code: n for n in Neighbourhood.objects.filter(level=Neighbourhood.Level.WIJK)}
    accounts = []
    for n, (name, codes, email, display_name, discipline, place) in enumerate(TEAMS, start=1):
        team, _created = AreaTeam.objects.update_or_create(
            name=name,
            defaults={
                "phone": f"0592-000 1{n:02d}",  # a valid number for up to 99 teams
                "email": f"gebiedsteam{n}@example.org",
                "walk_in_hours": "dinsdag en donderdag 9.00-12.00 uur",
                "walk_in_place": place,
            },
        )
        team.neighbourhoods.set([wijken[code] for code in codes if code in wijken])
        user = demo_user(email, display_name=display_name, totp_secret=PROFESSIONAL_TOTP_SECRET)
        TeamMembership.objects.update_or_create(
            team=team, user=user, defaults={"discipline": discipline, "is_coordinator": True}
        )
        accounts.append(
            DemoAccount(
                role=f"professional ({name.removeprefix('Gebiedsteam ')})",
                email=email,
                totp_secret=PROFESSIONAL_TOTP_SECRET,
            )
        )

    for n, (name, kind, code, description) in enumerate(ORGANISATIONS, start=1):
        wijk = wijken.get(code)
        organisation, _created = Organisation.objects.update_or_create(
            slug=f"demo-{n}",
            defaults={
                "name": name,
                "kind": kind,
                "description": description,
                "address": f"Voorbeeldstraat {n}, Assen",
                "latitude": wijk.latitude if wijk else None,
                "longitude": (wijk.longitude + 0.002 * (n % 3)) if wijk else None,
                "phone": f"0592-000 {n:03d}",
                "email": f"info{n}@example.org",
                "website": f"https://example.org/demo-{n}",
                "opening_hours": "maandag t/m vrijdag 9.00-17.00 uur",
                "is_approved": True,
            },
        )
        organisation.neighbourhoods.set([wijk] if wijk else [])
    out.write(f"Area teams: {len(TEAMS)}; organisations on the social map: {len(ORGANISATIONS)}.")
    return accounts
