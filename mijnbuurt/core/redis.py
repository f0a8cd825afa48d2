"""When Redis stops answering, stop asking it for a while.

A hung Redis (a stopped process still accepts connections) makes every command wait
for its socket timeout. One wait of about a second is acceptable; one for every cache
look-up, rate-limit count and task publish of a request is not. So after a connection
error or time-out this process treats Redis as away for ``PAUSE_SECONDS``: cache
commands fail at once (django-redis then ignores them, with a logged warning) and
publishing a task is skipped (a notification stays pending for the sweeper). After
the pause the next command tries Redis again.
"""

import time

import redis
from django_redis.cache import RedisCache, omit_exception
from redis.backoff import NoBackoff
from redis.retry import Retry

PAUSE_SECONDS = 10.0
_away_until = 0.0


def redis_is_away() -> bool:
    return time.monotonic() < _away_until


def redis_went_away() -> None:
    global _away_until
    _away_until = time.monotonic() + PAUSE_SECONDS


def redis_is_back() -> None:
    """Forget an outage (tests, or after an operator restarted Redis)."""
    global _away_until
    _away_until = 0.0


class FailFastConnection(redis.Connection):
    """A connection that gives up at once while Redis is away, and notices when it goes."""

    def connect(self):
        if redis_is_away():
            raise redis.ConnectionError("Redis did not answer just now; not asking again yet.")
        try:
            return super().connect()
        except (redis.ConnectionError, redis.TimeoutError):
            redis_went_away()
            raise

    def send_packed_command(self, *args, **kwargs):
        try:
            return super().send_packed_command(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError):
            redis_went_away()
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError):
            redis_went_away()
            raise


class DegradingRedisCache(RedisCache):
    """django-redis's cache, failing open where a failure would refuse people.

    With ``IGNORE_EXCEPTIONS`` a read misses and a write is dropped while Redis is
    away. ``add`` then answers True: allauth's rate limits take a lock with it and
    would otherwise refuse every login (429) after waiting a second for the lock, and
    django-ratelimit counts a first use with it. So the limits let people through.
    """

    @omit_exception(return_value=True)
    def add(self, *args, **kwargs):
        return self.client.add(*args, **kwargs)


def redis_cache(url: str, *, timeout: float) -> dict:
    """The cache settings for Redis at ``url``: degrade, never fail a request."""
    return {
        # django-redis, so that a Redis outage degrades instead of failing requests:
        # reads miss, writes are dropped, rate limits let requests through, each with a
        # logged warning (DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS).
        "BACKEND": "mijnbuurt.core.redis.DegradingRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "mijnbuurt",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
            "IGNORE_EXCEPTIONS": True,
            "CONNECTION_POOL_KWARGS": {
                "connection_class": FailFastConnection,
                "retry": Retry(NoBackoff(), 0),
            },
        },
    }
