"""Whole public pages for anonymous visitors, kept in the cache and served without Django.

A public page (home, lists, search, detail pages, wijken, the map page, the social map,
venues: ``PAGE_CACHE_VIEWS``) looks the same to every visitor who is not logged in, so
it is rendered once and then served from the cache (Redis in production, memory in
development) by ``AnonymousPageCacheMiddleware``, with no session, no database query and
no template. Django's own per-site cache cannot do this: a page that reads the session
varies on the cookie, so it keeps a copy per visitor.

A page is stored only when it is the same for everyone: a GET without a session cookie
and without pending messages, answered 200 by a listed view, setting no cookie (so it
holds no CSRF token: the language switch is a pair of links) and using no CSP nonce. A
request with a session cookie (anyone logged in) never gets a stored page.

A stored page is served until anything it may show changes: every save or delete of a
model (of any app but ``PAGE_CACHE_IGNORED_APPS``: sessions, notifications, help
requests and the like, which no public page shows, and of any model but
``PAGE_CACHE_IGNORED_MODELS``: the messages of Vraag en aanbod, ballots) moves a content
version on once the transaction commits, and the version is part of the entry. The
version is read before a page is rendered, so a page rendered while data changed is
stored under the old version and never served. What changes with the clock alone ("this
week", the next shift) is fresh within ``PAGE_CACHE_SECONDS`` (0: off). Served pages
carry an ETag and Last-Modified (a conditional GET gets a 304) and are sent gzipped when
the browser accepts it: compressed once when stored, and kept apart from the plain copy,
so a request fetches from Redis only the copy it is sent (one round trip, with the
version). Compression is safe from BREACH here because a stored page holds no secret.

When Redis does not answer, every look-up misses and every store is dropped
(``DegradingRedisCache``): pages are rendered as without this cache.
"""

import gzip
import hashlib
import time
import uuid
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.text import compress_string

VERSION_KEY = "page-cache:version"
# Headers an entry does not keep: set again for each answer.
OWN_HEADERS = {"content-length", "content-encoding", "etag", "last-modified", "cache-control"}
# Saves that change nothing a page shows (a login stamps last_login; a message of Vraag
# en aanbod stamps its conversation's last message and read marks).
IGNORED_FIELDS = frozenset({"last_login", "last_message_at", "owner_read_at", "replier_read_at"})


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def may_serve(request) -> bool:
    """A GET or HEAD by someone without a session and without pending messages."""
    return (
        enabled()
        and request.method in {"GET", "HEAD"}
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        and not request.COOKIES.get(CookieStorage.cookie_name)
    )


def page_key(request) -> str:
    """Language, address (query parameters in a fixed order) and host of the page."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    query = request.META.get("QUERY_STRING", "")
    if query:
        query = urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{language}:{digest}"


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex[:12], None)
        version = cache.get(VERSION_KEY) or ""
    return version


def pages_changed() -> None:
    """Make every stored page stale (at once; after a write, call it on commit).

    Saves and deletes call it by themselves; a ``QuerySet.update()`` of something a
    page shows sends no signal and calls it explicitly.
    """
    cache.set(VERSION_KEY, uuid.uuid4().hex[:12], None)


def may_store(request, response, key: str) -> bool:
    """Only a page that is the same for every anonymous visitor."""
    match = request.resolver_match
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        # A view that compressed its own answer (the map layers) is stored as plain text
        # (``entry_for``); any other encoding is not understood here.
        and response.get("Content-Encoding", "gzip") == "gzip"
        and match is not None
        and match.view_name in settings.PAGE_CACHE_VIEWS
        and (user is None or not user.is_authenticated)
        and not len(get_messages(request))
        # No cookie set, so no CSRF token in the page and nothing kept for the visitor.
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        # In the language of the key, with the site's policy and no per-visitor nonce.
        and key.split(":")[1] == translation.get_language()
        and not getattr(request, "csp_nonce", None)
        and not any(
            hasattr(response, name)
            for name in ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")
        )
    )


def encoding_for(request) -> str:
    """Which stored copy a request gets: ``"gzip"`` when the browser takes it, else ``"plain"``."""
    return (
        "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "plain"
    )


def entries_for(response, version: str) -> dict[str, dict]:
    """The page as stored, one entry per encoding (``"plain"``, ``"gzip"``), each with its
    body and every header it needs; a request fetches only the one it is sent.

    A view may have gzipped its answer for this visitor already; the plain entry keeps the
    text, so that a visitor whose browser takes no gzip gets the page, not bytes. A page
    that gzip does not make smaller is stored plain under both encodings.
    """
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    etag = f'W/"{hashlib.sha256(content).hexdigest()[:32]}"'
    stored_at = int(time.time())
    headers = {
        name: value for name, value in response.headers.items() if name.lower() not in OWN_HEADERS
    }
    # The page depends on not being logged in; browsers check back with the ETag.
    headers |= {
        "Cache-Control": "private, no-cache",
        "ETag": etag,
        "Last-Modified": http_date(stored_at),
    }
    compressed = compress_string(content) if len(content) >= 200 else b""
    vary = ["Cookie", "Accept-Encoding"] if 0 < len(compressed) < len(content) else ["Cookie"]
    plain = HttpResponse(content, headers=headers)
    patch_vary_headers(plain, vary)
    entry = {"version": version, "etag": etag, "last_modified": stored_at}
    entries = {"plain": entry | {"content": content, "headers": dict(plain.headers)}}
    if "Accept-Encoding" in vary:
        headers = dict(plain.headers) | {"Content-Encoding": "gzip"}
        entries["gzip"] = entry | {"content": compressed, "headers": headers}
    else:
        entries["gzip"] = entries["plain"]
    return entries


def answer(request, entry: dict):
    """A stored page (in the encoding ``encoding_for`` chose), or a 304."""
    response = HttpResponse(entry["content"], headers=entry["headers"])
    if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
        return get_conditional_response(
            request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
        )
    return response


class AnonymousPageCacheMiddleware:
    """Serve and store public pages for anonymous visitors.

    Sits after the security and CSP middleware (their headers are set on every answer,
    stored or not) and before the session middleware (a stored page needs no session).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_serve(request):
            return self.get_response(request)
        key = page_key(request)
        encoding = encoding_for(request)
        found = cache.get_many([VERSION_KEY, f"{key}:{encoding}"])  # one round trip
        version = found.get(VERSION_KEY) or content_version()
        entry = found.get(f"{key}:{encoding}")
        if entry is not None and entry["version"] == version:
            return answer(request, entry)
        response = self.get_response(request)
        if not may_store(request, response, key):
            return response
        entries = entries_for(response, version)
        cache.set_many(
            {f"{key}:{name}": entry for name, entry in entries.items()},
            settings.PAGE_CACHE_SECONDS,
        )
        return answer(request, entries[encoding])


def _changed(sender, *, using=DEFAULT_DB_ALIAS, update_fields=None, **kwargs) -> None:
    if sender._meta.app_label in settings.PAGE_CACHE_IGNORED_APPS:
        return
    if sender._meta.label in settings.PAGE_CACHE_IGNORED_MODELS:
        return
    if update_fields and IGNORED_FIELDS.issuperset(update_fields):
        return
    transaction.on_commit(pages_changed, using=using)


def connect_signals() -> None:
    """Every save, delete and many-to-many change makes pages stale, but of the ignored apps."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"page-cache-{signal!r}")
    installed = {config.label for config in apps.get_app_configs()}
    if missing := set(settings.PAGE_CACHE_IGNORED_APPS) - installed:
        raise LookupError(f"PAGE_CACHE_IGNORED_APPS names no installed app: {sorted(missing)}")
    models = {model._meta.label for model in apps.get_models()}
    if missing := set(settings.PAGE_CACHE_IGNORED_MODELS) - models:
        raise LookupError(f"PAGE_CACHE_IGNORED_MODELS names no model: {sorted(missing)}")
