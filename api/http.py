"""What every answer under /api/v1/ shares: headers, errors, rate limit, conditional GET.

Every view of the API (the OpenAPI operations, the description, the documentation
page and the catch-all for unknown paths) is wrapped in :func:`api_view`, which

- counts the request against ``settings.API_RATE_LIMIT`` per client IP (django-ratelimit
  in the default cache, as ``mijnbuurt.core.ratelimit``) and answers 429 with
  ``Retry-After`` when it is over;
- answers a CORS preflight (``OPTIONS``) itself and a ``HEAD`` as a ``GET`` without body;
- turns an error the view did not describe (405, an exception) into
  ``application/problem+json`` (RFC 9457);
- speaks the client's ``Accept-Language`` (Dutch unless it asks for English);
- adds ``API-Version``, ``Access-Control-Allow-Origin: *``, ``Cache-Control`` and, on a
  200, an ``ETag`` (and ``Last-Modified`` when the view set ``request.api_last_modified``),
  answering 304 to a matching ``If-None-Match`` or ``If-Modified-Since``.
"""

import hashlib
import json
import logging
from functools import wraps
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from mijnbuurt.core.ratelimit import period_seconds

from .pagination import link_header

logger = logging.getLogger(__name__)

VERSION = "1.0.0"
PROBLEM_TYPE = "application/problem+json"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# Headers a script on another origin may read and send.
EXPOSED_HEADERS = "API-Version, ETag, Last-Modified, Link, Retry-After"
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
MAX_AGE = 60


def problem(
    request: HttpRequest,
    status: int,
    detail: str,
    *,
    invalid_params: list[dict] | None = None,
    headers: dict | None = None,
) -> HttpResponse:
    """An ``application/problem+json`` answer (RFC 9457) about ``request``."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": str(detail),
        "instance": request.get_full_path(),
    }
    if invalid_params:
        body["invalidParams"] = invalid_params
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def seconds_to_wait(request: HttpRequest) -> int:
    """Count the request; 0 within ``settings.API_RATE_LIMIT``, else the seconds to wait."""
    rate = settings.API_RATE_LIMIT
    try:
        usage = get_usage(request, group="mijnbuurt.api", key="ip", rate=rate, increment=True)
    except Exception as error:  # the cache (Redis) is down or broken: fail open
        logger.warning("API rate limit not checked: %r", error)
        return 0
    if usage is None or not usage["should_limit"]:
        return 0
    return min(max(usage["time_left"], 1), period_seconds(rate))


def api_view(view=None, *, params=frozenset()):
    """Wrap a view of the API in the rules every answer shares (see the module).

    ``params``: the query parameters the view knows (a set, or a function that gives
    it); any other is a 400 problem that names it. ``None`` checks nothing.
    """
    if view is None:
        return lambda view: api_view(view, params=params)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Outside the language prefixes: the client's Accept-Language (Dutch by default).
        language = translation.get_language_from_request(request)
        known = params() if callable(params) else params
        with translation.override(language):
            response = _answer(view, request, *args, known=known, **kwargs)
        response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        response["API-Version"] = VERSION
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        if response.status_code not in (200, 304):
            response["Cache-Control"] = "no-store"
        return response

    # Nothing under /api/v1/ writes or reads a session: a POST gets the 405 problem,
    # not the CSRF failure page.
    wrapped.csrf_exempt = True
    return wrapped


def _unknown_params(request: HttpRequest, known) -> HttpResponse | None:
    """A 400 problem naming each query parameter the operation does not know."""
    if known is None:
        return None
    unknown = [name for name in request.GET if name not in known]
    if not unknown:
        return None
    return problem(
        request,
        400,
        ngettext(
            "Unknown query parameter: %(names)s.",
            "Unknown query parameters: %(names)s.",
            len(unknown),
        )
        % {"names": ", ".join(unknown)},
        invalid_params=[
            {"name": name, "code": "unknown", "reason": _("This parameter is not known here.")}
            for name in unknown
        ],
    )


def _answer(view, request: HttpRequest, *args, known=None, **kwargs) -> HttpResponse:
    wait = seconds_to_wait(request)
    if wait:
        return problem(
            request,
            429,
            ngettext(
                "Too many requests. Try again in %(seconds)s second.",
                "Too many requests. Try again in %(seconds)s seconds.",
                wait,
            )
            % {"seconds": wait},
            headers={"Retry-After": str(wait)},
        )
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Allow"] = ALLOWED_METHODS
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response["Access-Control-Max-Age"] = "86400"
        return response
    head = request.method == "HEAD"
    if request.method not in ("GET", "HEAD"):
        return problem(
            request,
            405,
            _("This API only reads: use GET."),
            headers={"Allow": ALLOWED_METHODS},
        )
    refused = _unknown_params(request, known)
    if refused is not None:
        return refused
    if head:
        request.method = "GET"
    try:
        response = view(request, *args, **kwargs)
    except Exception:
        logger.exception("API error on %s", request.path)
        response = problem(request, 500, _("Something went wrong on our side."))
    if response.status_code == 200:
        links = getattr(request, "api_links", None)
        if links:
            response["Link"] = link_header(links)
        content_type = getattr(request, "api_content_type", None)
        if content_type:
            response["Content-Type"] = content_type
        response = _conditional(request, response)
    if head:
        request.method = "HEAD"
        response.content = b""
    return response


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """ETag from the body, Last-Modified when known, Cache-Control; 304 when unchanged."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    last_modified = getattr(request, "api_last_modified", None)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    timestamp = None
    if last_modified is not None:
        timestamp = int(last_modified.timestamp())
        response["Last-Modified"] = http_date(timestamp)
    unchanged = get_conditional_response(
        request, etag=etag, last_modified=timestamp, response=response
    )
    if unchanged is not response:
        for name in ("ETag", "Last-Modified", "Cache-Control"):
            if name in response:
                unchanged[name] = response[name]
        return unchanged
    return response


@api_view(params=None)
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any path under /api/v1/ that names no resource."""
    return problem(request, 404, _("There is no resource at this address."))
