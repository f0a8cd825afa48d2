from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import ACT, KEEP, VIEW


class VenuesConfig(AppConfig):
    name = "venues"
    verbose_name = _("Venues")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py).
    staff_permissions = {
        "venue": KEEP,
        "room": KEEP,
        "booking": ACT,
        "bookingevent": VIEW,
    }

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data
        from mijnbuurt.accounts.roles import Role, register_role

        from . import kinds  # noqa: F401  (declares the notification kinds)
        from .layers import register as register_layer
        from .panels import register_panels
        from .sections import register_sections
        from .selectors import user_manages_a_venue
        from .services.personal_data import (
            venue_bookings_personal_data_erase,
            venue_bookings_personal_data_export,
        )

        register_role(Role.VENUE_MANAGER, user_manages_a_venue)
        register_personal_data(
            "venue_bookings",
            export=venue_bookings_personal_data_export,
            erase=venue_bookings_personal_data_erase,
        )
        register_layer()
        register_sections()
        register_panels()
