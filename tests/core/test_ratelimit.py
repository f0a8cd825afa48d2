"""Rate limits: the client's address behind the proxy, the 429 answer, a cache outage,
and which views carry which rule. Each feature's counting is tested with the feature."""

import logging
import math

import pytest
from allauth.account.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from initiatives.models import Comment, Status
from mijnbuurt.core.client_ip import client_ip
from mijnbuurt.core.ratelimit import limit
from tests.accounts.factories import PASSWORD
from tests.core.test_settings import manage
from tests.initiatives.factories import make_initiative
from tests.rate_limits import assert_limited, set_limit

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # REMOTE_ADDR of every request that comes through the reverse proxy


# --- The client's address -----------------------------------------------------------------


def _request(forwarded_for: str | None = None, remote_addr: str = PROXY):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)


def test_spoofed_forwarded_for_is_ignored_without_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = _request("203.0.113.9", remote_addr="192.0.2.44")

    assert client_ip(request) == "192.0.2.44"
    assert get_adapter().get_client_ip(request) == "192.0.2.44"  # allauth's limits agree


def test_one_trusted_proxy_uses_the_rightmost_forwarded_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote the first address itself; our proxy appended the second.
    request = _request("198.51.100.1, 203.0.113.9")

    assert client_ip(request) == "203.0.113.9"
    assert get_adapter().get_client_ip(request) == "203.0.113.9"


def test_two_trusted_proxies_use_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("198.51.100.1, 203.0.113.9, 10.0.0.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for"),
    [(1, None), (1, ""), (1, "geen-adres"), (2, "203.0.113.9")],
)
def test_without_a_usable_forwarded_address_the_connecting_address_counts(
    settings, proxies, forwarded_for
):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(_request(forwarded_for)) == PROXY


def test_allauth_login_limit_tells_clients_behind_the_proxy_apart(client, settings, resident):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast
    resident.set_password(PASSWORD)
    resident.save()
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    url = reverse("account_login")
    wrong = {"login": resident.email, "password": "fout"}
    for _attempt in range(2):
        response = client.post(url, wrong, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1")
        assert response.status_code == 200

    limited = client.post(url, wrong, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1")
    other_client = client.post(
        url,
        {"login": resident.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.2",
    )

    assert limited.status_code == 429
    assert "Te veel pogingen. Probeer het later opnieuw." in limited.content.decode()
    assert other_client.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


# --- The limiter ----------------------------------------------------------------------------


@pytest.fixture
def running(organiser, staff):
    return make_initiative(by=organiser, status=Status.PUBLISHED, reviewer=staff)


def _comment(client, initiative, body="Goed plan!", **extra):
    return client.post(
        reverse("initiatives:comment_post", args=[initiative.pk]), {"body": body}, **extra
    )


def test_the_per_ip_limit_counts_each_client_behind_the_proxy(
    client, settings, running, resident, outsider
):
    settings.TRUSTED_PROXY_COUNT = 1
    set_limit(settings, "comments", "10/m/user,2/m/ip")
    home, library = "203.0.113.1", "203.0.113.2"
    client.force_login(resident)
    for _comment_number in range(2):
        assert _comment(client, running, HTTP_X_FORWARDED_FOR=home).status_code == 302

    client.force_login(outsider)  # a second account from the same address
    limited = _comment(client, running, "Nog eentje", HTTP_X_FORWARDED_FOR=home)
    elsewhere = _comment(client, running, "Van elders", HTTP_X_FORWARDED_FOR=library)

    assert_limited(limited)
    assert elsewhere.status_code == 302
    assert sorted(Comment.objects.values_list("body", flat=True)) == [
        "Goed plan!",
        "Goed plan!",
        "Van elders",
    ]


def test_the_minutes_follow_the_window_of_the_limit(client, settings, running, resident):
    set_limit(settings, "comments", "1/h/user")
    client.force_login(resident)
    assert _comment(client, running).status_code == 302

    response = _comment(client, running)

    assert_limited(response)
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60 * 60
    assert f"over {max(1, math.ceil(seconds / 60))} minu" in response.content.decode()
    assert Comment.objects.count() == 1


def test_a_client_asking_for_json_gets_the_message_as_json(client, settings, running, resident):
    set_limit(settings, "comments", "1/m/user")
    client.force_login(resident)
    _comment(client, running)

    response = _comment(client, running, HTTP_ACCEPT="application/json")

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "Te veel pogingen. Probeer het over 1 minuut opnieuw."}
    assert 1 <= int(response["Retry-After"]) <= 60
    assert Comment.objects.count() == 1


BROKEN_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


def test_when_the_cache_is_down_posting_goes_on_with_a_warning(
    client, settings, running, resident, caplog
):
    set_limit(settings, "comments", "1/m/user")
    client.force_login(resident)

    with (
        override_settings(CACHES=BROKEN_REDIS),  # only here: the tests' clean-up needs a cache
        caplog.at_level(logging.WARNING, logger="mijnbuurt.core.ratelimit"),
    ):
        responses = [_comment(client, running, f"Reactie {n}") for n in range(2)]

    assert [response.status_code for response in responses] == [302, 302]
    assert Comment.objects.count() == 2
    assert "Rate limit 'comments' not checked" in caplog.text


def test_an_unknown_rule_is_refused_when_the_view_is_defined():
    with pytest.raises(ImproperlyConfigured, match="no rate limit 'messagse'"):
        limit("messagse")


# --- Which views carry which rule -----------------------------------------------------------

EXPECTED_RULES = {
    "help:create": "help_requests",
    "help:reply": "messages",
    "help:message": "messages",
    "initiatives:comment_post": "comments",
    "initiatives:report_initiative": "reports",
    "initiatives:report_comment": "reports",
    "initiatives:report_update": "reports",
    "initiatives:invite": "invitations",
    "volunteers:task_invite": "invitations",
    "volunteers:handover_invite": "invitations",
    "venues:book": "bookings",
    "volunteers:shift_sign_up": "signups",
    "initiatives:grant_request": "grant_requests",
    "neighbourhoods:my_neighbourhood": "geocoder",
    "neighbourhoods:organisation_propose": "geocoder",
    "neighbourhoods:organisation_edit": "geocoder",
    "initiatives:create": "geocoder",
    "initiatives:edit": "geocoder",
    "volunteers:task_new": "geocoder",
    "volunteers:task_edit": "geocoder",
    "exchange:reply": "exchange_messages",
    "exchange:conversation": "exchange_messages",
    "exchange:report_listing": "reports",
    "exchange:report_message": "reports",
    "activities:create": "bookings",
    "activities:cancel": "bookings",
    "activities:register": "signups",
    "activities:message": "activity_messages",
    "buurtbudget:code": "signups",
}


def _views(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _views(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern.callback


def test_every_view_that_messages_others_or_is_costly_has_its_rate_limit():
    rules = {name: getattr(view, "rate_limit", None) for name, view in _views()}
    assert {name: rules.get(name) for name in EXPECTED_RULES} == EXPECTED_RULES
    limited = {name for name, rule in rules.items() if rule}
    assert limited == set(EXPECTED_RULES)


# --- Settings -------------------------------------------------------------------------------


def test_a_malformed_rate_limit_stops_the_start_naming_it():
    result = manage("check", env={"DEBUG": "true", "RATE_LIMIT_MESSAGES": "10 per minuut"})
    assert result.returncode != 0
    assert "RATE_LIMIT_MESSAGES" in result.stderr


def test_a_negative_trusted_proxy_count_stops_the_start():
    result = manage("check", env={"DEBUG": "true", "TRUSTED_PROXY_COUNT": "-1"})
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT=-1" in result.stderr
