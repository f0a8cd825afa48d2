"""Booking a room (check, then confirm), one booking's page, my bookings, decisions."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit

from .. import selectors
from ..calendars import user_feed_token
from ..forms import BookingForm, CancelForm, DeclineForm
from ..models import Venue
from ..services import (
    booking_approve,
    booking_cancel,
    booking_decline,
    booking_preview,
    booking_request,
    booking_series_cancel,
)

PREFILL = ("room", "date", "start_time", "end_time", "initiative")


@login_required
@require_http_methods(["GET", "POST"])
@limit("bookings", when=lambda request: request.POST.get("confirm") == "1")
def booking_new(request, slug: str):
    venue = get_object_for_user_or_404(
        Venue.objects.all(), user=request.user, perm="venues.view_venue", slug=slug
    )
    initial = {key: request.GET[key] for key in PREFILL if request.GET.get(key)}
    if request.method != "POST":
        initial["booker_phone"] = selectors.booking_phone_last_of(user=request.user)
    form = BookingForm(request.POST or None, venue=venue, user=request.user, initial=initial)
    occurrences = None
    if request.method == "POST" and form.is_valid():
        data = form.service_kwargs()
        try:
            if request.POST.get("confirm") == "1":
                bookings = booking_request(booker=request.user, **data)
            else:
                data.pop("purpose")
                data.pop("booker_phone")
                occurrences = booking_preview(booker=request.user, **data)
        except ServiceError as error:
            form.add_error(None, error.message)
            occurrences = None
        else:
            if occurrences is None:
                first = bookings[0]
                if first.status == first.Status.APPROVED:
                    messages.success(request, _("Your booking is approved."))
                else:
                    messages.success(
                        request,
                        _(
                            "Your request has been sent to the venue's managers. You will hear "
                            "from them."
                        ),
                    )
                return redirect("venues:booking", pk=first.pk)
    return render(
        request,
        "venues/booking_form.html",
        {
            "venue": venue,
            "form": form,
            "occurrences": occurrences,
            "all_ok": occurrences is not None and all(o.ok for o in occurrences),
            "total": sum(o.price for o in occurrences) if occurrences else None,
        },
    )


@login_required
@require_GET
def booking_detail(request, pk: int):
    booking = get_object_for_user_or_404(
        selectors.booking_for_page(), user=request.user, perm="venues.view_booking", pk=pk
    )
    may_decide = rules.has_perm("venues.decide_booking", request.user, booking)
    return render(
        request,
        "venues/booking_detail.html",
        {
            "booking": booking,
            "series_left": selectors.booking_series_dates_left(booking=booking),
            "may_decide": may_decide,
            # The booker's name, e-mail and phone: for the venue's managers and the booker.
            "shows_contact": may_decide or booking.booker_id == request.user.pk,
            # Two "reason" fields on one page: each its own ids.
            "decline_form": DeclineForm(auto_id="id_decline_%s"),
            "cancel_form": CancelForm(auto_id="id_cancel_%s"),
        },
    )


@login_required
@require_GET
def my_bookings(request):
    page = Paginator(selectors.bookings_of_user(user=request.user), settings.PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "venues/my_bookings.html",
        {"page": page, "feed_token": user_feed_token(user=request.user)},
    )


def _decide(request, pk: int, perm: str, action) -> object:
    booking = get_object_for_user_or_404(
        selectors.booking_for_page(), user=request.user, perm=perm, pk=pk
    )
    try:
        action(booking)
    except ServiceError as error:
        messages.error(request, error.message)
    return booking


def _back(request, booking):
    target = request.POST.get("next", "")
    if target == "manage":
        return redirect("venues:manage", slug=booking.room.venue.slug)
    return redirect("venues:booking", pk=booking.pk)


@login_required
@require_POST
def booking_approve_view(request, pk: int):
    def approve(booking):
        booking_approve(booking=booking, actor=request.user)
        messages.success(request, _("The booking is approved."))

    return _back(request, _decide(request, pk, "venues.decide_booking", approve))


@login_required
@require_POST
def booking_decline_view(request, pk: int):
    form = DeclineForm(request.POST)

    def decline(booking):
        if not form.is_valid():
            raise ServiceError(_("Give a reason for declining."))
        booking_decline(booking=booking, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The booking is declined."))

    return _back(request, _decide(request, pk, "venues.decide_booking", decline))


@login_required
@require_POST
def booking_cancel_view(request, pk: int):
    form = CancelForm(request.POST)

    def cancel(booking):
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        booking_cancel(booking=booking, actor=request.user, reason=reason)
        messages.success(request, _("The booking is cancelled."))

    return _back(request, _decide(request, pk, "venues.cancel_booking", cancel))


@login_required
@require_POST
def booking_series_cancel_view(request, pk: int):
    form = CancelForm(request.POST)

    def cancel(booking):
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        cancelled = booking_series_cancel(booking=booking, actor=request.user, reason=reason)
        messages.success(
            request,
            ngettext(
                "%(count)s booking is cancelled.",
                "%(count)s bookings are cancelled.",
                len(cancelled),
            )
            % {"count": len(cancelled)},
        )

    return _back(request, _decide(request, pk, "venues.cancel_booking", cancel))
