"""The API keeps the contract of its own description: schemathesis generates requests
from /api/v1/openapi.json for every operation and checks each answer against it (no
server error, a described status, content type, headers and body shape).

It calls the WSGI application in the test's own database, with the city of
``conftest.py`` in it and the per-IP limit lifted. Each operation gets ``EXAMPLES``
generated requests (derandomized: the same ones every run), without shrinking.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

pytestmark = pytest.mark.django_db

EXAMPLES = 25
CLIENT = {"REMOTE_ADDR": "192.0.2.10"}  # the WSGI test client sets no address
# Rules a JSON Schema of query parameters cannot state, which the description gives in
# words: an occupancy takes one day or a range of at most 31 days in order.
SEMANTIC = {"GET /venues/{slug}/occupancy": [positive_data_acceptance]}


@pytest.fixture
def connection_kept():
    """The WSGI handler closes the database connection before and after each request,
    which would end the test's transaction; Django's test client keeps it open so too."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_every_operation_keeps_its_contract(city, settings, connection_kept):
    from django.core.wsgi import get_wsgi_application

    settings.API_RATE_LIMIT = "1000000/m"
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        excluded = SEMANTIC.get(operation.label, [])

        @given(case=operation.as_strategy())
        @_hypothesis
        def check(case):
            case.call_and_validate(excluded_checks=excluded, environ_base=CLIENT)  # noqa: B023

        try:
            check()
        except (Exception, BaseExceptionGroup) as error:  # every failing operation is reported
            failures.append(f"{operation.label}: {error}")
    assert operations >= 19
    assert not failures, "\n\n".join(failures)


_hypothesis = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
