"""Vraag en aanbod under /vraag-en-aanbod/ (URL namespace "exchange")."""

from django.urls import path

from .views import conversations, listings

app_name = "exchange"

urlpatterns = [
    path("", listings.listing_list, name="list"),
    path("nieuw/", listings.listing_new, name="create"),
    path("mijn/", listings.listings_mine, name="mine"),
    path("gesprekken/", conversations.conversation_list, name="conversations"),
    path("gesprekken/<int:pk>/", conversations.conversation_detail, name="conversation"),
    path("gesprekken/<int:pk>/blokkeren/", conversations.block, name="block"),
    path("instellingen/", conversations.preferences, name="preferences"),
    path("<int:pk>/", listings.listing_detail, name="detail"),
    path("<int:pk>/bewerken/", listings.listing_edit, name="edit"),
    path("<int:pk>/status/", listings.listing_status, name="status"),
    path("<int:pk>/verlengen/", listings.listing_extend_view, name="extend"),
    path("<int:pk>/reageren/", conversations.reply, name="reply"),
]
