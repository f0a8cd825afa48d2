"""Pages of activities: the list, one activity, plan, change and cancel it, register
and cancel a registration, the registrant list for organisers, the calendar file."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit

from .calendars import activity_ical
from .forms import ActivityDetailsForm, ActivityFilter, ActivityForm
from .models import Activity, Registration
from .selectors import (
    acting_for_choices,
    activities_for_list,
    activity_for_page,
    registration_of,
    registrations_for_organisers,
    waiting_position,
)
from .services import (
    DETAILS,
    activity_cancel,
    activity_create,
    activity_update,
    registration_cancel,
    registration_create,
)

VIEW = "activities.view_activity"
CHANGE = "activities.change_activity"


def _visible(request, pk: int) -> Activity:
    return get_object_for_user_or_404(activity_for_page(), user=request.user, perm=VIEW, pk=pk)


def _organised(request, pk: int, perm: str = CHANGE) -> Activity:
    """An activity the user organises; 404 for everyone else (also superusers)."""
    activity = get_object_for_user_or_404(activity_for_page(), user=request.user, perm=perm, pk=pk)
    return activity


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
    activity = _visible(request, pk)
    registration = registration_of(activity=activity, user=request.user)
    is_organiser = rules.has_perm(CHANGE, request.user, activity)
    registered = registration is not None and registration.status == Registration.Status.REGISTERED
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "registration": registration,
            "waiting_position": waiting_position(registration)
            if registration and not registered
            else None,
            "is_organiser": is_organiser,
            "show_online_link": registered or is_organiser,
            "may_register": registration is None
            and rules.has_perm("activities.register_activity", request.user, activity),
            "places_left": None
            if activity.capacity is None
            else max(activity.capacity - activity.registered_count, 0),
        },
    )


@require_GET
def activity_calendar(request, pk: int):
    activity = _visible(request, pk)
    registration = registration_of(activity=activity, user=request.user)
    show_link = (
        registration is not None and registration.status == Registration.Status.REGISTERED
    ) or rules.has_perm(CHANGE, request.user, activity)
    response = HttpResponse(
        activity_ical(activity, show_online_link=show_link), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="activiteit-{activity.pk}.ics"'
    return response


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
    activity = _organised(request, pk)
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
    activity = _organised(request, pk)
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


@login_required
@limit("signups")
@require_POST
def register(request, pk: int):
    activity = _visible(request, pk)
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
    activity = _visible(request, pk)
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


@login_required
@require_GET
def registrations(request, pk: int):
    activity = _organised(request, pk, perm="activities.view_registrations")
    return render(
        request,
        "activities/registrations.html",
        {"activity": activity, "registrations": list(registrations_for_organisers(activity))},
    )
