"""The one rule for "which address is this client": rate limits (ours and allauth's) use it.

Behind a reverse proxy every request comes from the proxy's address, so the client's
address must be read from ``X-Forwarded-For``. That header is written by whoever
sends the request, so only the entries our own proxies appended can be believed:
with ``TRUSTED_PROXY_COUNT = N`` the client is the N-th address from the right.
With 0 (the default) the header is ignored and ``REMOTE_ADDR`` counts.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's IP address, or None when there is no valid one."""
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted > 0:
        forwarded = [
            part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")
        ]
        if len(forwarded) >= trusted:
            address = _valid(forwarded[-trusted])
            if address:
                return address
        # The request did not pass all our proxies (or the header is broken): the
        # address that connected is then all we know.
    return _valid(request.META.get("REMOTE_ADDR", ""))


def _valid(value: str) -> str | None:
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
