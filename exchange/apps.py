from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import KEEP, VIEW


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Ask and offer")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py): keep the
    # categories; listings, reports and the log of moderators reading a reported
    # conversation are seen, conversations not at all.
    staff_permissions = {
        "category": KEEP,
        "listing": VIEW,
        "report": VIEW,
        "conversationaccess": VIEW,
    }

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data

        from . import (
            kinds,  # noqa: F401  (declares the notification kinds)
            rules,  # noqa: F401  (declares the permissions)
        )
        from .layers import register_layers
        from .media import register_media_files
        from .panels import register_panels
        from .personal_data import exchange_personal_data_erase, exchange_personal_data_export
        from .sections import register_sections

        register_personal_data(
            "exchange", export=exchange_personal_data_export, erase=exchange_personal_data_erase
        )
        register_layers()
        register_media_files()
        register_panels()
        register_sections()
