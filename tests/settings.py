"""The settings the tests run with: the development settings (DEBUG on, as `make run`).

The project's settings default to DEBUG off, as production runs; the tests turn it on
explicitly before reading them.
"""

import os

os.environ.setdefault("DEBUG", "true")

from mijnbuurt.settings import *  # noqa: F403

# The OpenID Connect test provider runs in the test process; on a busy machine its
# answer to the token request can take longer than allauth's 5 s default.
SOCIALACCOUNT_REQUESTS_TIMEOUT = 30
