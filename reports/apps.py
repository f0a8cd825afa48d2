from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import KEEP


class ReportsConfig(AppConfig):
    """The municipality's reports under /admin/rapportages/.

    Reports read from every app and nothing imports them (DESIGN.md): they sit last
    in INSTALLED_APPS and are reached only through their URLs.
    """

    name = "reports"
    verbose_name = _("Reports")
    staff_permissions = {"experiment": KEEP, "experimentnote": KEEP}

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data

        from .cache import connect_signals
        from .pilots.personal_data import pilot_notes_export

        connect_signals()
        register_personal_data("pilot_notes", export=pilot_notes_export)
