from django.urls import path

from .views import accountability, grants, initiatives, knowledge, moderation

app_name = "initiatives"

urlpatterns = [
    path("", initiatives.initiative_list, name="list"),
    path("nieuw/", initiatives.create, name="create"),
    path("mijn/", initiatives.mine, name="mine"),
    path("beoordelen/", initiatives.review_queue, name="review_queue"),
    path("<int:pk>/", initiatives.detail, name="detail"),
    path("<int:pk>/bewerken/", initiatives.edit, name="edit"),
    path("<int:pk>/status/", initiatives.transition, name="transition"),
    path("<int:pk>/steunen/", initiatives.support, name="support"),
    path("<int:pk>/volgen/", initiatives.follow, name="follow"),
    path("<int:pk>/overnemen/", initiatives.copy, name="copy"),
    path("<int:pk>/nieuws/", initiatives.post_update, name="post_update"),
    path("<int:pk>/uitnodigen/", initiatives.invite, name="invite"),
    path(
        "uitnodigingen/<int:invitation_pk>/",
        initiatives.invitation_respond,
        name="invitation_respond",
    ),
    path("<int:pk>/subsidie/", grants.request_grant, name="grant_request"),
    path("<int:pk>/subsidie/<int:grant_pk>/toekennen/", grants.award, name="grant_award"),
    path("<int:pk>/subsidie/<int:grant_pk>/afwijzen/", grants.decline, name="grant_decline"),
    path("<int:pk>/subsidie/<int:grant_pk>/betaald/", grants.mark_paid, name="grant_paid"),
    path(
        "<int:pk>/fotos/<int:photo_pk>/verwijderen/", initiatives.photo_remove, name="photo_remove"
    ),
    path("<int:pk>/reacties/", moderation.comment_create, name="comment_post"),
    path(
        "<int:pk>/reacties/<int:comment_pk>/verwijderen/",
        moderation.comment_remove,
        name="comment_delete",
    ),
    path("<int:pk>/melden/", moderation.report, name="report_initiative"),
    path(
        "<int:pk>/reacties/<int:item_pk>/melden/",
        moderation.report,
        {"kind": "comment"},
        name="report_comment",
    ),
    path(
        "<int:pk>/nieuws/<int:item_pk>/melden/",
        moderation.report,
        {"kind": "update"},
        name="report_update",
    ),
    path("moderatie/", moderation.queue, name="moderation_queue"),
    path(
        "moderatie/<slug:kind>/<int:item_pk>/verbergen/",
        moderation.hide,
        name="moderation_hide",
    ),
    path(
        "moderatie/<slug:kind>/<int:item_pk>/terugzetten/",
        moderation.restore,
        name="moderation_restore",
    ),
    path(
        "moderatie/<slug:kind>/<int:item_pk>/afwijzen/",
        moderation.dismiss,
        name="moderation_dismiss",
    ),
    path("moderatie/personen/<int:user_pk>/", moderation.block, name="user_block"),
]

# Accountability report, and the knowledge section built from it ("how we did it").
urlpatterns += [
    path("kennis/", knowledge.knowledge, name="knowledge"),
    path("<int:pk>/verantwoording/", accountability.report_page, name="accountability"),
    path(
        "<int:pk>/verantwoording/bewerken/",
        accountability.edit,
        name="accountability_edit",
    ),
    path(
        "<int:pk>/verantwoording/fotos/<int:photo_pk>/verwijderen/",
        accountability.photo_remove,
        name="accountability_photo_remove",
    ),
    path(
        "<int:pk>/verantwoording/bonnen/<int:evidence_pk>/",
        accountability.evidence,
        name="accountability_evidence",
    ),
    path(
        "<int:pk>/verantwoording/bonnen/<int:evidence_pk>/verwijderen/",
        accountability.evidence_remove,
        name="accountability_evidence_remove",
    ),
    path(
        "<int:pk>/verantwoording/akkoord/",
        accountability.accept,
        name="accountability_accept",
    ),
    path(
        "<int:pk>/verantwoording/wijzigingen/",
        accountability.request_changes,
        name="accountability_changes",
    ),
]
