from django.urls import path

from .views import bookings, calendars, manage, public

app_name = "venues"

urlpatterns = [
    path("", public.venue_list, name="list"),
    path("mijn-boekingen/", bookings.my_bookings, name="my_bookings"),
    path("boekingen/<int:pk>/", bookings.booking_detail, name="booking"),
    path("boekingen/<int:pk>/goedkeuren/", bookings.booking_approve_view, name="booking_approve"),
    path("boekingen/<int:pk>/afwijzen/", bookings.booking_decline_view, name="booking_decline"),
    path("boekingen/<int:pk>/annuleren/", bookings.booking_cancel_view, name="booking_cancel"),
    path(
        "boekingen/<int:pk>/reeks-annuleren/",
        bookings.booking_series_cancel_view,
        name="booking_series_cancel",
    ),
    path("agenda/ruimte/<str:token>.ics", calendars.room_calendar, name="room_calendar"),
    path("agenda/<str:token>.ics", calendars.user_calendar, name="user_calendar"),
    path("agenda/vernieuwen/", calendars.user_calendar_renew_view, name="user_calendar_renew"),
    path("<slug:slug>/", public.venue_detail, name="detail"),
    path("<slug:slug>/boeken/", bookings.booking_new, name="book"),
    path("<slug:slug>/beheer/", manage.dashboard, name="manage"),
    path("<slug:slug>/beheer/instellingen/", manage.venue_settings, name="manage_settings"),
    path("<slug:slug>/beheer/ruimtes/nieuw/", manage.room_edit, name="manage_room_new"),
    path("<slug:slug>/beheer/ruimtes/<int:pk>/", manage.room_edit, name="manage_room"),
    path(
        "<slug:slug>/beheer/ruimtes/<int:pk>/agenda-vernieuwen/",
        calendars.room_calendar_renew_view,
        name="manage_room_calendar_renew",
    ),
    path("<slug:slug>/beheer/openingstijden/", manage.opening_hours, name="manage_hours"),
    path(
        "<slug:slug>/beheer/openingstijden/<int:pk>/verwijderen/",
        manage.opening_hours_delete,
        name="manage_hours_delete",
    ),
    path("<slug:slug>/beheer/sluitingen/", manage.closures, name="manage_closures"),
    path("<slug:slug>/beheer/beheerders/", manage.managers, name="manage_managers"),
    path(
        "<slug:slug>/beheer/beheerders/<int:pk>/verwijderen/",
        manage.manager_remove,
        name="manage_manager_remove",
    ),
    path(
        "<slug:slug>/beheer/sluitingen/<int:pk>/verwijderen/",
        manage.closure_delete,
        name="manage_closure_delete",
    ),
]
