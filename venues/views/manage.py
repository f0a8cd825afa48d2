"""Venue managers' pages (/locaties/<slug>/beheer/...): 404 for everyone else."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.params import month_param

from .. import selectors
from ..forms import (
    ClosureForm,
    DeclineForm,
    ManagerForm,
    OpeningHoursForm,
    RoomForm,
    VenueSettingsForm,
)
from ..models import Booking, Room
from ..services import (
    closure_add,
    closure_remove,
    opening_hours_add,
    opening_hours_remove,
    room_save,
    venue_manager_add,
    venue_manager_remove,
    venue_update,
)


def _managed_venue(request, slug: str):
    return get_object_for_user_or_404(
        selectors.venue_for_management(),
        user=request.user,
        perm="venues.manage_venue",
        slug=slug,
    )


def _month(raw: str | None) -> tuple[int, int]:
    today = timezone.localdate()
    return month_param(raw, default=(today.year, today.month))


@login_required
@require_GET
def dashboard(request, slug: str):
    venue = _managed_venue(request, slug)
    year, month = _month(request.GET.get("maand"))
    first = dt.date(year, month, 1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    usage = selectors.venue_occupancy(venue=venue, year=year, month=month)
    return render(
        request,
        "venues/manage/dashboard.html",
        {
            "venue": venue,
            "to_decide": selectors.bookings_to_decide(venue=venue),
            "upcoming": selectors.bookings_upcoming(venue=venue),
            "usage": usage,
            "revenue_by_kind": [
                (Booking.BookerKind(kind).label, amount)
                for kind, amount in sorted(usage.venue.revenue_by_kind.items())
            ],
            "month": first,
            "previous_month": previous,
            "next_month": following,
            "decline_form": DeclineForm(),
            "site_url": request.build_absolute_uri("/").rstrip("/"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def venue_settings(request, slug: str):
    venue = _managed_venue(request, slug)
    form = VenueSettingsForm(request.POST or None, instance=venue)
    if request.method == "POST" and form.is_valid():
        try:
            venue_update(venue=venue, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("venues:manage", slug=venue.slug)
    return render(request, "venues/manage/settings.html", {"venue": venue, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def room_edit(request, slug: str, pk: int | None = None):
    venue = _managed_venue(request, slug)
    room = get_object_or_404(Room, venue=venue, pk=pk) if pk else None
    form = RoomForm(request.POST or None, instance=room)
    if request.method == "POST" and form.is_valid():
        try:
            room_save(venue=venue, actor=request.user, room=room, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The room has been saved."))
            return redirect("venues:manage", slug=venue.slug)
    return render(
        request, "venues/manage/room_form.html", {"venue": venue, "form": form, "room": room}
    )


@login_required
@require_http_methods(["GET", "POST"])
def opening_hours(request, slug: str):
    venue = _managed_venue(request, slug)
    form = OpeningHoursForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opening_hours_add(venue=venue, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The opening hours have been added."))
            return redirect("venues:manage_hours", slug=venue.slug)
    return render(request, "venues/manage/hours.html", {"venue": venue, "form": form})


@login_required
@require_POST
def opening_hours_delete(request, slug: str, pk: int):
    venue = _managed_venue(request, slug)
    opening_hours_remove(venue=venue, actor=request.user, opening_hours_id=pk)
    messages.success(request, _("The opening hours have been removed."))
    return redirect("venues:manage_hours", slug=venue.slug)


@login_required
@require_http_methods(["GET", "POST"])
def closures(request, slug: str):
    venue = _managed_venue(request, slug)
    form = ClosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            closure_add(venue=venue, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The closure has been added."))
            return redirect("venues:manage_closures", slug=venue.slug)
    return render(request, "venues/manage/closures.html", {"venue": venue, "form": form})


@login_required
@require_POST
def closure_delete(request, slug: str, pk: int):
    venue = _managed_venue(request, slug)
    closure_remove(venue=venue, actor=request.user, closure_id=pk)
    messages.success(request, _("The closure has been removed."))
    return redirect("venues:manage_closures", slug=venue.slug)


@login_required
@require_http_methods(["GET", "POST"])
def managers(request, slug: str):
    venue = _managed_venue(request, slug)
    form = ManagerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = venue_manager_add(venue=venue, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error("email", error.message)
        else:
            messages.success(
                request, _("%(name)s now manages this venue.") % {"name": added.public_name}
            )
            return redirect("venues:manage_managers", slug=venue.slug)
    return render(request, "venues/manage/managers.html", {"venue": venue, "form": form})


@login_required
@require_POST
def manager_remove(request, slug: str, pk: int):
    venue = _managed_venue(request, slug)
    try:
        venue_manager_remove(venue=venue, actor=request.user, user_id=pk)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("venues:manage_managers", slug=venue.slug)
    if pk == request.user.pk:
        messages.success(request, _("You no longer manage this venue."))
        return redirect("venues:detail", slug=venue.slug)
    messages.success(request, _("The manager has been removed."))
    return redirect("venues:manage_managers", slug=venue.slug)
