"""Activities under /activiteiten/ (URL namespace "activities")."""

from django.urls import path

from .views import activities, attendance, calendars, organisers, registrations

app_name = "activities"

urlpatterns = [
    path("", activities.activity_list, name="list"),
    path("nieuw/", activities.activity_new, name="create"),
    path("mijn/", registrations.my_activities, name="mine"),
    path("wijk/<slug:slug>.ics", calendars.wijk_calendar, name="wijk_calendar"),
    path("agenda/<str:token>.ics", calendars.personal_calendar, name="personal_calendar"),
    path("<int:pk>/", activities.activity_detail, name="detail"),
    path("<int:pk>/agenda.ics", calendars.activity_calendar, name="calendar"),
    path("<int:pk>/bewerken/", activities.activity_edit, name="edit"),
    path("<int:pk>/annuleren/", activities.activity_cancel_view, name="cancel"),
    path("<int:pk>/aanmelden/", registrations.register, name="register"),
    path("<int:pk>/afmelden/", registrations.unregister, name="unregister"),
    path("<int:pk>/aanmeldingen/", registrations.registrations, name="registrations"),
    path("<int:pk>/aanwezig/", attendance.check_in, name="check_in"),
    path("<int:pk>/bericht/", organisers.message, name="message"),
    path("<int:pk>/verslag/", organisers.report, name="report"),
]
