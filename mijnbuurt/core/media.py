"""Uploaded files: public ones by their URL (this view), private ones only through a
view of their app that checks the rules.

Public files are those of the ``"default"`` storage; private ones live in the
``"private"`` storage (``mijnbuurt.core.storage``) and never answer here: its own
location, and this view refuses the ``private/`` prefix as well.

A public file is served only while the object it belongs to may be seen: each app
registers, per upload prefix, how to find that object and which permission guards
it (``register_media`` from its ``AppConfig.ready()``). A file of an object anyone
may see is cached for a year (upload names are unique, so they never change); a file
only this person may see (the photo of their own draft) is not cached by others;
everything else, and any name that is not a plain relative path, answers 404.

The application sends the bytes itself (FileResponse), which is right for one
server. On object storage (S3_BUCKET, ``mijnbuurt.core.object_storage``) pages link
public files at their object URL instead, and a private file's view answers, after
its rules check, with a redirect to a URL signed for a short while.
"""

import mimetypes
import posixpath
from collections.abc import Callable
from dataclasses import dataclass

import rules
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from django.views.decorators.http import require_safe

from .access import check_object_for_user_or_404

PRIVATE_PREFIX = "private/"
INLINE_TYPES = {"image/jpeg", "image/png", "image/webp"}
PUBLIC_CACHE = "public, max-age=31536000, immutable"
PERSONAL_CACHE = "private, no-cache"
PRIVATE_CACHE = "private, no-store"


@dataclass(frozen=True)
class Guard:
    """The object a file belongs to and the permission that decides who may see it."""

    perm: str
    obj: object


Finder = Callable[[str], Guard | None]
_finders: dict[str, Finder] = {}


def register_media(prefix: str, find: Finder) -> None:
    """Serve files under ``prefix`` (``"initiatives/photos/"``) to whoever ``find``'s
    permission admits; ``find(name)`` answers None when no object holds the file."""
    if not prefix.endswith("/") or prefix.startswith(PRIVATE_PREFIX):
        raise ValueError(f"Not a public media prefix: {prefix!r}")
    _finders[prefix] = find


def media_name_is_safe(name: str) -> bool:
    """A plain relative file path: no empty, '.' or '..' part, no backslash, no NUL."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    if name.startswith(PRIVATE_PREFIX):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


def _guard(name: str) -> Guard | None:
    for prefix, find in _finders.items():
        if name.startswith(prefix):
            return find(name)
    return None


def file_response(
    request: HttpRequest,
    *,
    storage: Storage,
    name: str,
    cache: str,
    filename: str = "",
    inline: bool = True,
) -> HttpResponse:
    """The file ``name`` of ``storage`` with safe headers; 304 when the copy is current.

    Images the site accepts (JPEG, PNG, WebP) show inline unless ``inline`` is off;
    anything else downloads.
    """
    try:
        modified = storage.get_modified_time(name)
        size = storage.size(name)
    except OSError as e:  # missing, a directory, unreadable
        raise Http404 from e
    last_modified = int(modified.timestamp())
    etag = f'"{int(modified.timestamp() * 1_000_000):x}-{size:x}"'
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        not_modified["Cache-Control"] = cache
        return not_modified
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    inline = inline and content_type in INLINE_TYPES
    try:
        handle = storage.open(name, "rb")
    except OSError as e:
        raise Http404 from e
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=filename or posixpath.basename(name),
        content_type=content_type,
    )
    response["Content-Length"] = str(size)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = cache
    response["X-Content-Type-Options"] = "nosniff"
    return response


def private_file_response(
    request: HttpRequest, *, storage: Storage, name: str, filename: str
) -> HttpResponse:
    """A private file as a download, for a caller that has checked the rules.

    From disk the bytes themselves; from object storage a redirect to a URL that the
    storage signs for a short while (``querystring_expire``), asking the server to
    send the file as an attachment under ``filename``.
    """
    if isinstance(storage, FileSystemStorage):
        return file_response(
            request,
            storage=storage,
            name=name,
            cache=PRIVATE_CACHE,
            filename=filename,
            inline=False,
        )
    parameters = {
        "ResponseContentDisposition": content_disposition_header(True, filename),
        "ResponseContentType": mimetypes.guess_type(name)[0] or "application/octet-stream",
    }
    response = HttpResponseRedirect(storage.url(name, parameters=parameters))
    response["Cache-Control"] = PRIVATE_CACHE
    return response


@require_safe
def public_media(request: HttpRequest, name: str) -> HttpResponse:
    """An uploaded file of an object this person may see; 404 for anything else."""
    if not media_name_is_safe(name):
        raise Http404
    guard = _guard(name)
    if guard is None:
        raise Http404
    if rules.has_perm(guard.perm, AnonymousUser(), guard.obj):
        cache = PUBLIC_CACHE
    else:
        check_object_for_user_or_404(guard.obj, user=request.user, perm=guard.perm)
        cache = PERSONAL_CACHE
    return file_response(request, storage=storages["default"], name=name, cache=cache)
