"""Rate limits on what sends a message or e-mail to other people, or is costly.

A view takes its rule with one line, under its other decorators::

    @login_required
    @require_POST
    @limit("messages")
    def reply(request, pk): ...

The rules are ``settings.RATE_LIMITS``: per rule one or more rates such as
``"10/m/user,100/h/user,1000/h/ip"`` (so many per period, counted per user or per
client IP as :func:`mijnbuurt.core.client_ip.client_ip` decides it). Only POSTs
count; showing a form is free. django-ratelimit counts, in fixed windows in
Django's default cache (atomic increments on Redis). A request over a limit gets
status 429, a page (JSON when the client asks for JSON) saying in how many minutes
to try again, and a ``Retry-After`` header; the view does not run, so nothing
changes. When the cache fails the limit is skipped with a logged warning: a Redis
outage must not stop people posting.
"""

import logging
import math
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from .client_ip import client_ip

logger = logging.getLogger(__name__)

PERIOD_SECONDS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def limit(rule: str, *, when: Callable[[HttpRequest], bool] | None = None) -> Callable:
    """Decorate a view so that its POSTs count against ``settings.RATE_LIMITS[rule]``.

    ``when`` narrows it to the POSTs that do the costly thing, e.g. only the confirming
    step of a two-step form: ``@limit("bookings", when=confirming)``.
    """
    if rule not in settings.RATE_LIMITS:
        raise ImproperlyConfigured(f"There is no rate limit {rule!r} in settings.RATE_LIMITS.")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def limited_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST" and (when is None or when(request)):
                wait = seconds_to_wait(request, rule=rule)
                if wait:
                    return too_many_requests(request, seconds=wait)
            return view(request, *args, **kwargs)

        limited_view.rate_limit = rule  # lets a test list every limited view
        return limited_view

    return decorator


def seconds_to_wait(request: HttpRequest, *, rule: str) -> int:
    """Count this request against ``rule``: 0 when it is within every rate, else the
    seconds until the window of the rate it exceeds ends (at least 1)."""
    for rate, per in parse_rates(settings.RATE_LIMITS.get(rule, "")):
        try:
            usage = get_usage(
                request,
                group=f"mijnbuurt.{rule}",
                key=_user_key if per == "user" else "ip",  # "ip" uses RATELIMIT_IP_META_KEY
                rate=rate,
                method="POST",
                increment=True,
            )
        except Exception as error:  # the cache (Redis) is down or broken: fail open
            logger.warning("Rate limit %r not checked: %r", rule, error)
            return 0  # and do not wait for the cache once per rate
        if usage is None:  # RATELIMIT_FAIL_OPEN: the cache did not count
            logger.warning("Rate limit %r (%s per %s) not counted by the cache", rule, rate, per)
            continue
        if usage["should_limit"]:
            return min(max(usage["time_left"], 1), period_seconds(rate))
    return 0


def too_many_requests(request: HttpRequest, *, seconds: int) -> HttpResponse:
    """Status 429 saying in how many minutes to try again, with Retry-After."""
    minutes = max(1, math.ceil(seconds / 60))
    message = ngettext(
        "Too many attempts. Try again in %(minutes)s minute.",
        "Too many attempts. Try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}
    if _wants_json(request):
        response = JsonResponse({"error": message}, status=429)
    else:
        response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def parse_rates(value: str) -> list[tuple[str, str]]:
    """``"10/m/user,100/h/ip"`` -> ``[("10/m", "user"), ("100/h", "ip")]``."""
    rates = []
    for part in value.split(","):
        if not part.strip():
            continue
        rate, _, per = part.strip().rpartition("/")
        if per not in {"user", "ip"} or not rate:
            raise ImproperlyConfigured(f"Rate limit {part!r}: use count/period/user or /ip.")
        rates.append((rate, per))
    return rates


def period_seconds(rate: str) -> int:
    """``"10/5m"`` -> 300."""
    period = rate.split("/", 1)[1]
    return int(period[:-1] or 1) * PERIOD_SECONDS[period[-1]]


def _user_key(group: str, request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_ip(request)}"


def _wants_json(request: HttpRequest) -> bool:
    return (
        request.headers.get("X-Requested-With") == "XMLHttpRequest"
        or request.get_preferred_type(["text/html", "application/json"]) == "application/json"
    )
