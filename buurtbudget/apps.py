from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import ACT, KEEP, VIEW


class BuurtbudgetConfig(AppConfig):
    name = "buurtbudget"
    verbose_name = _("Neighbourhood budget")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py): open and keep
    # rounds, make letter codes for them (change), review proposals (change) and see
    # how many codes were made and used. Who voted for what is nobody's business.
    staff_permissions = {"round": KEEP, "proposal": ACT, "lettercode": VIEW}

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data

        from . import (
            lifecycle,  # noqa: F401  (declares the review's moves)
            rules,  # noqa: F401  (declares the permissions)
        )
        from .personal_data import (
            buurtbudget_personal_data_erase,
            buurtbudget_personal_data_export,
        )
        from .sections import register_sections

        register_personal_data(
            "buurtbudget",
            export=buurtbudget_personal_data_export,
            erase=buurtbudget_personal_data_erase,
        )
        register_sections()
