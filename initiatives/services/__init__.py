"""Initiative services: every write of the app goes through here.

Views, the admin, the demo seeder and tests alike call these functions; split by
subject: initiatives (start, copy, edit, photos, personal data), lifecycle (status
changes and organisers' news), participation (support, follow), invitations
(co-organisers), grants (the stimuleringsbudget), moderation (comments, reports,
hiding, blocking).
"""

from .accountability import (
    accountability_evidence_remove,
    accountability_photo_remove,
    accountability_report_accept,
    accountability_report_allowed,
    accountability_report_request_changes,
    accountability_report_save,
)
from .grants import grant_award, grant_decline, grant_mark_paid, grant_request
from .initiatives import (
    initiative_copy,
    initiative_create,
    initiative_photo_add,
    initiative_photo_remove,
    initiative_update,
    initiatives_personal_data_erase,
    initiatives_personal_data_export,
)
from .invitations import (
    organiser_invitation_accept,
    organiser_invitation_decline,
    organiser_invite,
)
from .lifecycle import actor_roles, initiative_transition, initiative_update_post
from .moderation import (
    comment_delete,
    comment_post,
    content_report,
    moderation_dismiss,
    moderation_hide,
    moderation_restore,
    user_block,
    user_unblock,
)
from .participation import (
    initiative_follow,
    initiative_support,
    initiative_support_withdraw,
    initiative_unfollow,
)

__all__ = [
    "accountability_evidence_remove",
    "accountability_photo_remove",
    "accountability_report_accept",
    "accountability_report_allowed",
    "accountability_report_request_changes",
    "accountability_report_save",
    "actor_roles",
    "comment_delete",
    "comment_post",
    "content_report",
    "grant_award",
    "grant_decline",
    "grant_mark_paid",
    "grant_request",
    "initiative_copy",
    "initiative_create",
    "initiative_follow",
    "initiative_photo_add",
    "initiative_photo_remove",
    "initiative_support",
    "initiative_support_withdraw",
    "initiative_transition",
    "initiative_unfollow",
    "initiative_update",
    "initiative_update_post",
    "initiatives_personal_data_erase",
    "initiatives_personal_data_export",
    "moderation_dismiss",
    "moderation_hide",
    "moderation_restore",
    "organiser_invitation_accept",
    "organiser_invitation_decline",
    "organiser_invite",
    "user_block",
    "user_unblock",
]
