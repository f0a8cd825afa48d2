"""The volunteer profile: opting in, changing it, stopping; the private agenda feed."""

import datetime as dt
import logging
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.models import Theme
from mijnbuurt.core.exceptions import ServiceError

from ..models import AgendaFeed, Availability, Language, Suggestion, VolunteerProfile
from ..models.profiles import new_token

logger = logging.getLogger(__name__)

MAX_TAGS = 10
MAX_TAG_LENGTH = 40
MAX_HOURS_PER_MONTH = 200
MAX_DISTANCE_KM = 50


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Free words, trimmed and without doubles (case-insensitive), in the order given."""
    cleaned: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = " ".join(str(tag).split())
        if not tag or tag.casefold() in seen:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise ServiceError(
                _("A word can be at most %(max)s characters long: %(tag)s")
                % {"max": MAX_TAG_LENGTH, "tag": tag[:MAX_TAG_LENGTH] + "…"},
                code="tag_too_long",
            )
        seen.add(tag.casefold())
        cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise ServiceError(
            _("Give at most %(max)s other skills.") % {"max": MAX_TAGS}, code="too_many_tags"
        )
    return cleaned


def _check(
    *,
    interests: list[str],
    languages: list[str],
    availability: int,
    birth_date: dt.date | None,
    vog_date: dt.date | None,
    max_hours_per_month: int | None,
    max_distance_km: int | None,
) -> None:
    today = timezone.localdate()
    if any(value not in Theme.values for value in interests):
        raise ServiceError(_("Choose interests from the list."), code="interest")
    if any(value not in Language.values for value in languages):
        raise ServiceError(_("Choose languages from the list."), code="language")
    if not 0 <= availability <= Availability.ALL:
        raise ServiceError(_("Choose times from the weekly grid."), code="availability")
    if birth_date is not None and not (today - dt.timedelta(days=366 * 120) < birth_date <= today):
        raise ServiceError(_("Enter a real date of birth."), code="birth_date")
    if vog_date is not None and vog_date > today:
        raise ServiceError(
            _("The date of your certificate of conduct (VOG) cannot be in the future."),
            code="vog_date",
        )
    if max_hours_per_month is not None and not 1 <= max_hours_per_month <= MAX_HOURS_PER_MONTH:
        raise ServiceError(
            _("The hours per month are between 1 and %(max)s.") % {"max": MAX_HOURS_PER_MONTH},
            code="hours",
        )
    if max_distance_km is not None and not 1 <= max_distance_km <= MAX_DISTANCE_KM:
        raise ServiceError(
            _("The distance from home is between 1 and %(max)s km.") % {"max": MAX_DISTANCE_KM},
            code="distance",
        )


def _match_later(user_id: int) -> None:
    # Celery tasks call services; importing the task module here keeps that one way.
    from ..tasks import match_volunteer

    try:
        match_volunteer.delay(user_id)
    except Exception:  # the profile is saved; the nightly run matches everyone again
        logger.warning(
            "Could not queue matching for volunteer %s; the nightly run will.",
            user_id,
            exc_info=True,
        )


@transaction.atomic
def volunteer_profile_save(
    *,
    user,
    skills: Iterable = (),
    tags: Iterable[str] = (),
    interests: Iterable[str] = (),
    neighbourhoods: Iterable = (),
    max_distance_km: int | None = None,
    availability: int = 0,
    languages: Iterable[str] = (),
    birth_date: dt.date | None = None,
    vog_date: dt.date | None = None,
    max_hours_per_month: int | None = None,
    is_findable: bool = False,
) -> VolunteerProfile:
    """Create or change ``user``'s volunteer profile; matching runs for them afterwards."""
    interests = list(dict.fromkeys(interests))
    languages = list(dict.fromkeys(languages))
    tags = clean_tags(tags)
    _check(
        interests=interests,
        languages=languages,
        availability=availability,
        birth_date=birth_date,
        vog_date=vog_date,
        max_hours_per_month=max_hours_per_month,
        max_distance_km=max_distance_km,
    )
    profile, _created = VolunteerProfile.objects.update_or_create(
        user=user,
        defaults={
            "tags": tags,
            "interests": interests,
            "max_distance_km": max_distance_km,
            "availability": availability,
            "languages": languages,
            "birth_date": birth_date,
            "vog_date": vog_date,
            "max_hours_per_month": max_hours_per_month,
            "is_findable": is_findable,
        },
    )
    profile.skills.set(skills)
    profile.neighbourhoods.set(neighbourhoods)
    user_id = user.pk
    transaction.on_commit(lambda: _match_later(user_id))
    return profile


@transaction.atomic
def volunteer_profile_delete(*, user) -> None:
    """Stop being a volunteer: the profile and its suggestions go; sign-ups stay."""
    deleted, _detail = VolunteerProfile.objects.filter(user=user).delete()
    if not deleted:
        raise ServiceError(_("You have no volunteer profile."), code="no_profile")
    Suggestion.objects.filter(volunteer=user).delete()


def agenda_feed_token(*, user) -> str:
    feed, _created = AgendaFeed.objects.get_or_create(user=user)
    return feed.token


def agenda_feed_renew(*, user) -> AgendaFeed:
    """A new private address for ``user``'s shift calendar; the old one stops working."""
    feed, created = AgendaFeed.objects.get_or_create(user=user)
    if not created:
        feed.token = new_token()
        feed.save(update_fields=["token"])
    return feed
