from importlib import import_module

from django.apps import AppConfig, apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mijnbuurt.core"
    label = "core"
    verbose_name = _("Platform core")
    default = True  # the module has other AppConfig classes (the admin's)

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from mijnbuurt.accounts.personal_data import register_personal_data

        from .page_cache import connect_signals
        from .start import on_login, register_panels
        from .transitions import (
            status_changes_personal_data_erase,
            status_changes_personal_data_export,
        )

        register_personal_data(
            "status_changes",
            export=status_changes_personal_data_export,
            erase=status_changes_personal_data_erase,
        )
        register_panels()
        connect_signals()
        user_logged_in.connect(on_login, dispatch_uid="start_remember_roles")


class AdminConfig(SimpleAdminConfig):
    """The admin (``PlatformAdminSite``), discovering every app's ``admin`` module
    except django-leaflet's.

    ``leaflet.admin`` imports GeoDjango's form widgets, which need the GDAL C library;
    the platform stores geometry as GeoJSON and does not use GeoDjango (DESIGN.md).
    """

    default_site = "mijnbuurt.core.admin_site.PlatformAdminSite"
    skipped_admin_modules = {"leaflet"}

    def ready(self) -> None:
        super().ready()
        for app_config in apps.get_app_configs():
            if app_config.name in self.skipped_admin_modules:
                continue
            if module_has_submodule(app_config.module, "admin"):
                import_module(f"{app_config.name}.admin")
