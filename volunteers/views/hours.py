"""Volunteers' hours: log them per shift or outside shifts, see the totals, print a
certificate; organisers confirm or reject hours outside shifts."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.params import FIRST_YEAR, int_param

from ..forms.hours import HoursLogForm, OffShiftDecisionForm, OffShiftHoursForm
from ..selectors import hours as selectors
from ..selectors.organiser import own_signup_for_hours
from ..services.hours import signup_hours_log as hours_log
from ..services.off_shift import MAX_DAYS_BACK, off_shift_hours_decide, off_shift_hours_log


def _shift_hours(shift) -> Decimal:
    seconds = (shift.ends_at - shift.starts_at).total_seconds()
    return min(Decimal(seconds) / Decimal(3600), Decimal(24)).quantize(Decimal("0.01"))


@login_required
@require_http_methods(["GET", "POST"])
def signup_hours_log(request, pk: int):
    """Only the volunteer's own sign-ups: anyone else's answers 404."""
    signup = get_object_or_404(own_signup_for_hours(), pk=pk, volunteer=request.user)
    initial = {"hours": signup.hours if signup.hours else _shift_hours(signup.shift)}
    form = HoursLogForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            hours_log(signup=signup, by=request.user, hours=form.cleaned_data["hours"])
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Thank you! Your hours are logged; the organiser will confirm them.")
            )
            return redirect("volunteers:my_hours")
    return render(request, "volunteers/hours/log.html", {"signup": signup, "form": form})


@login_required
@require_GET
def my_hours(request):
    per_month = selectors.hours_per_month(request.user)
    return render(
        request,
        "volunteers/hours/my_hours.html",
        {
            "per_month": per_month,
            "per_owner": selectors.hours_per_owner(request.user),
            "total": selectors.hours_total(per_month),
            "pending": selectors.hours_pending(request.user),
            "off_shift": selectors.off_shift_hours_of_volunteer(request.user),
            "to_log": selectors.shifts_to_log(request.user),
            "years": selectors.hours_years_of(per_month),
        },
    )


def _year(raw: str | None) -> int:
    this_year = timezone.localdate().year
    return int_param(raw, minimum=FIRST_YEAR, maximum=this_year + 1, default=this_year)


@login_required
@require_GET
def certificate(request):
    """A print-friendly certificate of appreciation for one year's confirmed hours."""
    year = _year(request.GET.get("year"))
    rows = selectors.hours_per_task(request.user, year=year)
    return render(
        request,
        "volunteers/hours/certificate.html",
        {
            "year": year,
            "rows": rows,
            "total": sum((row["total"] for row in rows), Decimal(0)),
            "shifts": sum(row["shifts"] for row in rows),
            "today": timezone.localdate(),
            "years": selectors.hours_years(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def off_shift_log(request):
    """Hours outside a shift, for one of the tasks the volunteer signed up for."""
    form = OffShiftHoursForm(
        request.POST or None, user=request.user, initial={"date": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            off_shift_hours_log(volunteer=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Thank you! Your hours are logged; the organiser will confirm them.")
            )
            return redirect("volunteers:my_hours")
    return render(
        request,
        "volunteers/hours/off_shift_log.html",
        {
            "form": form,
            "has_tasks": bool(form.fields["task"].queryset),
            "days": MAX_DAYS_BACK,
        },
    )


@login_required
@require_POST
def off_shift_decide(request, pk: int):
    """An organiser of the task confirms or rejects hours outside a shift; 404 for others."""
    entry = get_object_for_user_or_404(
        selectors.off_shift_entry_for_organiser(),
        user=request.user,
        perm="volunteers.decide_off_shift_hours",
        pk=pk,
    )
    form = OffShiftDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose confirm or reject."))
    else:
        confirm = form.cleaned_data["decision"]
        try:
            off_shift_hours_decide(entry=entry, by=request.user, confirm=confirm)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            done = (
                _("The hours of %(name)s have been confirmed; they have been told.")
                if confirm
                else _("The hours of %(name)s have not been confirmed; they have been told.")
            )
            messages.success(request, done % {"name": entry.volunteer.public_name})
    url = reverse("volunteers:manage_task", kwargs={"pk": entry.task_id})
    return redirect(f"{url}#off-shift")
