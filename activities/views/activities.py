"""Pages of activities: the list, one activity's page, plan, change and cancel one.

The helpers ``visible_activity`` and ``organised_activity`` fetch an activity for the
other view modules: public, or organised by the user (404 for everyone else).
"""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit

from ..calendars import google_calendar_url
from ..codes import qr_data_uri
from ..forms import ActivityDetailsForm, ActivityFilter, ActivityForm
from ..models import Activity, Registration
from ..selectors import (
    acting_for_choices,
    activities_for_list,
    activity_for_page,
    registration_of,
    waiting_position,
)
from ..services import DETAILS, activity_cancel, activity_create, activity_update

VIEW = "activities.view_activity"
CHANGE = "activities.change_activity"


def visible_activity(request, pk: int) -> Activity:
    return get_object_for_user_or_404(activity_for_page(), user=request.user, perm=VIEW, pk=pk)


def organised_activity(request, pk: int, perm: str = CHANGE) -> Activity:
    """An activity the user organises; 404 for everyone else (also superusers)."""
    return get_object_for_user_or_404(activity_for_page(), user=request.user, perm=perm, pk=pk)


@require_GET
def activity_list(request):
    filterset = ActivityFilter(request.GET or None, queryset=activities_for_list())
    page = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "activities/list.html",
        {"filter": filterset, "page": page, "querystring": query.urlencode()},
    )


@require_GET
def activity_detail(request, pk: int):
    activity = visible_activity(request, pk)
    registration = registration_of(activity=activity, user=request.user)
    is_organiser = rules.has_perm(CHANGE, request.user, activity)
    registered = registration is not None and registration.status == Registration.Status.REGISTERED
    show_code = registered and not activity.is_cancelled and not activity.has_ended
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "registration": registration,
            "waiting_position": waiting_position(registration)
            if registration and not registered
            else None,
            "qr_code": qr_data_uri(registration.code) if show_code else None,
            "google_calendar_url": google_calendar_url(activity),
            "is_organiser": is_organiser,
            "show_online_link": registered or is_organiser,
            "may_register": registration is None
            and rules.has_perm("activities.register_activity", request.user, activity),
            "places_left": None
            if activity.capacity is None
            else max(activity.capacity - activity.registered_count, 0),
        },
    )


@login_required
@limit("bookings")
@require_http_methods(["GET", "POST"])
def activity_new(request):
    choices = acting_for_choices(request.user)
    if not choices:
        return render(request, "activities/cannot_organise.html")
    form = ActivityForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_create(organiser=request.user, **form.service_kwargs())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your activity is in the list."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/form.html", {"form": form, "activity": None})


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int):
    activity = organised_activity(request, pk)
    if activity.is_cancelled:
        messages.error(request, _("A cancelled activity cannot be changed."))
        return redirect("activities:detail", pk=activity.pk)
    initial = {name: getattr(activity, name) for name in DETAILS}
    form = ActivityDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            activity_update(activity=activity, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The activity is saved."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/form.html", {"form": form, "activity": activity})


@login_required
@limit("bookings")
@require_http_methods(["GET", "POST"])
def activity_cancel_view(request, pk: int):
    activity = organised_activity(request, pk)
    if request.method == "POST":
        try:
            activity_cancel(activity=activity, actor=request.user)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("The activity is cancelled; everyone who registered is told.")
            )
        return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/cancel.html", {"activity": activity})
