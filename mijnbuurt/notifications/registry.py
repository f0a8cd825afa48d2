"""The one place where notification kinds are declared.

A feature that notifies people declares its kind here once, with ``register_kind``
(usually in its own ``kinds`` module imported from ``AppConfig.ready()``): a name, a
label people see on the preferences page, the default e-mail channel and the prefix
of its templates (``<prefix>_subject.txt``, ``<prefix>_body.txt``,
``<prefix>_body.html``), which get the notification's context.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a kind reaches someone by e-mail; in the app every notification shows."""

    EMAIL = "email", _("E-mail at once")
    DIGEST = "digest", _("In a daily digest")
    OFF = "off", _("Not by e-mail")


@dataclass(frozen=True)
class Kind:
    name: str
    label: str | Promise
    default_channel: str
    template_prefix: str

    @property
    def subject_template(self) -> str:
        return f"{self.template_prefix}_subject.txt"

    @property
    def body_template(self) -> str:
        return f"{self.template_prefix}_body.txt"

    @property
    def html_template(self) -> str:
        return f"{self.template_prefix}_body.html"


_kinds: dict[str, Kind] = {}


def register_kind(
    name: str, *, label: str | Promise, default_channel: str, template_prefix: str
) -> Kind:
    if default_channel not in Channel.values:
        raise ValueError(f"Unknown channel {default_channel!r} for kind {name!r}.")
    kind = Kind(
        name=name, label=label, default_channel=default_channel, template_prefix=template_prefix
    )
    _kinds[name] = kind
    return kind


def get_kind(name: str) -> Kind:
    try:
        return _kinds[name]
    except KeyError:
        raise LookupError(f"Notification kind {name!r} is not registered.") from None


def all_kinds() -> list[Kind]:
    return list(_kinds.values())
