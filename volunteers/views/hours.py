"""Volunteers' hours: log them per shift, see the totals, print a certificate."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.params import FIRST_YEAR, int_param

from ..forms.hours import HoursLogForm
from ..selectors import organiser as selectors
from ..services.hours import signup_hours_log as hours_log


def _shift_hours(shift) -> Decimal:
    seconds = (shift.ends_at - shift.starts_at).total_seconds()
    return min(Decimal(seconds) / Decimal(3600), Decimal(24)).quantize(Decimal("0.01"))


@login_required
@require_http_methods(["GET", "POST"])
def signup_hours_log(request, pk: int):
    """Only the volunteer's own sign-ups: anyone else's answers 404."""
    signup = get_object_or_404(selectors.own_signup_for_hours(), pk=pk, volunteer=request.user)
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
            "total": sum((row["total"] for row in per_month), Decimal(0)),
            "pending": selectors.hours_pending(request.user),
            "to_log": selectors.shifts_to_log(request.user),
            "years": selectors.hours_years(request.user),
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
