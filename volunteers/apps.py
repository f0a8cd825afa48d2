from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import KEEP, VIEW


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteering")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py).
    staff_permissions = {
        "skill": KEEP,
        "taskkind": KEEP,
        "task": VIEW,
        "shift": VIEW,
        "signup": VIEW,
        "offshifthours": VIEW,
        "volunteerprofile": VIEW,
        "suggestion": VIEW,
        "taskinvitation": VIEW,
        "trustedvolunteer": VIEW,
        "handover": VIEW,
        "vogcheck": VIEW,
    }

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data
        from mijnbuurt.accounts.roles import Role, register_role

        from . import (
            kinds,  # noqa: F401  (declares the notification kinds)
            rules,  # noqa: F401  (declares the permissions)
        )
        from .layers import register_layers
        from .panels import register_panels
        from .sections import register_sections
        from .selectors import user_is_volunteer
        from .services.next_shift import connect_receivers
        from .services.personal_data import (
            volunteering_personal_data_erase,
            volunteering_personal_data_export,
        )

        register_role(Role.VOLUNTEER, user_is_volunteer)
        register_personal_data(
            "volunteering",
            export=volunteering_personal_data_export,
            erase=volunteering_personal_data_erase,
        )
        register_layers()
        register_panels()
        register_sections()
        connect_receivers()
