"""Listings: the public list, one listing's page, place, edit, close and extend."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError

from ..forms import ListingFilter, ListingForm
from ..lifecycle import owner_moves
from ..matches_selectors import credit_balance
from ..models import ACTIVE_STATUSES, Listing
from ..photos import MAX_PHOTOS
from ..selectors import (
    conversation_of,
    conversations_about,
    home_point,
    listing_for_page,
    listings_for_list,
    listings_of,
    listings_with_photos,
    organisations_for_paid_services,
)
from ..services import listing_close, listing_create, listing_extend, listing_update

VIEW = "exchange.view_listing"
CHANGE = "exchange.change_listing"
# The help-request form (helprequests) fills its description from this session key, so
# that a care request refused here is carried over without passing through the URL.
HELP_DRAFT_SESSION_KEY = "help_request_draft"


def _visible(request, pk: int) -> Listing:
    return get_object_for_user_or_404(listing_for_page(), user=request.user, perm=VIEW, pk=pk)


def _owned(request, pk: int) -> Listing:
    """A listing of the user; 404 for everyone else (also superusers)."""
    listing = _visible(request, pk)
    if not rules.has_perm(CHANGE, request.user, listing):
        raise Http404
    return listing


@require_GET
def listing_list(request):
    point = home_point(request.user)
    filterset = ListingFilter(
        request.GET or None,
        queryset=listings_with_photos(listings_for_list(request.user)),
        point=point,
    )
    page = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "exchange/list.html",
        {
            "filter": filterset,
            "page": page,
            "querystring": query.urlencode(),
            "near": point is not None,
        },
    )


@require_GET
def listing_detail(request, pk: int):
    listing = _visible(request, pk)
    is_owner = listing.owner_id == request.user.pk
    photos = (
        list(listing.photos.all())
        if rules.has_perm("exchange.view_listing_photo", request.user, listing)
        else []
    )
    may_edit = is_owner and listing.status in ACTIVE_STATUSES
    return render(
        request,
        "exchange/detail.html",
        {
            "listing": listing,
            "is_owner": is_owner,
            "photos": photos,
            "may_add_photo": may_edit and len(photos) < MAX_PHOTOS,
            "moves": owner_moves(listing) if is_owner else [],
            "may_extend": is_owner
            and listing.status in (*ACTIVE_STATUSES, Listing.Status.EXPIRED),
            "may_edit": may_edit,
            "conversations": list(conversations_about(listing)) if is_owner else [],
            "conversation": None
            if is_owner
            else conversation_of(listing=listing, user=request.user),
            "may_reply": rules.has_perm("exchange.reply_listing", request.user, listing),
            "may_report": rules.has_perm("exchange.report_listing", request.user, listing),
        },
    )


def _care_refused(request, form: ListingForm, error: ServiceError) -> bool:
    """A care category: keep the text for the help-request form and say so."""
    if error.code != "care":
        return False
    data = form.cleaned_data
    request.session[HELP_DRAFT_SESSION_KEY] = f"{data['title']}\n\n{data['description']}"
    form.add_error("category", error.message)
    return True


@login_required
@require_http_methods(["GET", "POST"])
def listing_new(request):
    organisations = organisations_for_paid_services(request.user)
    form = ListingForm(
        request.POST or None,
        organisations=organisations,
        initial=ListingForm.initial_for(request.user),
    )
    care = False
    if request.method == "POST" and form.is_valid():
        try:
            listing = listing_create(owner=request.user, **form.service_kwargs())
        except ServiceError as error:
            care = _care_refused(request, form, error)
            if not care:
                form.add_error(None, error.message)
        else:
            messages.success(request, _("Your listing is online."))
            return redirect("exchange:detail", pk=listing.pk)
    return render(request, "exchange/form.html", {"form": form, "care": care, "listing": None})


@login_required
@require_http_methods(["GET", "POST"])
def listing_edit(request, pk: int):
    listing = _owned(request, pk)
    if listing.status not in ACTIVE_STATUSES:
        messages.error(request, _("A closed listing cannot be changed."))
        return redirect("exchange:detail", pk=listing.pk)
    initial = {
        name: getattr(listing, name)
        for name in ("kind", "title", "description", "audience", "price_info")
    } | {
        "category": listing.category_id,
        "neighbourhood": listing.neighbourhood_id,
        "organisation": listing.organisation_id,
    }
    form = ListingForm(
        request.POST or None,
        organisations=organisations_for_paid_services(request.user),
        editing=True,
        initial=initial,
    )
    care = False
    if request.method == "POST" and form.is_valid():
        try:
            listing_update(listing=listing, by=request.user, **form.service_kwargs())
        except ServiceError as error:
            care = _care_refused(request, form, error)
            if not care:
                form.add_error(None, error.message)
        else:
            messages.success(request, _("Your listing has been changed."))
            return redirect("exchange:detail", pk=listing.pk)
    return render(request, "exchange/form.html", {"form": form, "care": care, "listing": listing})


@login_required
@require_POST
def listing_status(request, pk: int):
    listing = _owned(request, pk)
    to = request.POST.get("to", "")
    if to not in {move.to_status for move in owner_moves(listing)}:
        messages.error(request, _("This is not possible for this listing now."))
        return redirect("exchange:detail", pk=listing.pk)
    try:
        listing_close(listing=listing, by=request.user, to=to)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The listing is now: %(status)s.") % {"status": Listing.Status(to).label.lower()},
        )
    return redirect("exchange:detail", pk=listing.pk)


@login_required
@require_POST
def listing_extend_view(request, pk: int):
    listing = _owned(request, pk)
    try:
        listing = listing_extend(listing=listing, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your listing is shown for another 8 weeks."))
    return redirect("exchange:detail", pk=listing.pk)


@login_required
@require_GET
def listings_mine(request):
    page = Paginator(listings_of(request.user), settings.PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "exchange/mine.html",
        {"page": page, "querystring": "", "balance": credit_balance(request.user)},
    )
