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

# Pages are rendered afresh for every request: most tests change data inside a test
# transaction, whose on-commit hooks (which make stored pages stale) never run. The
# page cache's own tests turn it on (tests/core/test_page_cache.py).
PAGE_CACHE_SECONDS = 0

# Browser tests type a TOTP code a moment after computing it; on a busy machine the
# 30-second period may roll over in between. Accept the neighbouring period, as many
# authenticator set-ups do (allauth's default is 0).
MFA_TOTP_TOLERANCE = 1
