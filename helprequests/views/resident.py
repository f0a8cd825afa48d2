"""The resident's side: ask for help, my requests, one request (messages, history)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.messages import form_errors_to_messages
from mijnbuurt.core.panels import panels_for
from mijnbuurt.core.ratelimit import limit

from .. import selectors
from ..filing import help_neighbourhood_locate, help_request_create
from ..forms import HelpRequestForm, MessageForm, SatisfactionForm
from ..lifecycle import EVENT_LABELS
from ..models import HelpStatus
from ..services import (
    help_reply_send,
    help_request_delete,
    help_request_transition,
    help_satisfaction_give,
    reopen_possible,
)

OWN = "helprequests.view_own_helprequest"


def _own(request, pk: int, queryset=None):
    return get_object_for_user_or_404(
        queryset if queryset is not None else selectors.help_request_for_change(),
        user=request.user,
        perm=OWN,
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit("help_requests")
def create(request):
    initial = {
        "neighbourhood": request.user.home_neighbourhood_id,
        "contact_email": request.user.email,
        # Text carried over from a form that sends care questions here (Vraag en aanbod).
        "description": request.session.pop("help_request_draft", "")[:4000],
    }
    form = HelpRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            neighbourhood = form.cleaned_data["neighbourhood"]
            if form.cleaned_data["postcode"].strip():
                neighbourhood = help_neighbourhood_locate(
                    postcode=form.cleaned_data["postcode"],
                    house_number=form.cleaned_data["house_number"],
                )
            help_request = help_request_create(
                requester=request.user, neighbourhood=neighbourhood, **form.service_kwargs()
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Thank you. Your request has been sent to the area team; "
                    "they will contact you."
                ),
            )
            return redirect("help:detail", pk=help_request.pk)
    return render(request, "helprequests/resident/form.html", {"form": form})


@login_required
@require_GET
def my_requests(request):
    page = Paginator(
        selectors.help_requests_of_resident(user=request.user), settings.PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    return render(request, "helprequests/resident/list.html", {"page": page, "querystring": ""})


@login_required
@require_GET
def detail(request, pk: int):
    help_request = _own(request, pk, selectors.help_request_for_resident())
    history = [
        (event, EVENT_LABELS.get(event.to_status, event.get_to_status_display()))
        for event in help_request.events.all()
    ]
    satisfaction = getattr(help_request, "satisfaction", None)
    return render(
        request,
        "helprequests/resident/detail.html",
        {
            "help_request": help_request,
            "history": history,
            "reply_form": MessageForm() if help_request.is_open else None,
            "satisfaction": satisfaction,
            "satisfaction_form": (
                SatisfactionForm()
                if help_request.status == HelpStatus.RESOLVED and satisfaction is None
                else None
            ),
            "may_reopen": reopen_possible(help_request),
            "reopen_days": settings.HELP_REQUEST_REOPEN_DAYS,
            "view_log_minutes": settings.HELP_REQUEST_VIEW_LOG_MINUTES,
            "panels": panels_for("helprequests.resident_detail", help_request, request=request),
        },
    )


@login_required
@require_POST
@limit("messages")
def reply(request, pk: int):
    help_request = _own(request, pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("help:detail", pk=help_request.pk)
    try:
        help_reply_send(help_request=help_request, by=request.user, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your message has been sent to the area team."))
    return redirect("help:detail", pk=help_request.pk)


def _transition(request, pk: int, to_status: str, success: str):
    help_request = _own(request, pk)
    try:
        help_request_transition(help_request=help_request, to_status=to_status, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("help:detail", pk=help_request.pk)


@login_required
@require_POST
def withdraw(request, pk: int):
    return _transition(request, pk, HelpStatus.WITHDRAWN, _("Your request has been withdrawn."))


@login_required
@require_POST
def reopen(request, pk: int):
    return _transition(
        request,
        pk,
        HelpStatus.IN_TRIAGE,
        _("Your request is open again. The team will contact you."),
    )


@login_required
@require_POST
def satisfaction(request, pk: int):
    help_request = _own(request, pk)
    form = SatisfactionForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("help:detail", pk=help_request.pk)
    try:
        help_satisfaction_give(help_request=help_request, by=request.user, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you for telling us."))
    return redirect("help:detail", pk=help_request.pk)


@login_required
@require_POST
def delete(request, pk: int):
    help_request = _own(request, pk)
    try:
        help_request_delete(help_request=help_request, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("help:detail", pk=help_request.pk)
    messages.success(request, _("Your request has been deleted."))
    return redirect("help:mine")
