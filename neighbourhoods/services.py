"""Writes and rules of the neighbourhoods app: importing boundaries, setting a home
neighbourhood, and the social map's organisations."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from shapely.geometry import shape

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.page_cache import pages_changed
from mijnbuurt.core.phones import phone_normalise

from . import locator
from .geocoding import geocode_address, geocode_postcode
from .images import logo_clean, logo_validate
from .layers import layers_changed
from .models import Neighbourhood, Organisation, TeamMembership

RESERVED_SLUGS = {"mijn-buurt"}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _read_features(paths: Iterable[Path | str]) -> list[dict]:
    features = []
    for path in paths:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            features.extend(data["features"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ServiceError(
                _("%(path)s is not a readable GeoJSON FeatureCollection.") % {"path": path},
                code="bad_file",
            ) from error
    return features


def _unique_slug(name: str, code: str, taken: set[str]) -> str:
    slug = slugify(name)[:100] or code.lower()
    if slug in taken or slug in RESERVED_SLUGS:
        slug = f"{slug}-{code.lower()}"
    return slug


@transaction.atomic
def neighbourhood_import(*, paths: Iterable[Path | str]) -> ImportResult:
    """Create or update wijken and buurten from CBS GeoJSON files; idempotent.

    Each buurt is linked to the wijk its CBS code names (``wijk_code``), never by a
    spatial join: the wijk and buurt layers come from different years (data/README.md).
    """
    features = _read_features(paths)
    rows = []
    for feature in features:
        props = feature.get("properties") or {}
        kind, code, name = props.get("kind"), props.get("code"), props.get("name")
        if kind not in Neighbourhood.Level.values or not code or not name:
            raise ServiceError(
                _("A feature lacks a valid kind, code or name: %(props)s") % {"props": props},
                code="bad_feature",
            )
        try:
            point = shape(feature["geometry"]).representative_point()
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            raise ServiceError(
                _("%(code)s has no valid geometry.") % {"code": code}, code="bad_geometry"
            ) from error
        rows.append(
            {
                "code": code,
                "name": name,
                "level": kind,
                "wijk_code": props.get("wijk_code"),
                "boundary": feature["geometry"],
                "latitude": round(point.y, 6),
                "longitude": round(point.x, 6),
            }
        )
    # Wijken first, so that every buurt finds its wijk.
    rows.sort(key=lambda row: (row["level"] != Neighbourhood.Level.WIJK, row["code"]))

    existing = {n.code: n for n in Neighbourhood.objects.select_for_update()}
    taken = {n.slug for n in existing.values()}
    result = ImportResult()
    for row in rows:
        wijk = None
        if row["level"] == Neighbourhood.Level.BUURT:
            wijk = existing.get(row["wijk_code"] or "")
            if wijk is None or wijk.level != Neighbourhood.Level.WIJK:
                raise ServiceError(
                    _("Buurt %(code)s names wijk %(wijk)s, which is not known.")
                    % {"code": row["code"], "wijk": row["wijk_code"]},
                    code="unknown_wijk",
                )
        values = {
            "name": row["name"],
            "level": row["level"],
            "wijk": wijk,
            "boundary": row["boundary"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
        }
        current = existing.get(row["code"])
        if current is None:
            slug = _unique_slug(row["name"], row["code"], taken)
            taken.add(slug)
            existing[row["code"]] = Neighbourhood.objects.create(
                code=row["code"], slug=slug, **values
            )
            result.created += 1
        elif any(getattr(current, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(current, field, value)
            current.save()
            result.updated += 1
        else:
            result.unchanged += 1
    if result.created or result.updated:
        locator.invalidate()
        transaction.on_commit(locator.invalidate)
    return result


def home_neighbourhood_set(*, user, neighbourhood: Neighbourhood | None):
    user.home_neighbourhood = neighbourhood
    user.save(update_fields=["home_neighbourhood"])
    return user


def home_neighbourhood_locate(
    *, user, postcode: str = "", house_number: str = "", address: str = ""
) -> Neighbourhood:
    """Set ``user``'s home neighbourhood to the buurt of their address.

    The address is a postcode and house number, or else a free address in Assen.

    Raises ServiceError (and changes nothing) when the address cannot be found, the
    address service is down, or the address is not in Assen.
    """
    if postcode:
        result = geocode_postcode(postcode=postcode, house_number=house_number)
    else:
        result = geocode_address(query=f"{address} Assen")
    buurt = locator.buurt_at(latitude=result.latitude, longitude=result.longitude)
    if buurt is None:
        raise ServiceError(
            _("That address is not in Assen. Choose your neighbourhood from the list."),
            code="outside",
        )
    home_neighbourhood_set(user=user, neighbourhood=buurt)
    return buurt


def _clean_logo(logo):
    """The uploaded logo without metadata, or a ServiceError if it is no sound image."""
    try:
        logo_validate(logo)
    except ValidationError as error:
        raise ServiceError(error.messages[0], code=error.code or "bad_image") from None
    return logo_clean(logo)


def _organisation_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:150] or "organisatie"
    slug, n = base, 1
    others = Organisation.objects.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or slug == "nieuw" or others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def organisation_propose(*, proposer, neighbourhoods=(), logo=None, **fields) -> Organisation:
    """A resident proposes an organisation; it appears once staff approve it."""
    if "phone" in fields:
        fields["phone"] = phone_normalise(fields["phone"])
    organisation = Organisation(**fields, is_approved=False)
    organisation.slug = _organisation_slug(organisation.name)
    if logo:
        organisation.logo = _clean_logo(logo)
    organisation.save()
    organisation.neighbourhoods.set(neighbourhoods)
    organisation.members.add(proposer)
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, neighbourhoods=None, logo=None, **fields
) -> Organisation:
    """A member edits their organisation's entry.

    A new name goes back to staff for review: an approved entry is unapproved again, so it
    leaves the public social map and maps until staff approve it (admin, "approved: No").
    The name is what residents and staff recognise and trust an entry by.
    """
    if "phone" in fields:
        fields["phone"] = phone_normalise(fields["phone"])
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if "name" in fields and fields["name"] != organisation.name:
        organisation.is_approved = False
    for field, value in fields.items():
        setattr(organisation, field, value)
    if logo is False:
        organisation.logo = None
    elif logo:
        organisation.logo = _clean_logo(logo)
    organisation.save()
    if neighbourhoods is not None:
        organisation.neighbourhoods.set(neighbourhoods)
    return organisation


def organisation_approve(*, organisations) -> int:
    """Staff approve proposed organisations; returns how many were newly approved."""
    ids = [organisation.pk for organisation in organisations]
    approved = Organisation.objects.filter(pk__in=ids, is_approved=False).update(is_approved=True)
    if approved:  # update() sends no save signal: stored pages and layers go stale here
        transaction.on_commit(pages_changed)
        transaction.on_commit(layers_changed)
    return approved


def neighbourhoods_personal_data_export(user) -> dict:
    """The neighbourhoods section of "download my data"."""
    return {
        "area_teams": [
            {
                "team": membership.team.name,
                "discipline": membership.discipline,
                "is_coordinator": membership.is_coordinator,
            }
            for membership in TeamMembership.objects.filter(user=user).select_related("team")
        ],
        "organisations": list(
            Organisation.objects.filter(members=user)
            .order_by("name")
            .values_list("name", flat=True)
        ),
    }


def neighbourhoods_personal_data_erase(user) -> None:
    """A deleted account leaves its area teams and organisations; the entries stay."""
    TeamMembership.objects.filter(user=user).delete()
    Organisation.members.through.objects.filter(user=user).delete()
