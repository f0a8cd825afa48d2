from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import VIEW


class NotificationsConfig(AppConfig):
    name = "mijnbuurt.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py).
    staff_permissions = {
        "notification": VIEW,
        "notificationpreference": VIEW,
    }

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data

        from . import kinds, receivers  # noqa: F401  (declare kinds, connect receivers)
        from .services import notifications_personal_data_erase, notifications_personal_data_export

        register_personal_data(
            "notifications",
            export=notifications_personal_data_export,
            erase=notifications_personal_data_erase,
        )
