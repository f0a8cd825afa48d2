from django.urls import path

from . import views, views_accountability, views_grants, views_knowledge, views_moderation

app_name = "initiatives"

urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("nieuw/", views.create, name="create"),
    path("mijn/", views.mine, name="mine"),
    path("beoordelen/", views.review_queue, name="review_queue"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.edit, name="edit"),
    path("<int:pk>/status/", views.transition, name="transition"),
    path("<int:pk>/steunen/", views.support, name="support"),
    path("<int:pk>/volgen/", views.follow, name="follow"),
    path("<int:pk>/overnemen/", views.copy, name="copy"),
    path("<int:pk>/nieuws/", views.post_update, name="post_update"),
    path("<int:pk>/uitnodigen/", views.invite, name="invite"),
    path(
        "uitnodigingen/<int:invitation_pk>/", views.invitation_respond, name="invitation_respond"
    ),
    path("<int:pk>/subsidie/", views_grants.request_grant, name="grant_request"),
    path("<int:pk>/subsidie/<int:grant_pk>/toekennen/", views_grants.award, name="grant_award"),
    path("<int:pk>/subsidie/<int:grant_pk>/afwijzen/", views_grants.decline, name="grant_decline"),
    path("<int:pk>/subsidie/<int:grant_pk>/betaald/", views_grants.mark_paid, name="grant_paid"),
    path("<int:pk>/fotos/<int:photo_pk>/verwijderen/", views.photo_remove, name="photo_remove"),
    path("<int:pk>/reacties/", views_moderation.comment_create, name="comment_post"),
    path(
        "<int:pk>/reacties/<int:comment_pk>/verwijderen/",
        views_moderation.comment_remove,
        name="comment_delete",
    ),
    path("<int:pk>/melden/", views_moderation.report, name="report_initiative"),
    path(
        "<int:pk>/reacties/<int:item_pk>/melden/",
        views_moderation.report,
        {"kind": "comment"},
        name="report_comment",
    ),
    path(
        "<int:pk>/nieuws/<int:item_pk>/melden/",
        views_moderation.report,
        {"kind": "update"},
        name="report_update",
    ),
    path("moderatie/", views_moderation.queue, name="moderation_queue"),
    path(
        "moderatie/<slug:kind>/<int:item_pk>/verbergen/",
        views_moderation.hide,
        name="moderation_hide",
    ),
    path(
        "moderatie/<slug:kind>/<int:item_pk>/terugzetten/",
        views_moderation.restore,
        name="moderation_restore",
    ),
    path(
        "moderatie/<slug:kind>/<int:item_pk>/afwijzen/",
        views_moderation.dismiss,
        name="moderation_dismiss",
    ),
    path("moderatie/personen/<int:user_pk>/", views_moderation.block, name="user_block"),
]

# Accountability report, and the knowledge section built from it ("how we did it").
urlpatterns += [
    path("kennis/", views_knowledge.knowledge, name="knowledge"),
    path("<int:pk>/verantwoording/", views_accountability.report_page, name="accountability"),
    path(
        "<int:pk>/verantwoording/bewerken/",
        views_accountability.edit,
        name="accountability_edit",
    ),
    path(
        "<int:pk>/verantwoording/fotos/<int:photo_pk>/verwijderen/",
        views_accountability.photo_remove,
        name="accountability_photo_remove",
    ),
    path(
        "<int:pk>/verantwoording/akkoord/",
        views_accountability.accept,
        name="accountability_accept",
    ),
    path(
        "<int:pk>/verantwoording/wijzigingen/",
        views_accountability.request_changes,
        name="accountability_changes",
    ),
]
