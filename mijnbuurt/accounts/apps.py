from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .groups import VIEW


def _sync_staff_group(sender, *, using, verbosity=1, **kwargs) -> None:
    """After every migrate (and flush): the staff group with exactly its permissions."""
    from django.contrib.auth.management import create_permissions

    from .groups import staff_group_sync

    for app_config in apps.get_app_configs():  # every app's, not only those migrated so far
        create_permissions(app_config, verbosity=0, using=using)
    staff_group_sync()


class AccountsConfig(AppConfig):
    name = "mijnbuurt.accounts"
    label = "accounts"
    verbose_name = _("Users")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py).
    staff_permissions = {
        "user": VIEW,
    }

    def ready(self) -> None:
        from .personal_data import register_personal_data
        from .services import account_personal_data_erase, account_personal_data_export

        register_personal_data(
            "account", export=account_personal_data_export, erase=account_personal_data_erase
        )
        post_migrate.connect(_sync_staff_group, sender=self, dispatch_uid="staff_group_sync")
        _name_allauth_authenticators()


def _name_allauth_authenticators() -> None:
    """allauth's Authenticator model has no verbose name, so the admin says "Authenticators".

    Only the names the admin shows are set: ``_meta.original_attrs`` (what migrations
    see) stays as allauth made it, so this asks for no migration in allauth's app.
    """
    from allauth.mfa.models import Authenticator

    Authenticator._meta.verbose_name = _("two-factor device")
    Authenticator._meta.verbose_name_plural = _("two-factor devices")
