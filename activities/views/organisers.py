"""What organisers do around an activity: write to everyone with a place (from the
registrant list) and report afterwards how many came and what happened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit

from ..forms import MessageForm, ReportForm
from ..models import Registration
from ..services import activity_message_send, activity_report_save
from .activities import organised_activity
from .registrations import registrations_page


@login_required
@limit("activity_messages")
@require_POST
def message(request, pk: int):
    activity = organised_activity(request, pk, perm="activities.message_registrants")
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            count = activity_message_send(
                activity=activity,
                actor=request.user,
                subject=form.cleaned_data["subject"],
                text=form.cleaned_data["text"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "Your message is sent to %(count)d person.",
                    "Your message is sent to %(count)d people.",
                    count,
                )
                % {"count": count},
            )
            return redirect("activities:registrations", pk=activity.pk)
    return registrations_page(request, activity, message_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk: int):
    activity = organised_activity(request, pk, perm="activities.report_activity")
    if activity.is_cancelled or not activity.has_ended:
        messages.error(request, _("The report can be written once the activity has ended."))
        return redirect("activities:detail", pk=activity.pk)
    if activity.attendance is not None:
        initial = {"attendance": activity.attendance, "report": activity.report}
    else:
        present = Registration.objects.filter(activity=activity, attended_at__isnull=False)
        initial = {"attendance": present.count() or None}
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            activity_report_save(
                activity=activity,
                actor=request.user,
                attendance=form.cleaned_data["attendance"],
                text=form.cleaned_data["report"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The report is on the activity's page."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/report.html", {"activity": activity, "form": form})
