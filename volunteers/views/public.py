"""The volunteer side: find tasks, a task with its shifts, sign up, my agenda, my profile."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit
from neighbourhoods.layers import (
    BUURTEN_ATTRIBUTION,
    WIJKEN_ATTRIBUTION,
    feature,
    layer_config,
    outline,
    point,
)

from ..calendars import agenda_feed
from ..filters import TaskFilter, filter_form_html
from ..forms.profile import VolunteerProfileForm
from ..layers import LAYER_NAME
from ..models import AgendaFeed, Shift, SignUp, VolunteerProfile
from ..selectors import tasks as selectors
from ..selectors import tasks_suggested, vog_checks_valid
from ..services import can_cancel_own, shift_sign_up, signup_cancel
from ..services.profiles import (
    agenda_feed_renew,
    agenda_feed_token,
    volunteer_profile_delete,
    volunteer_profile_save,
)


def _back(request, default: str):
    """Where a form button returns to: its ``next`` field when it is a path of this site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


@require_GET
def task_list(request):
    filterset = TaskFilter(request.GET or None, queryset=selectors.tasks_for_list())
    page = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    themes = {}  # each theme's label translated once per page, not once per card
    for task in page.object_list:
        if task.theme not in themes:
            themes[task.theme] = task.get_theme_display()
        task.theme_label = themes[task.theme]
        task.url = reverse("volunteers:task", kwargs={"pk": task.pk})
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "volunteers/list.html",
        {
            "filter": filterset,
            "filter_form": filter_form_html(filterset),
            "page": page,
            "querystring": query.urlencode(),
            "suggestions": tasks_suggested(user=request.user),
            "map_layers": layer_config(LAYER_NAME, "wijken", shown=(LAYER_NAME,)),
        },
    )


@require_GET
def task_detail(request, pk: int):
    task = get_object_for_user_or_404(
        selectors.task_for_page(), user=request.user, perm="volunteers.view_task", pk=pk
    )
    shifts = selectors.shifts_for_page(task=task)
    mine = selectors.signups_of_user(user=request.user, shifts=shifts)
    rows = []
    for shift in shifts:
        signup = mine.get(shift.pk)
        if signup is not None:
            signup.shift = shift
        rows.append(
            {
                "shift": shift,
                "signup": signup,
                "may_cancel": signup is not None and can_cancel_own(signup),
            }
        )
    neighbourhood = task.neighbourhood
    place = (
        [feature(point(task.longitude, task.latitude), properties={"name": task.title})]
        if task.has_location
        else []
    )
    return render(
        request,
        "volunteers/detail.html",
        {
            "task": task,
            "skills": list(task.skills.all()),
            "rows": rows,
            "is_open": task.status == task.Status.PUBLISHED,
            "may_manage": rules.has_perm("volunteers.manage_task", request.user, task),
            "outline": outline(neighbourhood, *place),
            "map_layers": layer_config(LAYER_NAME),
            "attributions": [
                WIJKEN_ATTRIBUTION
                if neighbourhood.level == neighbourhood.Level.WIJK
                else BUURTEN_ATTRIBUTION
            ]
            if neighbourhood.boundary
            else [],
        },
    )


@login_required
@require_POST
@limit("signups")
def shift_sign_up_view(request, pk: int):
    shift = get_object_or_404(Shift.objects.select_related("task"), pk=pk)
    if not rules.has_perm("volunteers.view_task", request.user, shift.task):
        raise Http404
    join_waitlist = request.POST.get("join_waitlist") == "1"
    try:
        signup = shift_sign_up(shift=shift, volunteer=request.user, join_waitlist=join_waitlist)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if signup.status == SignUp.Status.CONFIRMED:
            messages.success(
                request,
                _("You are signed up for %(task)s. It is in your agenda.")
                % {"task": shift.task.title},
            )
        else:
            messages.success(
                request,
                _(
                    "You are on the waiting list for %(task)s. When a place frees up, "
                    "you get it automatically and we let you know."
                )
                % {"task": shift.task.title},
            )
    return _back(request, reverse("volunteers:task", kwargs={"pk": shift.task_id}))


@login_required
@require_POST
def signup_cancel_view(request, pk: int):
    signup = get_object_or_404(
        SignUp.objects.select_related("shift__task"), pk=pk, volunteer=request.user
    )
    try:
        signup_cancel(signup=signup, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You are no longer signed up for %(task)s.") % {"task": signup.shift.task.title},
        )
    return _back(request, reverse("volunteers:task", kwargs={"pk": signup.shift.task_id}))


@login_required
@require_GET
def agenda(request):
    token = agenda_feed_token(user=request.user)
    return render(
        request,
        "volunteers/agenda.html",
        {
            "upcoming": [
                (signup, can_cancel_own(signup))
                for signup in selectors.agenda_upcoming(user=request.user)
            ],
            "past": selectors.agenda_past(user=request.user),
            "feed_url": request.build_absolute_uri(
                reverse("volunteers:agenda_calendar", kwargs={"token": token})
            ),
        },
    )


@require_GET
def agenda_calendar(request, token: str):
    feed = AgendaFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    signups = list(selectors.signups_for_feed(user=feed.user))
    body = agenda_feed(signups=signups, site_url=settings.SITE_URL)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="mijn-diensten.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_POST
def agenda_calendar_renew_view(request):
    agenda_feed_renew(user=request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("volunteers:agenda")


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    existing = VolunteerProfile.objects.filter(user=request.user).first()
    if request.method == "POST":
        form = VolunteerProfileForm(request.POST)
        if form.is_valid():
            try:
                volunteer_profile_save(user=request.user, **form.service_kwargs())
            except ServiceError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _("Your volunteer profile is saved.")
                    if existing
                    else _("Welcome as a volunteer! We will suggest tasks that suit you."),
                )
                return redirect("volunteers:profile")
        else:
            messages.error(request, _("Please correct the fields marked below."))
    else:
        form = VolunteerProfileForm(initial=VolunteerProfileForm.initial_from(existing))
    return render(
        request,
        "volunteers/profile.html",
        {
            "form": form,
            "profile": existing,
            "vog_checks": vog_checks_valid(user=request.user),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def profile_delete_view(request):
    try:
        volunteer_profile_delete(user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "Your volunteer profile is deleted. Shifts you signed up for stay in your "
                "agenda until you cancel them."
            ),
        )
    return redirect("volunteers:profile")
