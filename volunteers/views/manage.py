"""Organisers' pages: my tasks, a task's form and shifts, its sign-ups; 404 for others."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import check_object_for_user_or_404, get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.params import id_param
from mijnbuurt.core.ratelimit import limit
from neighbourhoods.widgets import asks_geocoder

from ..forms.hours import AttendanceForm, HoursConfirmForm
from ..forms.tasks import PlacesForm, ShiftForm, ShiftSeriesForm, TaskForm
from ..forms.vog import VogCheckForm
from ..models import Shift, Task
from ..selectors import organiser as selectors
from ..selectors.hours import off_shift_hours_of_task
from ..services import signup_cancel
from ..services.hours import signup_attendance as attendance_mark
from ..services.hours import signup_hours_confirm as hours_confirm
from ..services.tasks import (
    shift_add,
    shift_remove,
    shift_series_add,
    shift_update,
    task_close,
    task_create,
    task_publish,
    task_update,
)
from ..services.vog import vog_check_record

MANAGE = "volunteers.manage_task"


def _task(request, pk: int, queryset=None) -> Task:
    return get_object_for_user_or_404(
        queryset if queryset is not None else selectors.task_for_edit(),
        user=request.user,
        perm=MANAGE,
        pk=pk,
    )


def _signup(request, pk: int):
    """A sign-up of a task the user organises; 404 for everyone else."""
    signup = get_object_or_404(selectors.signup_for_organiser(), pk=pk)
    check_object_for_user_or_404(signup.shift.task, user=request.user, perm=MANAGE)
    return signup


def _back_to_shift(signup):
    url = reverse("volunteers:manage_task", kwargs={"pk": signup.shift.task_id})
    return redirect(f"{url}#shift-{signup.shift_id}")


@login_required
@require_GET
def my_tasks(request):
    tasks = selectors.tasks_organised(request.user)
    page = Paginator(tasks, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "volunteers/manage/my_tasks.html", {"page": page})


def _owner(request):
    """The initiative or organisation named in ?initiative= / ?organisation=, or 404."""
    initiative = organisation = None
    raw_initiative = request.GET.get("initiative")
    raw_organisation = request.GET.get("organisation")
    if raw_initiative:
        initiative = get_object_or_404(
            selectors.initiatives_for_posting(request.user), pk=_id(raw_initiative)
        )
    elif raw_organisation:
        organisation = get_object_or_404(
            selectors.organisations_for_posting(request.user), pk=_id(raw_organisation)
        )
    return initiative, organisation


@login_required
@require_http_methods(["GET", "POST"])
@limit("geocoder", when=asks_geocoder)
def task_new(request):
    initiative, organisation = _owner(request)
    if initiative is None and organisation is None:
        return render(
            request,
            "volunteers/manage/choose_owner.html",
            {
                "initiatives": selectors.initiatives_for_posting(request.user),
                "organisations": selectors.organisations_for_posting(request.user),
            },
        )
    initial = {}
    if initiative is not None:
        initial = {"neighbourhood": initiative.neighbourhood_id, "theme": initiative.theme}
    form = TaskForm(
        request.POST or None,
        initial=initial,
        instance=Task(initiative=initiative, organisation=organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            task = task_create(
                by=request.user,
                initiative=initiative,
                organisation=organisation,
                **form.service_kwargs(),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "The task is saved as a draft. Add one or more shifts, then publish it "
                    "so volunteers can sign up."
                ),
            )
            return redirect("volunteers:task_shifts", pk=task.pk)
    return render(
        request,
        "volunteers/manage/task_form.html",
        {"form": form, "task": None, "initiative": initiative, "organisation": organisation},
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit("geocoder", when=asks_geocoder)
def task_edit(request, pk: int):
    task = _task(request, pk)
    form = TaskForm(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        try:
            task_update(task=task, by=request.user, **form.service_kwargs())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("volunteers:manage_task", pk=task.pk)
    return render(
        request,
        "volunteers/manage/task_form.html",
        {
            "form": form,
            "task": task,
            "initiative": task.initiative,
            "organisation": task.organisation,
        },
    )


@login_required
@require_GET
def task_manage(request, pk: int):
    task = _task(request, pk, selectors.task_for_management())
    coming, past = selectors.shift_rows(task)
    return render(
        request,
        "volunteers/manage/manage.html",
        {
            "task": task,
            "coming": coming,
            "past": past,
            "off_shift": off_shift_hours_of_task(task),
            # "VOG gezien" is for members of approved organisations
            "vog_organisations": list(selectors.organisations_for_posting(request.user)),
            "today": timezone.localdate(),
        },
    )


def _add_shifts(request, task: Task, action: str, form) -> str | None:
    if not form.is_valid():
        return None
    if action == "add":
        shift_add(task=task, by=request.user, **form.cleaned_data)
        return _("The shift has been added.")
    shifts = shift_series_add(task=task, by=request.user, **form.cleaned_data)
    return ngettext(
        "%(count)s shift has been added.", "%(count)s shifts have been added.", len(shifts)
    ) % {"count": len(shifts)}


def _change_shift(request, task: Task, action: str) -> str:
    shift = get_object_or_404(Shift, task=task, pk=_id(request.POST.get("shift")))
    if action == "places":
        form = PlacesForm(request.POST)
        if not form.is_valid():
            raise ServiceError(form.errors["places"][0], code="places")
        shift_update(shift=shift, by=request.user, places=form.cleaned_data["places"])
        return _("The number of places has been changed.")
    if action == "remove":
        shift_remove(shift=shift, by=request.user)
        return _("The shift has been removed.")
    raise Http404


def _id(raw) -> int:
    """An id from the request, or 404 for anything that cannot be one."""
    pk = id_param(raw)
    if pk is None:
        raise Http404
    return pk


@login_required
@require_http_methods(["GET", "POST"])
def task_shifts(request, pk: int):
    task = _task(request, pk, selectors.task_for_management())
    action = request.POST.get("action", "")
    shift_form = ShiftForm(request.POST if action == "add" else None)
    series_form = ShiftSeriesForm(request.POST if action == "series" else None)
    if request.method == "POST":
        form = {"add": shift_form, "series": series_form}.get(action)
        try:
            if form is not None:
                done = _add_shifts(request, task, action, form)
            else:
                done = _change_shift(request, task, action)
        except ServiceError as error:
            if form is None:
                messages.error(request, error.message)
                return redirect("volunteers:task_shifts", pk=task.pk)
            form.add_error(None, error.message)
        else:
            if done:
                messages.success(request, done)
                return redirect("volunteers:task_shifts", pk=task.pk)
    coming, past = selectors.shift_rows(task)
    return render(
        request,
        "volunteers/manage/shifts.html",
        {
            "task": task,
            "coming": coming,
            "past": past,
            "shift_form": shift_form,
            "series_form": series_form,
        },
    )


@login_required
@require_POST
def task_status_view(request, pk: int):
    task = _task(request, pk)
    action = request.POST.get("action")
    try:
        if action == "publish":
            task_publish(task=task, by=request.user)
            messages.success(request, _("The task is open: volunteers can now sign up."))
        elif action == "close":
            task_close(task=task, by=request.user)
            messages.success(
                request,
                _(
                    "The task is closed: nobody can sign up any more. Volunteers who "
                    "signed up keep their shifts; remove them yourself if a shift is off."
                ),
            )
        else:
            messages.error(request, _("Choose publish or close."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("volunteers:manage_task", pk=task.pk)


@login_required
@require_POST
def signup_attendance(request, pk: int):
    signup = _signup(request, pk)
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose yes or no."))
        return _back_to_shift(signup)
    try:
        attendance_mark(signup=signup, by=request.user, attended=form.cleaned_data["attended"])
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Attendance of %(name)s has been saved.") % {"name": signup.volunteer.public_name},
        )
    return _back_to_shift(signup)


@login_required
@require_POST
def signup_hours_confirm(request, pk: int):
    signup = _signup(request, pk)
    form = HoursConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["hours"][0])
        return _back_to_shift(signup)
    try:
        hours_confirm(signup=signup, by=request.user, hours=form.cleaned_data["hours"])
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The hours of %(name)s have been confirmed; they have been told.")
            % {"name": signup.volunteer.public_name},
        )
    return _back_to_shift(signup)


@login_required
@require_POST
def signup_cancel_by_organiser(request, pk: int):
    signup = _signup(request, pk)
    try:
        signup_cancel(signup=signup, by=request.user, as_organiser=True)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "%(name)s has been removed from the shift and has been told. If someone was "
                "on the waiting list, the first one has moved up."
            )
            % {"name": signup.volunteer.public_name},
        )
    return _back_to_shift(signup)


@login_required
@require_POST
def signup_vog_check(request, pk: int):
    """VOG gezien: a member of an approved organisation saw this volunteer's VOG."""
    signup = _signup(request, pk)
    form = VogCheckForm(
        request.POST, organisations=selectors.organisations_for_posting(request.user)
    )
    if not form.is_valid():
        messages.error(request, form.first_error())
        return _back_to_shift(signup)
    try:
        check = vog_check_record(by=request.user, volunteer=signup.volunteer, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Saved: %(organisation)s saw the VOG of %(name)s. It expires on %(date)s.")
            % {
                "organisation": check.organisation.name,
                "name": signup.volunteer.public_name,
                "date": formats.date_format(check.expires_on, "DATE_FORMAT"),
            },
        )
    return _back_to_shift(signup)
