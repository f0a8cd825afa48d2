"""Pages of a list: ``page`` and ``page_size`` (at most 100), HAL ``_links``, a Link header.

A list answer is ``{"_links": {...}, "total": n, "page": p, "page_size": s, "pages": k,
"_embedded": {"<name>": [...]}}`` (a GeoJSON list keeps ``features`` instead of
``_embedded``). The same links go into an RFC 8288 ``Link`` header, which the API's
views set from ``request.api_links``. A page after the last one is a 404.
"""

import math
from urllib.parse import urlencode

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def page_of(request: HttpRequest, queryset, *, page: int, page_size: int) -> tuple[list, dict]:
    """The items of ``page`` (a slice of ``queryset``) and what the answer says about it.

    Two queries: the count and the page (plus the queryset's prefetches); none for a
    list made beforehand.
    """
    total = len(queryset) if isinstance(queryset, list) else queryset.count()
    pages = max(1, math.ceil(total / page_size))
    if page > pages:
        raise Http404(
            _("Page %(page)s does not exist; the last page is %(pages)s.")
            % {
                "page": page,
                "pages": pages,
            }
        )
    start = (page - 1) * page_size
    items = list(queryset[start : start + page_size])
    links = {
        "self": page_url(request, page, page_size),
        "first": page_url(request, 1, page_size),
        "last": page_url(request, pages, page_size),
    }
    if page > 1:
        links["prev"] = page_url(request, page - 1, page_size)
    if page < pages:
        links["next"] = page_url(request, page + 1, page_size)
    request.api_links = links
    return items, {
        "_links": {rel: {"href": href} for rel, href in links.items()},
        "total": total,
        "page": page,
        "page_size": page_size,
        "pages": pages,
    }


def page_url(request: HttpRequest, page: int, page_size: int) -> str:
    """The absolute address of ``page``, with the request's other parameters kept."""
    params = [
        (name, value)
        for name, values in request.GET.lists()
        if name not in ("page", "page_size")
        for value in values
    ]
    params += [("page", page), ("page_size", page_size)]
    return request.build_absolute_uri(f"{request.path}?{urlencode(params)}")


def link_header(links: dict[str, str]) -> str:
    """RFC 8288: ``<url>; rel="next", ...``."""
    return ", ".join(f'<{href}>; rel="{rel}"' for rel, href in links.items())
