from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.groups import ACT, KEEP, KEEP_AND_DELETE


class NeighbourhoodsConfig(AppConfig):
    name = "neighbourhoods"
    verbose_name = _("Neighbourhoods")
    # What staff may do in the admin (mijnbuurt/accounts/groups.py).
    staff_permissions = {
        "neighbourhood": ACT,
        "areateam": KEEP,
        "teammembership": KEEP_AND_DELETE,
        "organisation": KEEP,
    }

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from mijnbuurt.accounts.personal_data import register_personal_data
        from mijnbuurt.accounts.roles import Role, register_role

        from .media import register_media_files
        from .models import TeamMembership
        from .panels import register_panels
        from .selectors import team_ids_forget, user_is_organisation_member, user_is_professional
        from .services import (
            neighbourhoods_personal_data_erase,
            neighbourhoods_personal_data_export,
        )

        # Membership of an area team makes someone a professional (who must use TOTP).
        register_role(Role.PROFESSIONAL, user_is_professional)

        # A request that changes someone's memberships asks their teams afresh.
        def membership_changed(sender, instance, **kwargs):
            team_ids_forget(instance.user_id)

        for signal in (post_save, post_delete):
            signal.connect(membership_changed, sender=TeamMembership, weak=False)
        register_role(Role.ORGANISATION_MEMBER, user_is_organisation_member)
        register_personal_data(
            "neighbourhoods",
            export=neighbourhoods_personal_data_export,
            erase=neighbourhoods_personal_data_erase,
        )
        register_media_files()
        register_panels()
