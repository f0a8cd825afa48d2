"""What a conversation led to: "we hebben een match", time credits, and "is het
gelukt?". Every page is for the conversation's two sides only (404 for everyone else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError

from ..forms import CreditForm, FeedbackForm
from ..matches_selectors import feedback_of, feedback_possible, match_of
from ..reciprocity import (
    credit_confirm,
    credit_decline,
    credit_record,
    feedback_give,
    match_press,
    other_side,
    thanks_show,
)
from ..selectors import conversation_for_page


def _conversation(request, pk: int):
    return get_object_for_user_or_404(
        conversation_for_page().select_related("match"),
        user=request.user,
        perm="exchange.view_conversation",
        pk=pk,
    )


def _act(request, conversation, action, success: str, **kwargs):
    try:
        action(conversation=conversation, by=request.user, **kwargs)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("exchange:conversation", pk=conversation.pk)


@login_required
@require_POST
def match(request, pk: int):
    conversation = _conversation(request, pk)
    existing = match_of(conversation)
    success = (
        _("The match is confirmed. Well done!")
        if existing is not None and not existing.is_confirmed
        else _("We have asked the other person to confirm the match.")
    )
    return _act(request, conversation, match_press, success)


@login_required
@require_POST
def credit(request, pk: int):
    conversation = _conversation(request, pk)
    form = CreditForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the hours as a number, such as 1,5, and who gave them."))
        return redirect("exchange:conversation", pk=conversation.pk)
    return _act(
        request,
        conversation,
        credit_record,
        _("The hours are recorded; the other person confirms them."),
        hours=form.cleaned_data["hours"],
        gave=form.cleaned_data["gave"],
    )


@login_required
@require_POST
def credit_confirm_view(request, pk: int):
    conversation = _conversation(request, pk)
    return _act(request, conversation, credit_confirm, _("The hours are confirmed."))


@login_required
@require_POST
def credit_decline_view(request, pk: int):
    conversation = _conversation(request, pk)
    return _act(request, conversation, credit_decline, _("The hours have been removed."))


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request, pk: int):
    """ "Is het gelukt?": this side's answer, and the thanks the other side sent; once
    the listing closed, about a confirmed match or a conversation both sides wrote in
    (404 before that)."""
    conversation = _conversation(request, pk)
    if not feedback_possible(conversation):
        raise Http404
    answers = list(feedback_of(conversation))
    mine = next((a for a in answers if a.author_id == request.user.pk), None)
    received = next((a for a in answers if a.author_id != request.user.pk and a.thanks), None)
    initial = {"outcome": mine.outcome, "thanks": mine.thanks} if mine else None
    form = FeedbackForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            feedback_give(conversation=conversation, by=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you for your answer."))
            return redirect("exchange:feedback", pk=conversation.pk)
    return render(
        request,
        "exchange/feedback.html",
        {
            "conversation": conversation,
            "listing": conversation.listing,
            "other": other_side(conversation, request.user),
            "form": form,
            "mine": mine,
            "received": received,
        },
    )


@login_required
@require_POST
def thanks(request, pk: int):
    conversation = _conversation(request, pk)
    shown = request.POST.get("shown") == "1"
    try:
        thanks_show(conversation=conversation, by=request.user, shown=shown)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The thank-you message is shown on your profile.")
            if shown
            else _("The thank-you message is no longer shown on your profile."),
        )
    return redirect("exchange:feedback", pk=conversation.pk)
