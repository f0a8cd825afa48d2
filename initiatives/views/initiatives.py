"""Initiatives: the public list, one initiative, start and edit, support, follow, review."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.messages import form_errors_to_messages
from mijnbuurt.core.mfa import mfa_required
from mijnbuurt.core.panels import panels_for
from mijnbuurt.core.ratelimit import limit
from neighbourhoods.layers import layer_config
from neighbourhoods.widgets import asks_geocoder

from ..filters import InitiativeFilter
from ..forms.initiatives import InitiativeForm, InviteForm, TransitionForm, UpdateForm
from ..layers import LAYER_NAME
from ..lifecycle import EVENT_LABELS, transitions_from
from ..models import EDITABLE_STATUSES, InitiativePhoto, OrganiserInvitation, Status
from ..selectors import initiatives as selectors
from ..services import (
    actor_roles,
    initiative_copy,
    initiative_create,
    initiative_follow,
    initiative_photo_remove,
    initiative_support,
    initiative_support_withdraw,
    initiative_transition,
    initiative_unfollow,
    initiative_update,
    initiative_update_post,
    organiser_invitation_accept,
    organiser_invitation_decline,
    organiser_invite,
)
from .grants import grant_context


def initiative_url(initiative) -> str:
    return reverse("initiatives:detail", kwargs={"pk": initiative.pk})


VIEW = "initiatives.view_initiative"


def _visible(request, pk: int, queryset=None):
    return get_object_for_user_or_404(
        queryset if queryset is not None else selectors.initiative_for_page(),
        user=request.user,
        perm=VIEW,
        pk=pk,
    )


def _organised(request, pk: int, queryset=None):
    """An initiative the user organises; 404 for everyone else (also superusers)."""
    initiative = _visible(request, pk, queryset)
    if not rules.has_perm("initiatives.change_initiative", request.user, initiative):
        raise Http404
    return initiative


@require_GET
def initiative_list(request):
    filterset = InitiativeFilter(request.GET or None, queryset=selectors.initiatives_public())
    page = Paginator(filterset.qs, settings.PAGE_SIZE_GRID).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "initiatives/list.html",
        {
            "filter": filterset,
            "page": page,
            "querystring": query.urlencode(),
            "map_layers": layer_config(LAYER_NAME, "wijken", shown=(LAYER_NAME,)),
            "attributions": [],
            "may_review": rules.has_perm("initiatives.use_review_queue", request.user),
        },
    )


@require_GET
def detail(request, pk: int):
    initiative = _visible(request, pk)
    roles = actor_roles(user=request.user, initiative=initiative)
    history = [
        (change, EVENT_LABELS.get(change.to_status, change.get_to_status_display()))
        for change in initiative.status_changes.all()
    ]
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "relation": selectors.user_initiative_relation(
                user=request.user, initiative=initiative
            ),
            "transitions": transitions_from(initiative.status, roles=roles),
            "is_organiser": "organiser" in roles,
            "may_edit": "organiser" in roles and initiative.status in EDITABLE_STATUSES,
            "history": history,
            "update_form": UpdateForm() if "organiser" in roles else None,
            "invite_form": InviteForm() if "organiser" in roles else None,
            "invitations": selectors.invitations_open(initiative) if "organiser" in roles else [],
            "latest_note": next((c.note for c, _label in reversed(history) if c.note), ""),
            **grant_context(initiative, roles=roles, user=request.user),
            "panels": panels_for("initiatives.detail", initiative, request=request),
        },
    )


def _warn_location_unreachable(request, form: InitiativeForm) -> None:
    if form.location_unreachable:
        messages.warning(
            request,
            _(
                "The address service could not be reached, so the place on the map was "
                "not changed. Edit the initiative later, or click on the map, to set it."
            ),
        )


@login_required
@require_http_methods(["GET", "POST"])
@limit("geocoder", when=asks_geocoder)
def create(request):
    form = InitiativeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = initiative_create(by=request.user, **form.service_kwargs())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Your initiative is saved as a draft. Submit it when it is ready."),
            )
            _warn_location_unreachable(request, form)
            return redirect("initiatives:detail", pk=initiative.pk)
    return render(request, "initiatives/form.html", {"form": form, "initiative": None})


@login_required
@require_http_methods(["GET", "POST"])
@limit("geocoder", when=asks_geocoder)
def edit(request, pk: int):
    initiative = _organised(request, pk, selectors.initiative_for_edit())
    if initiative.status not in EDITABLE_STATUSES:
        messages.error(
            request,
            _("An initiative can only be changed while it is a draft or changes were requested."),
        )
        return redirect("initiatives:detail", pk=initiative.pk)
    form = InitiativeForm(request.POST or None, request.FILES or None, instance=initiative)
    if request.method == "POST" and form.is_valid():
        try:
            initiative_update(initiative=initiative, by=request.user, **form.service_kwargs())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The changes have been saved."))
            _warn_location_unreachable(request, form)
            return redirect("initiatives:detail", pk=initiative.pk)
    return render(request, "initiatives/form.html", {"form": form, "initiative": initiative})


@login_required
@require_POST
def photo_remove(request, pk: int, photo_pk: int):
    initiative = _organised(request, pk, selectors.initiative_for_edit())
    photo = get_object_or_404(InitiativePhoto, pk=photo_pk, initiative=initiative)
    try:
        initiative_photo_remove(photo=photo, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The photo has been removed."))
    return redirect("initiatives:edit", pk=initiative.pk)


@login_required
@require_POST
def transition(request, pk: int):
    initiative = _visible(request, pk, selectors.initiative_for_edit())
    back = (
        redirect("initiatives:review_queue")
        if request.POST.get("next") == "queue"
        else redirect("initiatives:detail", pk=initiative.pk)
    )
    form = TransitionForm(request.POST, initiative=initiative)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return back
    to_status = form.cleaned_data["to_status"]
    try:
        initiative_transition(
            initiative=initiative,
            to_status=to_status,
            by=request.user,
            note=form.cleaned_data["note"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Done: %(event)s.") % {"event": str(EVENT_LABELS[to_status]).lower()},
        )
    return back


@login_required
@require_POST
def support(request, pk: int):
    initiative = _visible(request, pk, selectors.initiative_for_edit())
    withdraw = request.POST.get("action") == "withdraw"
    try:
        if withdraw:
            initiative_support_withdraw(initiative=initiative, by=request.user)
        else:
            initiative_support(initiative=initiative, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You no longer support this initiative.")
            if withdraw
            else _("Thank you for your support!"),
        )
    return redirect("initiatives:detail", pk=initiative.pk)


@login_required
@require_POST
def follow(request, pk: int):
    initiative = _visible(request, pk, selectors.initiative_for_edit())
    unfollow = request.POST.get("action") == "unfollow"
    try:
        if unfollow:
            initiative_unfollow(initiative=initiative, by=request.user)
        else:
            initiative_follow(initiative=initiative, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You no longer follow this initiative.")
            if unfollow
            else _("You follow this initiative and hear about its news."),
        )
    return redirect("initiatives:detail", pk=initiative.pk)


@login_required
@require_POST
def post_update(request, pk: int):
    initiative = _organised(request, pk, selectors.initiative_for_edit())
    form = UpdateForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            initiative_update_post(initiative=initiative, by=request.user, **form.cleaned_data)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your news has been posted."))
    else:
        form_errors_to_messages(request, form)
    return redirect(initiative_url(initiative) + "#news")


@login_required
@require_POST
@limit("invitations")
def invite(request, pk: int):
    initiative = _organised(request, pk, selectors.initiative_for_edit())
    form = InviteForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(initiative_url(initiative) + "#organisers")
    try:
        invitation = organiser_invite(
            initiative=initiative, by=request.user, email=form.cleaned_data["email"]
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        # The same words whether or not the address has an account: nothing is revealed.
        messages.success(
            request,
            _(
                "The invitation for %(email)s is ready. With an account on Mijn buurt Assen "
                "they find it under My initiatives; tell them about it yourself too."
            )
            % {"email": invitation.email},
        )
    return redirect(initiative_url(initiative) + "#organisers")


@login_required
@require_POST
def invitation_respond(request, invitation_pk: int):
    invitation = get_object_or_404(
        OrganiserInvitation, pk=invitation_pk, email__iexact=request.user.email
    )
    initiative_pk = invitation.initiative_id
    try:
        if request.POST.get("action") == "accept":
            organiser_invitation_accept(invitation=invitation, by=request.user)
            messages.success(request, _("Welcome! You now organise this initiative too."))
            return redirect("initiatives:detail", pk=initiative_pk)
        organiser_invitation_decline(invitation=invitation, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You declined the invitation."))
    return redirect("initiatives:mine")


@login_required
@require_POST
def copy(request, pk: int):
    original = _visible(request, pk, selectors.initiative_for_edit())
    try:
        initiative = initiative_copy(original=original, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("initiatives:detail", pk=original.pk)
    messages.success(
        request,
        _("A copy is saved as your draft. Make it fit your neighbourhood, then submit it."),
    )
    return redirect("initiatives:edit", pk=initiative.pk)


@login_required
@require_GET
def mine(request):
    page = Paginator(selectors.initiatives_of(request.user), settings.PAGE_SIZE_GRID).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "initiatives/mine.html",
        {"page": page, "invitations": selectors.invitations_for(request.user)},
    )


@login_required
@mfa_required
@require_GET
def review_queue(request):
    if not rules.has_perm("initiatives.use_review_queue", request.user):
        raise Http404
    page = Paginator(
        selectors.initiatives_to_review(request.user), settings.PAGE_SIZE_GRID
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "initiatives/review_queue.html",
        {
            "page": page,
            "reports": selectors.accountability_reports_to_review(request.user),
            "grants": selectors.grants_to_decide(request.user),
            "in_review": Status.IN_REVIEW,
            "note_actions": [
                (Status.CHANGES_REQUESTED.value, _("Ask for changes")),
                (Status.DECLINED.value, _("Decline")),
            ],
        },
    )
