from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import ACT, KEEP, KEEP_AND_DELETE, VIEW


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py).
    staff_permissions = {
        "initiative": ACT,
        "organiser": VIEW,
        "organiserinvitation": VIEW,
        "initiativephoto": VIEW,
        "initiativeupdate": VIEW,
        "statuschange": VIEW,
        "support": VIEW,
        "follow": VIEW,
        "budgetline": KEEP,
        "budgetallocation": KEEP_AND_DELETE,
        "grantrequest": ACT,
        "grantlineitem": VIEW,
        "comment": VIEW,
        "abusereport": VIEW,
        "postingblock": VIEW,
        "moderationaction": VIEW,
    }

    def ready(self) -> None:
        from mijnbuurt.accounts.personal_data import register_personal_data
        from mijnbuurt.accounts.roles import Role, register_role

        from . import kinds  # noqa: F401  (declares the notification kinds)
        from .layers import register_layers
        from .media import register_media_files
        from .panels import register_panels
        from .sections import register_sections
        from .selectors.initiatives import user_organises_any
        from .services import initiatives_personal_data_erase, initiatives_personal_data_export

        register_personal_data(
            "initiatives",
            export=initiatives_personal_data_export,
            erase=initiatives_personal_data_erase,
        )
        register_role(Role.ORGANISER, user_organises_any)
        register_layers()
        register_media_files()
        register_sections()
        register_panels()
