"""Included at /admin/rapportages/ before the admin itself (mijnbuurt/urls.py); every
view goes through ``admin.site.admin_view``: staff only, like the rest of /admin/."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", admin.site.admin_view(views.dashboard_view), name="dashboard"),
    path("budget/", admin.site.admin_view(views.budget_view), name="budget"),
    path(
        "export/<slug:report>.<slug:fmt>",
        admin.site.admin_view(views.export_view),
        name="export",
    ),
]
