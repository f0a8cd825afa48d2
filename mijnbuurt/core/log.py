"""Log lines an operator can follow and that carry no personal data.

- ``LOG_FORMAT=json`` writes one JSON object per line (python-json-logger); the default
  is the plain message. The web processes (settings.LOGGING), the Celery worker
  (``mijnbuurt/celery.py``) and gunicorn (``mijnbuurt/gunicorn_config.py``) use the
  same formatter and filters.
- Every line logged while a request is handled carries its ``request_id``: the
  ``X-Request-ID`` a proxy sent when it is a short, safe token, otherwise a new one; the
  response returns it in ``X-Request-ID``. Every line of a Celery task carries its
  ``task_id``, and the ``request_id`` of the request that enqueued it (a task header).
- E-mail addresses are masked in messages, their arguments, extra fields and
  tracebacks: a safety net, since code logs ids and never personal data.

This module imports nothing of Django when it loads, so gunicorn's configuration can
use it.
"""

import contextvars
import logging
import re
import uuid
from collections.abc import Mapping

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

LOG_FORMATS = ("plain", "json")

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)
task_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("task_id", default=None)

REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy may hand us as a request id (nginx's $request_id, a UUID, a trace id):
# letters, digits and "._-", at most 64. Anything else (spaces, quotes, line breaks that
# would forge log lines, very long values) is replaced by an id of our own.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# Celery message header that carries the request id to the worker.
REQUEST_ID_TASK_HEADER = "request_id"

EMAIL_ADDRESS = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
EMAIL_MASK = "***@***"

# Record attributes never written as JSON fields: LogRecord's own, and the request
# object (and runserver's time) that Django's loggers pass along.
JSON_RESERVED_ATTRS = [*RESERVED_ATTRS, "taskName", "request", "server_time"]


def new_request_id() -> str:
    return uuid.uuid4().hex


def request_id_from_header(value: str | None) -> str:
    """The incoming id when it is a safe short token; otherwise a new one."""
    if value and SAFE_REQUEST_ID.fullmatch(value):
        return value
    return new_request_id()


class RequestIdMiddleware:
    """First in MIDDLEWARE: the request id of every log line, and ``X-Request-ID``.

    The id stays set until the response is closed (``clear_request_id`` on
    ``request_finished``), so Django's own line about a 4xx/5xx response, written after
    the middleware returned, carries it too.
    """

    def __init__(self, get_response):
        from django.core.signals import request_finished

        self.get_response = get_response
        request_finished.connect(clear_request_id, dispatch_uid="mijnbuurt.clear_request_id")

    def __call__(self, request):
        request_id = request_id_from_header(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        request_id_var.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


def clear_request_id(**kwargs) -> None:
    request_id_var.set(None)


# Celery (connected in mijnbuurt/celery.py). The request id travels to the worker as a
# message header; a task run in-process (no REDIS_URL) keeps the request's own.
_task_tokens: dict[str, tuple] = {}


def pass_request_id(headers=None, **kwargs) -> None:
    """before_task_publish: the enqueuing request's id goes with the task."""
    request_id = request_id_var.get()
    if request_id and headers is not None:
        headers.setdefault(REQUEST_ID_TASK_HEADER, request_id)


def enter_task(task_id=None, task=None, **kwargs) -> None:
    """task_prerun: the lines of this task carry its id and its request's."""
    request_id = task.request.get(REQUEST_ID_TASK_HEADER) or request_id_var.get()
    _task_tokens[task_id] = (task_id_var.set(task_id), request_id_var.set(request_id))


def leave_task(task_id=None, **kwargs) -> None:
    """task_postrun: back to what was logged before (the request of an eager task)."""
    for token in reversed(_task_tokens.pop(task_id, ())):
        try:
            token.var.reset(token)
        except ValueError:  # set in another context: nothing of it is left here
            token.var.set(None)


def worker_logging(logger=None, **kwargs) -> None:
    """after_setup_logger, after_setup_task_logger: the worker's handlers (Celery's own
    format) get the filters, and the JSON formatter with LOG_FORMAT=json."""
    from django.conf import settings

    for handler in logger.handlers:
        configure_handler(handler, json=settings.LOG_FORMAT == "json")


class ContextFilter(logging.Filter):
    """Adds ``request_id`` and ``task_id`` to a record when there are any."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, var in (("request_id", request_id_var), ("task_id", task_id_var)):
            value = var.get()
            if value and not getattr(record, name, None):
                setattr(record, name, value)
        return True


def mask_email(text: str) -> str:
    return EMAIL_ADDRESS.sub(EMAIL_MASK, text) if "@" in text else text


class MaskEmailFilter(logging.Filter):
    """Masks e-mail addresses in the message, its arguments, extra fields and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if mask_email(message) != message:
            if isinstance(record.args, Mapping):  # gunicorn's access atoms: keep the fields
                record.args = {key: _masked(value) for key, value in record.args.items()}
            else:
                record.msg, record.args = mask_email(message), None
        for name, value in list(vars(record).items()):
            if name not in JSON_RESERVED_ATTRS and isinstance(value, str):
                setattr(record, name, mask_email(value))
        if record.exc_info:
            record.exc_text = record.exc_text or logging.Formatter().formatException(
                record.exc_info
            )
        if record.exc_text and mask_email(record.exc_text) != record.exc_text:
            record.exc_info, record.exc_text = None, mask_email(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_email(record.stack_info)
        return True


def _masked(value):
    return mask_email(value) if isinstance(value, str) else value


class GunicornAccessFilter(logging.Filter):
    """Turns gunicorn's access line into fields: who, what, how it ended, how long.

    The message becomes "GET /path 200"; the query string and the referrer, which may
    hold what people searched for, are left out.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        atoms = record.args
        if record.name != "gunicorn.access" or not isinstance(atoms, Mapping):
            return True
        record.msg = "%(m)s %(U)s %(s)s"
        record.remote_addr = atoms["h"]
        record.method = atoms["m"]
        record.path = _unescaped(atoms["U"])
        record.status = _number(atoms["s"])
        record.bytes = _number(atoms["B"])
        record.duration_ms = _number(atoms["M"])
        record.user_agent = _unescaped(atoms["a"])
        request_id = atoms["{x-request-id}o"]
        if request_id and request_id != "-":
            record.request_id = request_id
        return True


def _unescaped(value):
    # gunicorn escapes quotes for its text format; JSON escapes them itself.
    return value.replace('\\"', '"') if isinstance(value, str) else value


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def json_formatter() -> JsonFormatter:
    """{"level", "logger", "message", "time", "request_id", "task_id", ..., "exc_info"}."""
    return JsonFormatter(
        ["levelname", "name", "message"],
        rename_fields={"levelname": "level", "name": "logger"},
        timestamp="time",
        reserved_attrs=JSON_RESERVED_ATTRS,
    )


def log_format(value: str) -> str:
    value = value.strip().lower()
    if value not in LOG_FORMATS:
        raise ValueError(f"LOG_FORMAT={value!r} is not one of {', '.join(LOG_FORMATS)}.")
    return value


# The filters of every handler, in order; dictConfig names them in settings.LOGGING.
LOG_FILTERS = {
    "context": {"()": "mijnbuurt.core.log.ContextFilter"},
    "mask_email": {"()": "mijnbuurt.core.log.MaskEmailFilter"},
}


def configure_handler(handler: logging.Handler, *, json: bool) -> None:
    """For handlers made outside dictConfig (Celery's): our filters, and JSON if asked."""
    handler.addFilter(ContextFilter())
    handler.addFilter(MaskEmailFilter())
    if json:
        handler.setFormatter(json_formatter())


def gunicorn_logconfig(*, json: bool, level: str = "INFO") -> dict:
    """gunicorn's ``logconfig_dict``: its lines with the app's filters; JSON if asked,
    otherwise gunicorn's own plain formats."""

    def handler(plain_formatter: str) -> dict:
        return {
            "class": "logging.StreamHandler",
            "formatter": "json" if json else plain_formatter,
            "filters": [*(["access"] if json else []), *LOG_FILTERS],
            "stream": "ext://sys.stderr",
        }

    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"access": {"()": "mijnbuurt.core.log.GunicornAccessFilter"}, **LOG_FILTERS},
        "formatters": {
            "json": {"()": "mijnbuurt.core.log.json_formatter"},
            "plain": {
                "format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
                "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
            },
            "access": {"format": "%(message)s"},
        },
        "handlers": {"console": handler("plain"), "access": handler("access")},
        "root": {"level": level, "handlers": ["console"]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": ["console"], "propagate": False},
            "gunicorn.access": {"level": level, "handlers": ["access"], "propagate": False},
        },
    }
