from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import VIEW


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py): see activities;
    # who registered is the organisers' business only.
    staff_permissions = {"activity": VIEW}

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data

        from . import (
            kinds,  # noqa: F401  (declares the notification kinds)
            rules,  # noqa: F401  (declares the permissions)
        )
        from .panels import register_panels
        from .personal_data import activities_personal_data_erase, activities_personal_data_export
        from .sections import register_sections

        register_personal_data(
            "activities",
            export=activities_personal_data_export,
            erase=activities_personal_data_erase,
        )
        register_panels()
        register_sections()
