"""The public summaries of published pilots under /proeven/ (URL namespace "pilots")."""

from django.urls import path

from . import views

app_name = "pilots"

urlpatterns = [
    path("", views.public_list_view, name="list"),
    path("<slug:slug>/", views.public_detail_view, name="detail"),
    path("<slug:slug>/cijfers.csv", views.public_export_view, name="csv"),
]
