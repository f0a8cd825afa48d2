"""Kinds the platform core itself sends (see registry.py for how to add one)."""

from django.utils.translation import gettext_lazy as _

from .registry import Channel, register_kind

ACCOUNT_SECURITY = register_kind(
    "account_security",
    label=_("Security of my account (password, two-factor authentication)"),
    default_channel=Channel.EMAIL,
    template_prefix="notifications/email/account_security",
)
