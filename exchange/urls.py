"""Vraag en aanbod under /vraag-en-aanbod/ (URL namespace "exchange")."""

from django.urls import path

from .views import conversations, listings, matches

app_name = "exchange"

urlpatterns = [
    path("", listings.listing_list, name="list"),
    path("nieuw/", listings.listing_new, name="create"),
    path("mijn/", listings.listings_mine, name="mine"),
    path("gesprekken/", conversations.conversation_list, name="conversations"),
    path("gesprekken/<int:pk>/", conversations.conversation_detail, name="conversation"),
    path("gesprekken/<int:pk>/blokkeren/", conversations.block, name="block"),
    path("gesprekken/<int:pk>/match/", matches.match, name="match"),
    path("gesprekken/<int:pk>/uren/", matches.credit, name="credit"),
    path(
        "gesprekken/<int:pk>/uren/bevestigen/", matches.credit_confirm_view, name="credit_confirm"
    ),
    path("gesprekken/<int:pk>/uren/weghalen/", matches.credit_decline_view, name="credit_decline"),
    path("gesprekken/<int:pk>/gelukt/", matches.feedback, name="feedback"),
    path("gesprekken/<int:pk>/gelukt/bedankje/", matches.thanks, name="thanks"),
    path("instellingen/", conversations.preferences, name="preferences"),
    path("<int:pk>/", listings.listing_detail, name="detail"),
    path("<int:pk>/bewerken/", listings.listing_edit, name="edit"),
    path("<int:pk>/status/", listings.listing_status, name="status"),
    path("<int:pk>/verlengen/", listings.listing_extend_view, name="extend"),
    path("<int:pk>/reageren/", conversations.reply, name="reply"),
]
