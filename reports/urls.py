"""Included at /admin/rapportages/ before the admin itself (mijnbuurt/urls.py); every
view goes through ``admin.site.admin_view``: staff only, like the rest of /admin/."""

from django.contrib import admin
from django.urls import path

from . import views
from .pilots import views as pilots

app_name = "reports"

urlpatterns = [
    path("", admin.site.admin_view(views.dashboard_view), name="dashboard"),
    path("budget/", admin.site.admin_view(views.budget_view), name="budget"),
    path(
        "export/<slug:report>.<slug:fmt>",
        admin.site.admin_view(views.export_view),
        name="export",
    ),
    path("proeven/", admin.site.admin_view(pilots.staff_list_view), name="pilots"),
    path("proeven/<slug:slug>/", admin.site.admin_view(pilots.staff_detail_view), name="pilot"),
    path(
        "proeven/<slug:slug>/notities/",
        admin.site.admin_view(pilots.staff_note_view),
        name="pilot_note",
    ),
    path(
        "proeven/<slug:slug>/export.<slug:fmt>",
        admin.site.admin_view(pilots.staff_export_view),
        name="pilot_export",
    ),
]
