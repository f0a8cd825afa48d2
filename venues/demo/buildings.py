"""The demo's community buildings: one or more in every wijk of Assen, with rooms,
opening hours and tariffs. MFA Assen-Oost is a real building; the others are
fictional (marked "demo"), of the kinds Assen has."""

import datetime as dt

from ..models import Venue

OWNER = Venue.OwnerKind

WEEKDAYS_DAY_AND_EVENING = [(d, dt.time(9), dt.time(22)) for d in range(5)] + [
    (5, dt.time(10), dt.time(17))
]
EVENINGS = [(d, dt.time(18, 30), dt.time(22, 30)) for d in range(5)]

# slug, name, wijk code, owner, address, managed by the demo manager, auto-approve,
# commercial cap, accessibility, opening hours, rooms:
# (name, capacity, facilities, (initiative, non-profit, commercial) per hour)
VENUES = [
    (
        "mfa-assen-oost",
        "MFA Assen-Oost",
        "WK010603",
        OWNER.MUNICIPALITY,
        "Assen-Oost (demo-adres)",
        True,
        False,
        20,
        {"step_free": True, "accessible_toilet": True, "hearing_loop": True},
        WEEKDAYS_DAY_AND_EVENING,
        [
            ("Sportzaal", 120, ["sports_floor", "sound_system"], ("10", "25", "60")),
            (
                "Ontmoetingsruimte",
                60,
                ["kitchen", "projector", "sound_system", "wifi"],
                ("5", "15", "45"),
            ),
            ("Vergaderkamer", 12, ["projector", "wifi"], ("0", "7.50", "25")),
        ],
    ),
    (
        "buurthuis-lariks",
        "Buurthuis Lariks (demo)",
        "WK010601",
        OWNER.RESIDENTS_ASSOCIATION,
        "Voorbeeldstraat 10, Assen (demo-adres)",
        True,
        True,
        None,
        {"step_free": True},
        WEEKDAYS_DAY_AND_EVENING,
        [
            ("Grote zaal", 50, ["kitchen", "sound_system", "wifi"], ("0", "10", "35")),
            ("Tuinkamer", 15, ["garden", "kitchen"], ("0", "5", "20")),
        ],
    ),
    (
        "wijkcentrum-kloosterveen",
        "Wijkcentrum Kloosterveen (demo)",
        "WK010608",
        OWNER.FOUNDATION,
        "Voorbeeldplein 3, Assen (demo-adres)",
        False,
        False,
        10,
        {"step_free": True, "accessible_toilet": True},
        WEEKDAYS_DAY_AND_EVENING,
        [
            ("Zaal", 80, ["kitchen", "projector", "sound_system", "wifi"], ("5", "15", "50")),
            ("Atelier", 20, ["wifi"], ("2.50", "7.50", "25")),
        ],
    ),
    (
        "kerkzaal-pittelo",
        "Kerkzaal Pittelo (demo)",
        "WK010604",
        OWNER.CHURCH,
        "Voorbeeldweg 7, Assen (demo-adres)",
        False,
        False,
        None,
        {"hearing_loop": True},
        EVENINGS,
        [("Kerkzaal", 70, ["kitchen", "sound_system"], ("0", "10", "30"))],
    ),
    (
        "schoolzaal-peelo",
        "Speelzaal basisschool Peelo (demo)",
        "WK010606",
        OWNER.SCHOOL,
        "Voorbeeldlaan 21, Assen (demo-adres)",
        False,
        False,
        0,
        {"step_free": True},
        EVENINGS,
        [("Speelzaal", 40, ["sports_floor"], ("0", "5", "20"))],
    ),
]
SATURDAYS = [(5, dt.time(9), dt.time(17))]
VILLAGE_HALL = [(d, dt.time(13), dt.time(23)) for d in range(5)] + SATURDAYS

VENUES += [
    (
        "buurthuis-de-hertenkamp",
        "Buurthuis De Hertenkamp (demo)",
        "WK010600",
        OWNER.FOUNDATION,
        "Voorbeeldstraat 4, Assen (demo-adres)",
        False,
        True,
        10,
        {"step_free": True, "accessible_toilet": True},
        WEEKDAYS_DAY_AND_EVENING,
        [
            ("Grote zaal", 60, ["kitchen", "sound_system", "wifi"], ("5", "12.50", "40")),
            ("Leeskamer", 10, ["wifi"], ("0", "5", "15")),
        ],
    ),
    (
        "wijkcentrum-noorderpark",
        "Wijkcentrum Noorderpark (demo)",
        "WK010602",
        OWNER.MUNICIPALITY,
        "Voorbeeldhof 12, Assen (demo-adres)",
        False,
        False,
        20,
        {"step_free": True, "accessible_toilet": True, "hearing_loop": True},
        WEEKDAYS_DAY_AND_EVENING,
        [
            (
                "Zaal Componist",
                90,
                ["kitchen", "projector", "sound_system", "wifi"],
                ("5", "15", "50"),
            ),
            ("Keuken", 16, ["kitchen"], ("2.50", "7.50", "25")),
            ("Spreekkamer", 6, ["wifi"], ("0", "5", "15")),
        ],
    ),
    (
        "mfa-baggelhuizen",
        "MFA Baggelhuizen (demo)",
        "WK010605",
        OWNER.MUNICIPALITY,
        "Voorbeeldpad 30, Assen (demo-adres)",
        False,
        False,
        20,
        {"step_free": True, "accessible_toilet": True},
        WEEKDAYS_DAY_AND_EVENING,
        [
            ("Gymzaal", 100, ["sports_floor"], ("10", "25", "55")),
            ("Buurtkamer", 30, ["kitchen", "wifi"], ("0", "10", "30")),
        ],
    ),
    (
        "wijkcentrum-de-hullen",
        "Wijkcentrum De Hullen (demo)",
        "WK010607",
        OWNER.FOUNDATION,
        "Voorbeeldring 8, Assen (demo-adres)",
        False,
        False,
        15,
        {"step_free": True, "accessible_toilet": True},
        WEEKDAYS_DAY_AND_EVENING,
        [
            (
                "Marsdijkzaal",
                80,
                ["kitchen", "projector", "sound_system", "wifi"],
                ("5", "15", "45"),
            ),
            ("Jongerenruimte", 25, ["sound_system", "wifi"], ("0", "5", "20")),
        ],
    ),
    (
        "dorpshuis-loon",
        "Dorpshuis Loon (demo)",
        "WK010699",
        OWNER.RESIDENTS_ASSOCIATION,
        "Voorbeelddijk 2, Loon (demo-adres)",
        False,
        True,
        None,
        {"step_free": True},
        VILLAGE_HALL,
        [
            ("Zaal", 70, ["kitchen", "sound_system", "garden"], ("0", "10", "35")),
            ("Bestuurskamer", 10, ["wifi"], ("0", "5", "15")),
        ],
    ),
    (
        "kantine-sportpark-kloosterveen",
        "Kantine sportpark Kloosterveen (demo)",
        "WK010608",
        OWNER.RESIDENTS_ASSOCIATION,
        "Voorbeeldveld 1, Assen (demo-adres)",
        False,
        True,
        10,
        {"step_free": True, "accessible_toilet": True},
        EVENINGS + SATURDAYS,
        [("Kantine", 60, ["kitchen", "sound_system", "wifi"], ("0", "10", "30"))],
    ),
    (
        "bibliotheekzaal-centrum",
        "Zaal in de bibliotheek Centrum (demo)",
        "WK010600",
        OWNER.MUNICIPALITY,
        "Voorbeeldplein 5, Assen (demo-adres)",
        False,
        False,
        0,
        {"step_free": True, "accessible_toilet": True, "hearing_loop": True},
        WEEKDAYS_DAY_AND_EVENING,
        [
            ("Lezingenzaal", 80, ["projector", "sound_system", "wifi"], ("5", "15", "45")),
            ("Studiekamer", 8, ["projector", "wifi"], ("0", "5", "15")),
        ],
    ),
]
