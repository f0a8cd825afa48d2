from django.urls import path

from . import views, views_grants

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
]
