"""Activities under /activiteiten/ (URL namespace "activities")."""

from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="list"),
    path("nieuw/", views.activity_new, name="create"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/agenda.ics", views.activity_calendar, name="calendar"),
    path("<int:pk>/bewerken/", views.activity_edit, name="edit"),
    path("<int:pk>/annuleren/", views.activity_cancel_view, name="cancel"),
    path("<int:pk>/aanmelden/", views.register, name="register"),
    path("<int:pk>/afmelden/", views.unregister, name="unregister"),
    path("<int:pk>/aanmeldingen/", views.registrations, name="registrations"),
]
