"""Pages of buurtbudget: the rounds, a round, its proposals, proposing, entering a
letter code, the ballot (basket and casting the vote) and the results. Staff review
proposals and make letter codes in the admin (``admin.py``)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.params import id_param
from mijnbuurt.core.ratelimit import limit

from .eligibility import verify
from .forms import CodeForm, ProposalForm
from .models import Phase, Proposal, Round
from .selectors import (
    ballot_of,
    places_of,
    proposal_for_page,
    proposals_of,
    round_for_page,
    round_results,
    rounds_for_list,
    vote_choices,
    voter_of,
)
from .services import ballot_add, ballot_remove, proposal_submit, vote_cast

VIEW_ROUND = "buurtbudget.view_round"


def _round(request, pk: int, perm: str = VIEW_ROUND) -> Round:
    return get_object_for_user_or_404(Round.objects.all(), user=request.user, perm=perm, pk=pk)


@require_GET
def round_list(request):
    return render(request, "buurtbudget/list.html", {"rounds": list(rounds_for_list())})


@require_GET
def round_detail(request, pk: int):
    round = get_object_for_user_or_404(round_for_page(), user=request.user, perm=VIEW_ROUND, pk=pk)
    return render(
        request,
        "buurtbudget/detail.html",
        {"round": round, "voter": voter_of(round=round, user=request.user)},
    )


@require_GET
def proposal_list(request, pk: int):
    round = _round(request, pk)
    page = Paginator(proposals_of(round), settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "buurtbudget/proposals.html",
        {"round": round, "page": page, "querystring": ""},
    )


@require_GET
def proposal_detail(request, pk: int):
    proposal = get_object_for_user_or_404(
        proposal_for_page(), user=request.user, perm="buurtbudget.view_proposal", pk=pk
    )
    return render(
        request, "buurtbudget/proposal.html", {"proposal": proposal, "round": proposal.round}
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_new(request, pk: int):
    round = _round(request, pk, perm="buurtbudget.propose")
    form = ProposalForm(request.POST or None, places=places_of(round))
    if request.method == "POST" and form.is_valid():
        try:
            proposal = proposal_submit(round=round, author=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Thank you! The municipality checks whether your project is feasible.")
            )
            return redirect("buurtbudget:proposal", pk=proposal.pk)
    return render(
        request,
        "buurtbudget/proposal_form.html",
        {"round": round, "form": form, "open": round.phase == Phase.PROPOSALS},
    )


@login_required
@limit("signups")  # a letter code is guessed at most this often (settings.RATE_LIMITS)
@require_http_methods(["GET", "POST"])
def code_entry(request, pk: int):
    round = _round(request, pk, perm="buurtbudget.verify")
    if voter_of(round=round, user=request.user) is not None:
        return redirect("buurtbudget:ballot", pk=round.pk)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            voter = verify(round, request.user, form.cleaned_data["code"])
        except ServiceError as error:
            form.add_error("code", error.message)
        else:
            messages.success(
                request,
                _("Your code is accepted: you vote for %(wijk)s.") % {"wijk": voter.wijk.name},
            )
            return redirect("buurtbudget:ballot", pk=round.pk)
    return render(request, "buurtbudget/code.html", {"round": round, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def ballot(request, pk: int):
    """The voter's ballot: GET shows it, POST adds (``add``) or removes (``remove``) a
    project by its id. Without a verified code: to the code page."""
    round = _round(request, pk)
    voter = voter_of(round=round, user=request.user)
    if voter is None:
        messages.info(request, _("Enter the code from your letter first."))
        return redirect("buurtbudget:code", pk=round.pk)
    voter.round = round
    if request.method == "POST":
        proposal_id = id_param(request.POST.get("proposal"))
        proposal = get_object_or_404(Proposal, pk=proposal_id or 0, round=round)
        action = ballot_add if request.POST.get("action") == "add" else ballot_remove
        try:
            action(voter=voter, proposal=proposal)
        except ServiceError as error:
            messages.error(request, error.message)
        return redirect("buurtbudget:ballot", pk=round.pk)
    vote = getattr(voter, "vote", None)
    return render(
        request,
        "buurtbudget/ballot.html",
        {
            "round": round,
            "voter": voter,
            "vote": vote,
            "voted_for": vote_choices(vote) if vote else [],
            "ballot": None if vote else ballot_of(voter),
            "open": round.phase == Phase.VOTING,
        },
    )


@login_required
@require_POST
def vote_cast_view(request, pk: int):
    round = _round(request, pk)
    voter = voter_of(round=round, user=request.user)
    if voter is None:
        messages.info(request, _("Enter the code from your letter first."))
        return redirect("buurtbudget:code", pk=round.pk)
    try:
        vote_cast(voter=voter)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your vote is counted. Thank you for taking part!"))
    return redirect("buurtbudget:ballot", pk=round.pk)


@require_GET
def results(request, pk: int):
    round = _round(request, pk)
    shown = round.phase == Phase.RESULTS
    return render(
        request,
        "buurtbudget/results.html",
        {"round": round, "results": round_results(round) if shown else None},
    )
