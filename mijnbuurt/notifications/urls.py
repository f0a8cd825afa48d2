from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("alles-gelezen/", views.notification_read_all, name="read_all"),
    path("voorkeuren/", views.preferences, name="preferences"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
