from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import ACT, KEEP_AND_DELETE, VIEW


class HelpRequestsConfig(AppConfig):
    name = "helprequests"
    verbose_name = _("Help requests")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py); non-personal fields only.
    staff_permissions = {
        "replytemplate": KEEP_AND_DELETE,
        "helprequest": ACT,
        "helprequestevent": VIEW,
        "satisfaction": VIEW,
        "accesslog": VIEW,
    }

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data

        from . import kinds  # noqa: F401 - registers the notification kinds
        from .panels import register_panels
        from .retention import (
            help_requests_personal_data_erase,
            help_requests_personal_data_export,
        )

        register_personal_data(
            "help_requests",
            export=help_requests_personal_data_export,
            erase=help_requests_personal_data_erase,
        )
        register_panels()
