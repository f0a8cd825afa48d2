from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The municipality's reports under /admin/rapportages/.

    Reports read from every app and nothing imports them (DESIGN.md): they sit last
    in INSTALLED_APPS and are reached only through their URLs.
    """

    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from .cache import connect_signals

        connect_signals()
