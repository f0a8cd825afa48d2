"""gunicorn's settings: ``gunicorn -c python:mijnbuurt.gunicorn_config mijnbuurt.wsgi``.

Access lines go to the log always, through the application's filters (e-mail addresses
masked; ``mijnbuurt.core.log``). With ``LOG_FORMAT=json`` gunicorn's own lines and its
access lines are JSON like the application's: an access line has method, path (no query
string), status, bytes, duration_ms, remote_addr, user_agent and the request_id the
application answered in ``X-Request-ID``. Flags on the command line (``--bind``,
``--workers``) still apply.
"""

import os

from mijnbuurt.core.log import gunicorn_logconfig, log_format

accesslog = "-"
loglevel = os.environ.get("LOG_LEVEL", "INFO").lower()
logconfig_dict = gunicorn_logconfig(
    json=log_format(os.environ.get("LOG_FORMAT", "plain")) == "json", level=loglevel.upper()
)
