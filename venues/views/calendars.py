"""The private iCal feeds: anyone with the token's URL can read them, nobody else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404

from .. import selectors
from ..calendars import room_feed, user_feed
from ..models import CalendarFeed, Room, Venue
from ..services import room_calendar_renew, user_calendar_renew


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_GET
def room_calendar(request, token: str):
    room = Room.objects.select_related("venue").filter(calendar_token=token).first()
    if room is None:
        raise Http404
    bookings = selectors.bookings_for_room_calendar(room=room)
    return _ics(room_feed(room=room, bookings=bookings), f"ruimte-{room.pk}.ics")


@require_GET
def user_calendar(request, token: str):
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    bookings = selectors.bookings_for_user_calendar(user=feed.user)
    return _ics(user_feed(bookings=bookings), "mijn-boekingen.ics")


@login_required
@require_POST
def user_calendar_renew_view(request):
    user_calendar_renew(user=request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("venues:my_bookings")


@login_required
@require_POST
def room_calendar_renew_view(request, slug: str, pk: int):
    venue = get_object_for_user_or_404(
        Venue.objects.all(), user=request.user, perm="venues.manage_venue", slug=slug
    )
    room = get_object_or_404(Room.objects.select_related("venue"), venue=venue, pk=pk)
    room_calendar_renew(room=room, actor=request.user)
    messages.success(
        request,
        _("The calendar of %(room)s has a new address; the old one no longer works.")
        % {"room": room.name},
    )
    return redirect("venues:manage", slug=venue.slug)
