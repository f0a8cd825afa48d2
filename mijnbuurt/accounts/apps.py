from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "mijnbuurt.accounts"
    label = "accounts"
    verbose_name = _("Users")

    def ready(self) -> None:
        from .personal_data import register_personal_data
        from .services import account_erase, account_export

        register_personal_data("account", export=account_export, erase=account_erase)
