"""The relay: reply to a listing, the conversations list, one conversation, and the
person's preference. Nobody's contact details are shown."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit

from ..forms import CreditForm, MessageForm, PreferenceForm
from ..matches_selectors import conversations_with_feedback_due, reciprocity_for_page
from ..models import ACTIVE_STATUSES, Preference
from ..selectors import (
    conversation_for_page,
    conversation_of,
    conversations_of,
    messages_of,
)
from ..services import (
    conversation_mark_read,
    conversation_start,
    message_send,
    person_block,
    preference_set,
)
from .listings import _visible


@login_required
@require_http_methods(["GET", "POST"])
@limit("exchange_messages")
def reply(request, pk: int):
    listing = _visible(request, pk)
    if listing.owner_id == request.user.pk:
        return redirect("exchange:detail", pk=listing.pk)
    existing = conversation_of(listing=listing, user=request.user)
    if existing is not None:
        return redirect("exchange:conversation", pk=existing.pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conversation = conversation_start(
                listing=listing, replier=request.user, body=form.cleaned_data["body"]
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect("exchange:conversation", pk=conversation.pk)
    return render(request, "exchange/reply.html", {"listing": listing, "form": form})


@login_required
@require_GET
def conversation_list(request):
    conversations = conversations_with_feedback_due(conversations_of(request.user), request.user)
    page = Paginator(conversations, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "exchange/conversations.html", {"page": page, "querystring": ""})


@login_required
@require_http_methods(["GET", "POST"])
@limit("exchange_messages")
def conversation_detail(request, pk: int):
    conversation = get_object_for_user_or_404(
        conversation_for_page().select_related("match"),
        user=request.user,
        perm="exchange.view_conversation",
        pk=pk,
    )
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message_send(
                conversation=conversation, sender=request.user, body=form.cleaned_data["body"]
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect("exchange:conversation", pk=conversation.pk)
    if request.method == "GET":
        conversation_mark_read(conversation=conversation, user=request.user)
    listing = conversation.listing
    is_owner = listing.owner_id == request.user.pk
    return render(
        request,
        "exchange/conversation.html",
        {
            "conversation": conversation,
            "listing": listing,
            "other": conversation.replier if is_owner else listing.owner,
            "chat": messages_of(conversation),
            "form": form if listing.status in ACTIVE_STATUSES else None,
            "credit_form": CreditForm(),
            **reciprocity_for_page(conversation, request.user),
        },
    )


@login_required
@require_POST
def block(request, pk: int):
    conversation = get_object_for_user_or_404(
        conversation_for_page(), user=request.user, perm="exchange.view_conversation", pk=pk
    )
    person_block(conversation=conversation, by=request.user)
    messages.success(
        request,
        _(
            "You have blocked this person: they can no longer message you, and you no "
            "longer see their listings."
        ),
    )
    return redirect("exchange:conversations")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = Preference.objects.filter(user=request.user).first()
    form = PreferenceForm(
        request.POST or None,
        initial={"neighbourhood_only": bool(current and current.neighbourhood_only)},
    )
    if request.method == "POST" and form.is_valid():
        preference_set(
            user=request.user, neighbourhood_only=form.cleaned_data["neighbourhood_only"]
        )
        messages.success(request, _("Your choice has been saved."))
        return redirect("exchange:preferences")
    return render(request, "exchange/preferences.html", {"form": form})
