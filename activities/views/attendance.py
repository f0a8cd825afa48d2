"""Check-in at the door (/activiteiten/<pk>/aanwezig/), made for a phone: one field for
the code (typed or scanned), and the list of everyone registered with a button to mark
them present by hand or undo it. Organisers only; 404 for everyone else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.params import id_param

from ..forms import CheckInForm
from ..selectors import registrations_for_check_in
from ..services import registration_check_in, registration_check_in_undo
from .activities import organised_activity

CHECK_IN = "activities.check_in"


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk: int):
    activity = organised_activity(request, pk, perm=CHECK_IN)
    if request.method == "POST":
        registration_id = id_param(request.POST.get("registration"))
        form = CheckInForm(request.POST)
        code = form.cleaned_data["code"] if form.is_valid() else ""
        try:
            if request.POST.get("undo") and registration_id is not None:
                registration = registration_check_in_undo(
                    activity=activity, actor=request.user, registration_id=registration_id
                )
                messages.success(
                    request,
                    _("Not present: %(name)s") % {"name": registration.user.public_name},
                )
            else:
                registration = registration_check_in(
                    activity=activity,
                    actor=request.user,
                    code=code if registration_id is None else "",
                    registration_id=registration_id,
                )
                messages.success(
                    request, _("Present: %(name)s") % {"name": registration.user.public_name}
                )
        except ServiceError as error:
            messages.error(request, error.message)
        return redirect("activities:check_in", pk=activity.pk)
    registrations = registrations_for_check_in(activity)
    return render(
        request,
        "activities/check_in.html",
        {
            "activity": activity,
            "form": CheckInForm(),
            "registrations": registrations,
            "counts": {
                "registered": len(registrations),
                "present": sum(r.attended_at is not None for r in registrations),
            },
        },
    )
