"""Race tests: the same work started in several threads at one moment.

SQLite serialises every writer, so real races run on PostgreSQL only (``postgres_only``);
the same rule is tested in sequence on SQLite. Each thread has its own
database connection, closed when it ends, and speaks the language of the test, as a
request in that language would. The test needs ``django_db(transaction=True)``: the
threads see only what was committed.
"""

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from django.db import connection, connections
from django.utils import translation

from mijnbuurt.core.exceptions import ServiceError

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Real concurrency needs PostgreSQL: SQLite serialises every writer.",
)

_NOT_DONE = object()


def run_concurrently(fn: Callable[[Any], Any], items: Iterable, *, timeout: float = 60) -> list:
    """Call ``fn(item)`` for every item, each in a thread of its own, all released at
    once by a barrier.

    Returns, in the order of ``items``, what each call returned or the ``ServiceError``
    it raised (a refusal is an outcome the test asserts). Any other exception, and a
    thread still running after ``timeout`` seconds, fails the test once all threads
    are done.
    """
    items = list(items)
    barrier = threading.Barrier(len(items))
    language = translation.get_language()
    results: list = [_NOT_DONE] * len(items)

    def attempt(index: int, item) -> None:
        try:
            barrier.wait(timeout=timeout / 2)
            with translation.override(language):
                results[index] = fn(item)
        except Exception as error:  # a refusal is asserted, anything else raised below
            results[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=attempt, args=(index, item), daemon=True)
        for index, item in enumerate(items)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))

    unfinished = sum(result is _NOT_DONE for result in results)
    assert not unfinished, f"{unfinished} of {len(items)} threads still ran after {timeout}s"
    for result in results:
        if isinstance(result, Exception) and not isinstance(result, ServiceError):
            raise result
    return results
