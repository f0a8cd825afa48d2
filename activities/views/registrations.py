"""Registering and cancelling a registration, the registrant list for organisers and
"Mijn activiteiten" (a person's registrations with their check-in codes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit

from ..codes import qr_data_uri
from ..forms import MessageForm
from ..models import Registration
from ..selectors import (
    registration_of,
    registrations_for_organisers,
    registrations_of_user,
)
from ..services import registration_cancel, registration_create
from .activities import organised_activity, visible_activity
from .calendars import personal_feed_url


@login_required
@limit("signups")
@require_POST
def register(request, pk: int):
    activity = visible_activity(request, pk)
    try:
        registration = registration_create(activity=activity, user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if registration.status == Registration.Status.REGISTERED:
            messages.success(request, _("You are registered. See you there!"))
        else:
            messages.success(
                request,
                _(
                    "The activity is full: you are on the waiting list. "
                    "We e-mail you when a place comes free."
                ),
            )
    return redirect("activities:detail", pk=activity.pk)


@login_required
@require_POST
def unregister(request, pk: int):
    activity = visible_activity(request, pk)
    registration = registration_of(activity=activity, user=request.user)
    if registration is None:
        raise Http404
    try:
        registration_cancel(registration=registration, user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("activities:detail", pk=activity.pk)


def registrations_page(request, activity, *, message_form=None):
    """The registrant list with the attendance counts and the form to write to them."""
    found = list(registrations_for_organisers(activity))
    registered = [r for r in found if r.status == Registration.Status.REGISTERED]
    return render(
        request,
        "activities/registrations.html",
        {
            "activity": activity,
            "registrations": found,
            "counts": {
                "registered": len(registered),
                "present": sum(r.attended_at is not None for r in registered),
            },
            "message_form": message_form or MessageForm(),
        },
    )


@login_required
@require_GET
def registrations(request, pk: int):
    activity = organised_activity(request, pk, perm="activities.view_registrations")
    return registrations_page(request, activity)


@login_required
@require_GET
def my_activities(request):
    """The user's registrations, coming ones with their check-in code and QR code."""
    upcoming, past = registrations_of_user(request.user)
    for registration in upcoming:
        if registration.status == Registration.Status.REGISTERED:
            registration.qr_code = qr_data_uri(registration.code)
    return render(
        request,
        "activities/mine.html",
        {
            "upcoming": upcoming,
            "past": past,
            "feed_url": personal_feed_url(request.user),
        },
    )
