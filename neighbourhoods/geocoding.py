"""Addresses to coordinates through PDOK's Locatieserver (settings.GEOCODER_URL).

Results are cached; the timeouts are short. When the service cannot be reached or
finds nothing, a :class:`~mijnbuurt.core.exceptions.ServiceError` with a translated
message says so, and the caller lets the resident pick a neighbourhood from a list.
"""

import hashlib
import logging
import re
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError

logger = logging.getLogger(__name__)

TIMEOUT = (2, 4)  # seconds: connect, read
CACHE_SECONDS = 60 * 60 * 24 * 30
NOT_FOUND_CACHE_SECONDS = 60 * 60
# A Dutch postcode: four digits, the first never 0, then two letters. The one pattern
# of the platform (the hand-over's anonymity check looks for it too).
POSTCODE_PATTERN = r"([1-9]\d{3})\s*([A-Za-z]{2})"
POSTCODE = re.compile(rf"^\s*{POSTCODE_PATTERN}\s*$")
HOUSE_NUMBER = re.compile(r"^\s*(\d{1,5})\s*[-\s]?\s*([A-Za-z0-9]{0,4})\s*$")
POINT = re.compile(r"^POINT\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$")
_NOT_FOUND = "not-found"


@dataclass(frozen=True)
class GeocodeResult:
    latitude: float
    longitude: float
    label: str


def normalise_postcode(value: str) -> str:
    """'9401 ga' -> '9401GA'; raises ServiceError when it is not a Dutch postcode."""
    match = POSTCODE.match(value or "")
    if not match:
        raise ServiceError(
            _("Enter a postcode of four digits and two letters, for example 9401 GA."),
            code="bad_postcode",
        )
    return f"{match.group(1)}{match.group(2).upper()}"


def normalise_house_number(value: str) -> str:
    """'12 a' -> '12a'; raises ServiceError when it is not a house number."""
    match = HOUSE_NUMBER.match(str(value or ""))
    if not match or int(match.group(1)) == 0:
        raise ServiceError(
            _("Enter a house number, for example 12 or 12a."), code="bad_house_number"
        )
    return f"{int(match.group(1))}{match.group(2).lower()}"


def geocode_postcode(*, postcode: str, house_number: str) -> GeocodeResult:
    """The coordinates of a postcode and house number."""
    query = f"{normalise_postcode(postcode)} {normalise_house_number(house_number)}"
    return geocode_address(query=query)


def geocode_address(*, query: str) -> GeocodeResult:
    """The coordinates of a free address, such as 'Noordersingel 33, Assen'."""
    query = " ".join((query or "").split())[:200]
    if not query:
        raise ServiceError(_("Enter an address."), code="bad_address")
    key = "geocoder:" + hashlib.sha256(query.lower().encode()).hexdigest()
    cached = cache.get(key)
    if cached == _NOT_FOUND:
        raise _not_found()
    if cached is not None:
        return GeocodeResult(**cached)
    result = _ask_locatieserver(query)
    if result is None:
        cache.set(key, _NOT_FOUND, NOT_FOUND_CACHE_SECONDS)
        raise _not_found()
    cache.set(key, result.__dict__, CACHE_SECONDS)
    return result


def _not_found() -> ServiceError:
    return ServiceError(
        _("We could not find that address. Check it, or choose your neighbourhood from the list."),
        code="not_found",
    )


def _ask_locatieserver(query: str) -> GeocodeResult | None:
    try:
        response = requests.get(
            settings.GEOCODER_URL.rstrip("/") + "/free",
            params={"q": query, "fq": "type:adres", "rows": 1},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        docs = response.json()["response"]["docs"]
    except (requests.RequestException, ValueError, KeyError, TypeError) as error:
        # The error's text holds the URL, and so the address asked for: log its kind.
        status = getattr(getattr(error, "response", None), "status_code", None)
        logger.warning("Geocoder unavailable: %s, HTTP status %s", type(error).__name__, status)
        raise ServiceError(
            _(
                "The address service cannot be reached right now. "
                "Choose your neighbourhood from the list instead."
            ),
            code="unreachable",
        ) from error
    if not docs:
        return None
    match = POINT.match(str(docs[0].get("centroide_ll", "")).strip())
    if not match:
        return None
    return GeocodeResult(
        latitude=float(match.group(2)),
        longitude=float(match.group(1)),
        label=str(docs[0].get("weergavenaam", "")),
    )
