"""The API's datasets as a DCAT catalogue in JSON-LD, by the Dutch profile DCAT-AP-DONL
(data.overheid.nl), so that the national and European portals can harvest them.

Each dataset has what DONL 1.1 makes mandatory: identifier, title and description
(Dutch and English), language, theme (the government's taxonomy
"TaxonomieBeleidsagenda"), modification date, authority and publisher (Gemeente Assen),
a contact point; and a distribution per dataset with its access address, licence,
title, description, language, format and media type. The data are CC0; the geometry of
the wijken and buurten is CBS/Kadaster's (CC BY 4.0) and keeps their attribution.
"""

import datetime as dt

from neighbourhoods.layers import BUURTEN_ATTRIBUTION, WIJKEN_ATTRIBUTION

from .http import VERSION

OWMS = "http://standaarden.overheid.nl/owms/terms/"
ASSEN = OWMS + "Assen_(gemeente)"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
CC_BY = "http://creativecommons.org/licenses/by/4.0/deed.nl"
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
ENGLISH = "http://publications.europa.eu/resource/authority/language/ENG"
JSON_FORMAT = "http://publications.europa.eu/resource/authority/file-type/JSON"
GEOJSON_FORMAT = "http://publications.europa.eu/resource/authority/file-type/GEOJSON"
FREQUENCY = "http://purl.org/cld/freq/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "overheid": "http://standaarden.overheid.nl/owms/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _text(nl: str, en: str) -> list[dict]:
    return [{"@language": "nl", "@value": nl}, {"@language": "en", "@value": en}]


# (path, theme, frequency, media type, (Dutch title, English title),
#  (Dutch description, English description), attribution of the geometry or None)
DATASETS = [
    (
        "initiatives",
        "Bestuur",
        "continuous",
        "application/json",
        ("Bewonersinitiatieven", "Residents' initiatives"),
        (
            "Lopende en afgeronde bewonersinitiatieven in Assen, met thema, buurt en steun.",
            "Running and completed residents' initiatives in Assen, with theme, area and support.",
        ),
        None,
    ),
    (
        "volunteer-tasks",
        "Sociale_zekerheid",
        "continuous",
        "application/json",
        ("Vrijwilligerstaken", "Volunteer tasks"),
        (
            "Open vrijwilligerstaken met hun diensten en vrije plaatsen.",
            "Open volunteer tasks with their shifts and places left.",
        ),
        None,
    ),
    (
        "venues",
        "Cultuur_en_recreatie",
        "continuous",
        "application/json",
        ("Buurthuizen en zalen", "Community buildings and rooms"),
        (
            "Buurthuizen met hun zalen, voorzieningen, openingstijden en bezetting per dag.",
            "Community buildings with their rooms, facilities, opening hours and occupancy "
            "per day.",
        ),
        None,
    ),
    (
        "organisations",
        "Sociale_zekerheid",
        "continuous",
        "application/json",
        ("Sociale kaart", "Social map"),
        (
            "Organisaties op de sociale kaart en de wijken en buurten die ze bedienen.",
            "Organisations on the social map and the wijken and buurten they serve.",
        ),
        None,
    ),
    (
        "listings",
        "Sociale_zekerheid",
        "continuous",
        "application/json",
        ("Vraag en aanbod", "Offers and requests"),
        (
            "Open vragen en aanbod van bewoners en organisaties, zonder wie ze plaatste.",
            "Open offers and requests of residents and organisations, without who placed them.",
        ),
        None,
    ),
    (
        "activities",
        "Cultuur_en_recreatie",
        "continuous",
        "application/json",
        ("Activiteiten", "Activities"),
        (
            "Geplande activiteiten in de buurt, met plaats, doelgroep, kosten en vrije plaatsen.",
            "Planned activities in the neighbourhood, with place, audience, costs and places "
            "left.",
        ),
        None,
    ),
    (
        "wijk-figures",
        "Bestuur",
        "monthly",
        "application/json",
        ("Cijfers per wijk en maand", "Figures per wijk and month"),
        (
            "De cijfers van de wijkanalyse per wijk en maand; aantallen onder 5 als <5.",
            "The wijkanalyse's figures per wijk and month; counts below 5 as <5.",
        ),
        None,
    ),
    (
        "wijken",
        "Ruimte_en_infrastructuur",
        "irregular",
        "application/geo+json",
        ("Wijken van Assen", "Wijken of Assen"),
        (
            "De wijken van Assen met hun CBS-codes en grenzen (GeoJSON).",
            "The wijken of Assen with their CBS codes and boundaries (GeoJSON).",
        ),
        WIJKEN_ATTRIBUTION,
    ),
    (
        "buurten",
        "Ruimte_en_infrastructuur",
        "irregular",
        "application/geo+json",
        ("Buurten van Assen", "Buurten of Assen"),
        (
            "De buurten van Assen met hun CBS-codes en grenzen (GeoJSON).",
            "The buurten of Assen with their CBS codes and boundaries (GeoJSON).",
        ),
        BUURTEN_ATTRIBUTION,
    ),
]
PATHS = [dataset[0] for dataset in DATASETS]


def _assen() -> dict:
    return {"@id": ASSEN, "@type": "foaf:Agent", "foaf:name": "Gemeente Assen"}


def _contact() -> dict:
    return {
        "@type": "vcard:Organization",
        "vcard:fn": "Gemeente Assen",
        "vcard:hasURL": {"@id": "https://www.assen.nl"},
    }


def _dataset(base: str, docs: str, today: dt.date, spec: tuple) -> dict:
    path, theme, frequency, media_type, title, description, attribution = spec
    url = f"{base}/{path}"
    distribution = {
        "@id": f"{url}#distribution",
        "@type": "dcat:Distribution",
        "dcat:accessURL": {"@id": url},
        "dct:title": _text(*title),
        "dct:description": _text(*description),
        "dct:language": [{"@id": DUTCH}],
        "dct:format": {"@id": GEOJSON_FORMAT if "geo" in media_type else JSON_FORMAT},
        "dcat:mediaType": media_type,
        "dct:conformsTo": {"@id": f"{base}/openapi.json"},
        "dct:license": {"@id": CC0},
    }
    dataset = {
        "@id": url,
        "@type": "dcat:Dataset",
        "dct:identifier": url,
        "dct:title": _text(*title),
        "dct:description": _text(*description),
        "dct:language": [{"@id": DUTCH}],
        "dcat:theme": [{"@id": OWMS + theme}],
        "dct:modified": {"@value": today.isoformat(), "@type": "xsd:date"},
        "overheid:authority": {"@id": ASSEN},
        "dct:publisher": _assen(),
        "dcat:contactPoint": _contact(),
        "dct:spatial": {"@id": ASSEN},
        "dct:accrualPeriodicity": {"@id": FREQUENCY + frequency},
        "dcat:landingPage": {"@id": docs},
        "dct:license": {"@id": CC0},
        "dcat:distribution": [distribution],
    }
    if attribution:
        # The boundaries are CBS/Kadaster's open data (CC BY 4.0): reuse names them.
        distribution["dct:license"] = {"@id": CC_BY}
        distribution["dct:rights"] = attribution
        dataset["dct:license"] = {"@id": CC_BY}
        dataset["dct:rights"] = attribution
        dataset["dct:source"] = {
            "@type": "foaf:Agent",
            "foaf:name": "Kadaster / Centraal Bureau voor de Statistiek",
        }
    return dataset


def catalogue(*, base: str, docs: str, today: dt.date) -> dict:
    """The catalogue of the API at ``base`` (absolute, without a trailing slash)."""
    return {
        "@context": CONTEXT,
        "@id": f"{base}/catalogus",
        "@type": "dcat:Catalog",
        "dct:title": _text("Mijn buurt Assen: open data", "Mijn buurt Assen: open data"),
        "dct:description": _text(
            "De openbare gegevens van Mijn buurt Assen, via een API volgens de API Design Rules.",
            "The public data of Mijn buurt Assen, through an API that follows the API "
            "Design Rules.",
        ),
        "dct:publisher": _assen(),
        "dct:language": [{"@id": DUTCH}, {"@id": ENGLISH}],
        "dct:license": {"@id": CC0},
        "dct:modified": {"@value": today.isoformat(), "@type": "xsd:date"},
        "foaf:homepage": {"@id": docs},
        "owl:versionInfo": VERSION,
        "dcat:dataset": [_dataset(base, docs, today, spec) for spec in DATASETS],
    }
