"""Calendar files: one activity's, a wijk's feed of its coming activities and a
person's feed of the activities they registered for (a signed token in the URL, so a
calendar app subscribes without logging in)."""

import rules
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from neighbourhoods.models import Neighbourhood

from ..calendars import activities_ical, activity_ical, feed_token, feed_user_id
from ..models import Registration
from ..selectors import activities_for_wijk_feed, registration_of, registrations_for_feed
from .activities import CHANGE, visible_activity


def _ics(body: bytes, filename: str, *, attachment: bool = False) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def activity_calendar(request, pk: int):
    activity = visible_activity(request, pk)
    registration = registration_of(activity=activity, user=request.user)
    show_link = (
        registration is not None and registration.status == Registration.Status.REGISTERED
    ) or rules.has_perm(CHANGE, request.user, activity)
    return _ics(
        activity_ical(activity, show_online_link=show_link),
        f"activiteit-{activity.pk}.ics",
        attachment=True,
    )


@require_GET
def wijk_calendar(request, slug: str):
    """Public: the coming activities in a wijk and its buurten."""
    wijk = get_object_or_404(Neighbourhood, slug=slug, level=Neighbourhood.Level.WIJK)
    body = activities_ical(
        activities_for_wijk_feed(wijk), name=f"Activiteiten {wijk.name}", show_online_link=False
    )
    response = _ics(body, f"activiteiten-{wijk.slug}.ics")
    response["Cache-Control"] = "public, max-age=900"
    return response


@require_GET
def personal_calendar(request, token: str):
    user_id = feed_user_id(token)
    if user_id is None:
        raise Http404
    registrations = registrations_for_feed(user_id)
    body = activities_ical(
        [registration.activity for registration in registrations],
        name="Mijn activiteiten",
        show_online_link=True,
    )
    response = _ics(body, "mijn-activiteiten.ics")
    response["Cache-Control"] = "private, max-age=300"
    return response


def personal_feed_url(user) -> str:
    """The address of the user's feed, in the site's language (no /en/)."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("activities:personal_calendar", kwargs={"token": feed_token(user)})
    return settings.SITE_URL + path
