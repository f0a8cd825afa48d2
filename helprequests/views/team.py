"""The area team's side (/team/): queue, one request, actions, intake, dashboard.

Every view is for the team's role and asks for two-factor authentication
(``mfa_required``). Every open of a request and every action writes an AccessLog row
(in the services).
"""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.i18n import choice_labels
from mijnbuurt.core.messages import form_errors_to_messages
from mijnbuurt.core.mfa import mfa_required
from mijnbuurt.core.panels import panels_for
from mijnbuurt.core.ratelimit import limit
from neighbourhoods.selectors import user_team_ids

from .. import selectors
from ..filing import help_neighbourhood_locate, help_request_intake
from ..filters import FILTER_KEYS, HelpQueueFilter, queue_form_html
from ..forms import AssignForm, IntakeForm, NoteForm, TeamMessageForm, TransitionForm
from ..lifecycle import TEAM
from ..models import HelpKind, HelpStatus
from ..services import (
    help_contact_record,
    help_message_send,
    help_note_add,
    help_request_assign,
    help_request_transition,
    help_request_viewed,
)

HANDLE = "helprequests.handle_helprequest"


def _require_queue(request) -> list[int]:
    if not rules.has_perm("helprequests.use_help_queue", request.user):
        raise Http404
    return user_team_ids(request.user)


def _handled(request, pk: int, queryset=None):
    return get_object_for_user_or_404(
        queryset if queryset is not None else selectors.help_request_for_change(),
        user=request.user,
        perm=HANDLE,
        pk=pk,
    )


# The queue remembers the filters someone chose in its form, in their session; the
# address carries them too, so a filtered queue can be shared as a link.
REMEMBERED = "help_queue_filters"
REMEMBER, RESET = "bewaar", "wissen"


def _filter_query(query) -> str:
    """The filter part of a query string, in a fixed order."""
    kept = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        if query.get(key):
            kept[key] = query[key]
    return kept.urlencode()


@login_required
@mfa_required
@require_GET
def queue(request):
    team_ids = _require_queue(request)
    chosen = _filter_query(request.GET)
    if RESET in request.GET:
        request.session.pop(REMEMBERED, None)
        return redirect("help:queue")
    if not chosen and request.session.get(REMEMBERED):
        return redirect(f"{reverse('help:queue')}?{request.session[REMEMBERED]}")
    if REMEMBER in request.GET and request.session.get(REMEMBERED) != chosen:
        request.session[REMEMBERED] = chosen
    filterset = HelpQueueFilter(
        request.GET,
        queryset=selectors.help_request_queue(user=request.user, team_ids=team_ids),
        user=request.user,
    )
    page = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    choice_labels(page.object_list, "kind", "urgency", "status")
    return render(
        request,
        "helprequests/team/queue.html",
        {
            "filter_form": queue_form_html(filterset),
            "page": page,
            "querystring": _filter_query(request.GET),
            "remembered": bool(request.session.get(REMEMBERED)),
        },
    )


@login_required
@mfa_required
@require_GET
def dashboard(request):
    team_ids = _require_queue(request)
    data = selectors.help_request_dashboard(user=request.user, team_ids=team_ids)
    choice_labels(data["overdue"], "kind", "urgency")
    return render(
        request,
        "helprequests/team/dashboard.html",
        {
            **data,
            "median_first_contact_hours": (
                data["median_first_contact"].total_seconds() / 3600
                if data["median_first_contact"] is not None
                else None
            ),
            "status_rows": [(s.label, data["by_status"].get(s.value, 0)) for s in HelpStatus],
            "kind_rows": [(k.label, data["by_kind"].get(k.value, 0)) for k in HelpKind],
        },
    )


@login_required
@mfa_required
@require_http_methods(["GET", "POST"])
def intake(request):
    _require_queue(request)
    form = IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            neighbourhood = form.cleaned_data["neighbourhood"]
            if form.cleaned_data["postcode"].strip():
                neighbourhood = help_neighbourhood_locate(
                    postcode=form.cleaned_data["postcode"],
                    house_number=form.cleaned_data["house_number"],
                )
            help_request = help_request_intake(
                by=request.user, neighbourhood=neighbourhood, **form.service_kwargs()
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            if rules.has_perm(HANDLE, request.user, help_request):
                messages.success(request, _("The request has been filed."))
                return redirect("help:team_detail", pk=help_request.pk)
            messages.success(
                request,
                _(
                    "The request has been filed and sent to the team "
                    "that covers the neighbourhood."
                ),
            )
            return redirect("help:queue")
    return render(request, "helprequests/team/intake.html", {"form": form})


@login_required
@mfa_required
@require_GET
def detail(request, pk: int):
    help_request = _handled(request, pk, selectors.help_request_for_team())
    help_request_viewed(help_request=help_request, by=request.user)
    roles = {TEAM}
    templates = selectors.reply_templates_for(help_request)
    chosen = next((t for t in templates if str(t.pk) == request.GET.get("sjabloon")), None)
    return render(
        request,
        "helprequests/team/detail.html",
        {
            "help_request": help_request,
            "reply_templates": templates,
            "message_form": TeamMessageForm(
                initial={"body": selectors.reply_text(chosen, help_request)} if chosen else None
            ),
            "note_form": NoteForm(),
            "assign_form": AssignForm(
                initial={"assignee": help_request.assignee_id},
                colleagues=selectors.team_colleagues(help_request),
            ),
            "transition_form": TransitionForm(help_request=help_request, roles=roles),
            "panels": panels_for("helprequests.team_detail", help_request, request=request),
        },
    )


def _back(help_request):
    return redirect("help:team_detail", pk=help_request.pk)


@login_required
@mfa_required
@require_POST
def assign(request, pk: int):
    help_request = _handled(request, pk)
    if request.POST.get("to_me"):
        assignee = request.user
    else:
        form = AssignForm(
            request.POST,
            colleagues=selectors.team_colleagues(help_request),
        )
        if not form.is_valid():
            form_errors_to_messages(request, form)
            return _back(help_request)
        assignee = form.cleaned_data["assignee"]
    try:
        help_request_assign(help_request=help_request, by=request.user, assignee=assignee)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The assignment has been saved."))
    return _back(help_request)


@login_required
@mfa_required
@require_POST
def transition(request, pk: int):
    help_request = _handled(request, pk)
    form = TransitionForm(request.POST, help_request=help_request, roles={TEAM})
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return _back(help_request)
    try:
        help_request_transition(help_request=help_request, by=request.user, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The status has been changed."))
    return _back(help_request)


@login_required
@mfa_required
@require_POST
@limit("messages")
def message(request, pk: int):
    help_request = _handled(request, pk)
    form = TeamMessageForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return _back(help_request)
    try:
        help_message_send(help_request=help_request, by=request.user, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your message has been sent to the resident."))
    return _back(help_request)


@login_required
@mfa_required
@require_POST
def note(request, pk: int):
    help_request = _handled(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return _back(help_request)
    try:
        help_note_add(help_request=help_request, by=request.user, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The note has been saved."))
    return _back(help_request)


@login_required
@mfa_required
@require_POST
def contact(request, pk: int):
    help_request = _handled(request, pk)
    try:
        help_contact_record(help_request=help_request, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Contact with the resident has been recorded."))
    return _back(help_request)
