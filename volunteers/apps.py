from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteering")

    def ready(self) -> None:
        from mijnbuurt.accounts.roles import Role, register_role

        from . import (
            kinds,  # noqa: F401  (declares the notification kinds)
            rules,  # noqa: F401  (declares the permissions)
        )
        from .selectors import is_volunteer

        register_role(Role.VOLUNTEER, is_volunteer)
