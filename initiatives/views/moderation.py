"""Comments, abuse reports and the moderation queue (/initiatieven/moderatie/, staff only)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.mfa import mfa_required
from mijnbuurt.core.panels import panels_for
from mijnbuurt.core.ratelimit import limit

from ..forms.moderation import CommentForm, ReportForm
from ..models import Comment, Initiative, InitiativeUpdate
from ..selectors import moderation as selectors
from ..selectors.initiatives import initiative_for_edit
from ..services import (
    comment_delete,
    comment_post,
    content_report,
    moderation_dismiss,
    moderation_hide,
    moderation_restore,
    user_block,
    user_unblock,
)

VIEW = "initiatives.view_initiative"


def _initiative(request, pk: int) -> Initiative:
    return get_object_for_user_or_404(initiative_for_edit(), user=request.user, perm=VIEW, pk=pk)


def _detail(initiative: Initiative, anchor: str = "") -> str:
    return reverse("initiatives:detail", kwargs={"pk": initiative.pk}) + anchor


# --- Comments ---------------------------------------------------------------------------


@login_required
@require_POST
@limit("comments")
def comment_create(request, pk: int):
    initiative = _initiative(request, pk)
    form = CommentForm(request.POST)
    form.is_valid()  # one optional text field: always valid; the service checks it
    try:
        comment = comment_post(
            initiative=initiative, by=request.user, body=form.cleaned_data.get("body", "")
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_detail(initiative, "#comments"))
    messages.success(request, _("Your comment has been posted."))
    return redirect(_detail(initiative, f"#comment-{comment.pk}"))


@login_required
@require_POST
def comment_remove(request, pk: int, comment_pk: int):
    initiative = _initiative(request, pk)
    comment = get_object_or_404(Comment, pk=comment_pk, initiative=initiative)
    try:
        comment_delete(comment=comment, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your comment has been deleted."))
    return redirect(_detail(initiative, "#comments"))


# --- Reports ----------------------------------------------------------------------------


def _reportable(request, pk: int, kind: str, item_pk: int | None):
    """The initiative and the item to report; 404 for what the reporter cannot see."""
    initiative = _initiative(request, pk)
    if kind == "comment":
        item = get_object_or_404(
            Comment.objects.select_related("author"),
            pk=item_pk,
            initiative=initiative,
            hidden_at__isnull=True,
        )
    elif kind == "update":
        item = get_object_or_404(
            InitiativeUpdate.objects.select_related("author"),
            pk=item_pk,
            initiative=initiative,
            hidden_at__isnull=True,
        )
    else:
        item = initiative
    return initiative, item


@login_required
@require_http_methods(["GET", "POST"])
@limit("reports")
def report(request, pk: int, kind: str = "initiative", item_pk: int | None = None):
    initiative, item = _reportable(request, pk, kind, item_pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            content_report(item=item, by=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Thank you. The moderators of the municipality will look at your report."),
            )
            return redirect(_detail(initiative))
    return render(
        request,
        "initiatives/report_form.html",
        {"initiative": initiative, "item": item, "kind": kind, "form": form},
    )


# --- Moderation (staff) -----------------------------------------------------------------


def _require_moderator(request) -> None:
    """The queue and its actions do not exist for anyone but municipal staff."""
    if not request.user.is_staff:
        raise Http404


@login_required
@mfa_required
@require_GET
def queue(request):
    _require_moderator(request)
    page = Paginator(selectors.abuse_report_groups_open(), settings.PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "initiatives/moderation_queue.html",
        {
            "page": page,
            "items": selectors.moderation_queue_items(page.object_list),
            "hidden_items": selectors.moderation_recently_hidden(),
            "blocks": selectors.posting_blocks(),
            "querystring": "",
            "panels": panels_for("moderation.queue", request.user, request=request),
        },
    )


MODELS = {"comment": Comment, "update": InitiativeUpdate, "initiative": Initiative}


def _item(kind: str, item_pk: int):
    if kind not in MODELS:
        raise Http404
    return get_object_or_404(MODELS[kind], pk=item_pk)


def _back(anchor: str = ""):
    return redirect(reverse("initiatives:moderation_queue") + anchor)


@login_required
@mfa_required
@require_POST
def hide(request, kind: str, item_pk: int):
    _require_moderator(request)
    item = _item(kind, item_pk)
    try:
        moderation_hide(item=item, by=request.user, reason=request.POST.get("reason", ""))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Hidden. The author has been told why."))
    return _back()


@login_required
@mfa_required
@require_POST
def restore(request, kind: str, item_pk: int):
    _require_moderator(request)
    item = _item(kind, item_pk)
    try:
        moderation_restore(item=item, by=request.user, reason=request.POST.get("reason", ""))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Shown again. The author has been told."))
    return _back("#hidden")


@login_required
@mfa_required
@require_POST
def dismiss(request, kind: str, item_pk: int):
    _require_moderator(request)
    item = _item(kind, item_pk)
    try:
        moderation_dismiss(item=item, by=request.user, reason=request.POST.get("reason", ""))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The reports have been dismissed; nothing was hidden."))
    return _back()


@login_required
@mfa_required
@require_POST
def block(request, user_pk: int):
    _require_moderator(request)
    person = get_object_or_404(get_user_model(), pk=user_pk)
    unblock = request.POST.get("action") == "unblock"
    reason = request.POST.get("reason", "")
    try:
        if unblock:
            user_unblock(user=person, by=request.user, reason=reason)
        else:
            user_block(user=person, by=request.user, reason=reason)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s may post again.") % {"name": person.public_name}
            if unblock
            else _("%(name)s can no longer post.") % {"name": person.public_name},
        )
    return _back("#blocks" if unblock else "")
