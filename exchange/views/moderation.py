"""Reports and moderation: report a listing or a message ("Melden"), and the moderators'
page (/vraag-en-aanbod/moderatie/: municipal staff with two-factor authentication,
404 for everyone else) with hide and dismiss, and the read-only conversation of a
reported message, each read of which is logged."""

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
from mijnbuurt.core.mfa import mfa_required
from mijnbuurt.core.ratelimit import limit

from ..forms import ReportForm
from ..models import Listing, Message
from ..moderation import (
    conversation_access_log,
    moderation_dismiss,
    moderation_hide,
    report_listing,
    report_message,
)
from ..moderation_selectors import moderation_items, report_for_reading, report_groups_open
from ..selectors import conversation_for_page, listing_for_page, messages_of


def _report_form(request, *, report, item, back: str, context: dict):
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report(by=request.user, **form.cleaned_data, **item)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Thank you. The moderators of the municipality will look at your report."),
            )
            return redirect(back)
    return render(request, "exchange/report_form.html", {"form": form, "back": back, **context})


@login_required
@require_http_methods(["GET", "POST"])
@limit("reports")
def report_listing_view(request, pk: int):
    listing = get_object_for_user_or_404(
        listing_for_page(), user=request.user, perm="exchange.report_listing", pk=pk
    )
    return _report_form(
        request,
        report=report_listing,
        item={"listing": listing},
        back=reverse("exchange:detail", kwargs={"pk": listing.pk}),
        context={"listing": listing, "message": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit("reports")
def report_message_view(request, pk: int, message_pk: int):
    conversation = get_object_for_user_or_404(
        conversation_for_page(), user=request.user, perm="exchange.view_conversation", pk=pk
    )
    message = get_object_or_404(
        Message.objects.select_related("sender"),
        pk=message_pk,
        conversation=conversation,
        hidden_at__isnull=True,
    )
    if message.sender_id == request.user.pk:
        raise Http404
    return _report_form(
        request,
        report=report_message,
        item={"message": message},
        back=reverse("exchange:conversation", kwargs={"pk": conversation.pk})
        + f"#message-{message.pk}",
        context={"listing": conversation.listing, "message": message},
    )


# --- Moderation (staff) -----------------------------------------------------------------


def _require_moderator(request) -> None:
    """The moderation pages do not exist for anyone but municipal staff."""
    if not request.user.is_staff:
        raise Http404


@login_required
@mfa_required
@require_GET
def moderation_queue(request):
    _require_moderator(request)
    page = Paginator(report_groups_open(), settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "exchange/moderation.html",
        {"page": page, "items": moderation_items(page.object_list), "querystring": ""},
    )


MODELS = {"listing": Listing, "message": Message}


def _item(kind: str, item_pk: int):
    if kind not in MODELS:
        raise Http404
    return get_object_or_404(MODELS[kind], pk=item_pk)


@login_required
@mfa_required
@require_POST
def moderation_hide_view(request, kind: str, item_pk: int):
    _require_moderator(request)
    item = _item(kind, item_pk)
    try:
        moderation_hide(item=item, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Hidden. The reports are closed."))
    return redirect("exchange:moderation")


@login_required
@mfa_required
@require_POST
def moderation_dismiss_view(request, kind: str, item_pk: int):
    _require_moderator(request)
    item = _item(kind, item_pk)
    try:
        moderation_dismiss(item=item, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The reports have been dismissed."))
    return redirect("exchange:moderation")


@login_required
@mfa_required
@require_GET
def reported_conversation(request, pk: int):
    """The conversation of a reported message, read-only; every read is logged."""
    report = get_object_for_user_or_404(
        report_for_reading(),
        user=request.user,
        perm="exchange.read_reported_conversation",
        pk=pk,
    )
    conversation_access_log(report=report, by=request.user)
    conversation = report.message.conversation
    return render(
        request,
        "exchange/moderation_conversation.html",
        {
            "report": report,
            "conversation": conversation,
            "listing": conversation.listing,
            "chat": messages_of(conversation),
        },
    )
