"""My notifications, my e-mail choices, and unsubscribing from an e-mail link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from mijnbuurt.core.exceptions import ServiceError

from .emails import localised_path, notification_title, read_unsubscribe_token
from .forms import PreferencesForm
from .selectors import notification_channels, notifications_for_user
from .services import (
    notification_mark_all_read,
    notification_mark_read,
    notification_preferences_update,
    notification_unsubscribe,
)


@login_required
@require_http_methods(["GET"])
def notification_list(request):
    page = Paginator(notifications_for_user(user=request.user), settings.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    items = [(n, notification_title(n)) for n in page]
    return render(request, "notifications/list.html", {"page": page, "items": items})


@login_required
@require_http_methods(["GET"])
def notification_open(request, pk: int):
    notification = get_object_or_404(notifications_for_user(user=request.user), pk=pk)
    notification_mark_read(notification=notification)
    link = notification.link
    if link and url_has_allowed_host_and_scheme(
        link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(localised_path(link, get_language()))
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request):
    if notification_mark_all_read(user=request.user):
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = PreferencesForm(request.POST or None, channels=notification_channels(user=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            notification_preferences_update(user=request.user, channels=form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your notification settings have been saved."))
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@csrf_exempt  # mail clients post RFC 8058 one-click requests; the signed token authorises
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET asks to confirm (link scanners must not unsubscribe anyone); POST turns it off."""
    if request.method == "GET":
        try:
            read_unsubscribe_token(token)
        except signing.BadSignature:
            return _bad_unsubscribe_link(request)
        return render(request, "notifications/unsubscribe.html", {"token": token})
    try:
        kinds = notification_unsubscribe(token=token)
    except ServiceError as error:
        return _bad_unsubscribe_link(request, error.message)
    return render(request, "notifications/unsubscribed.html", {"kinds": kinds})


def _bad_unsubscribe_link(request, message: str = ""):
    message = message or _("This unsubscribe link is not valid. Nothing was changed.")
    return render(
        request, "notifications/unsubscribe_invalid.html", {"message": message}, status=400
    )
