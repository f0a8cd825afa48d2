"""Photos of a listing: the owner adds one (with what it shows) or removes one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mijnbuurt.core.exceptions import ServiceError

from ..forms import PhotoForm
from ..images import listing_photo_add, listing_photo_remove
from ..models import ACTIVE_STATUSES
from ..photos import MAX_PHOTOS, ListingPhoto
from .listings import _owned


@login_required
@require_http_methods(["GET", "POST"])
def photo_add(request, pk: int):
    listing = _owned(request, pk)
    count = listing.photos.count()
    if listing.status not in ACTIVE_STATUSES or count >= MAX_PHOTOS:
        messages.error(
            request,
            _("A closed listing cannot be changed.")
            if listing.status not in ACTIVE_STATUSES
            else _("A listing can have at most %(count)d photos.") % {"count": MAX_PHOTOS},
        )
        return redirect("exchange:detail", pk=listing.pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            listing_photo_add(
                listing=listing,
                by=request.user,
                image=form.cleaned_data["photo"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The photo has been added."))
            return redirect("exchange:detail", pk=listing.pk)
    return render(
        request,
        "exchange/photo_form.html",
        {"listing": listing, "form": form, "left": MAX_PHOTOS - count},
    )


@login_required
@require_POST
def photo_remove(request, pk: int, photo_pk: int):
    listing = _owned(request, pk)
    photo = get_object_or_404(ListingPhoto, pk=photo_pk, listing=listing)
    try:
        listing_photo_remove(photo=photo, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The photo has been removed."))
    return redirect("exchange:detail", pk=listing.pk)
