"""Vraag en aanbod under /vraag-en-aanbod/ (URL namespace "exchange")."""

from django.urls import path

from .views import conversations, listings, matches, moderation, photos

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
    path(
        "gesprekken/<int:pk>/berichten/<int:message_pk>/melden/",
        moderation.report_message_view,
        name="report_message",
    ),
    path("instellingen/", conversations.preferences, name="preferences"),
    path("moderatie/", moderation.moderation_queue, name="moderation"),
    path(
        "moderatie/meldingen/<int:pk>/gesprek/",
        moderation.reported_conversation,
        name="moderation_conversation",
    ),
    path(
        "moderatie/<slug:kind>/<int:item_pk>/verbergen/",
        moderation.moderation_hide_view,
        name="moderation_hide",
    ),
    path(
        "moderatie/<slug:kind>/<int:item_pk>/afwijzen/",
        moderation.moderation_dismiss_view,
        name="moderation_dismiss",
    ),
    path("<int:pk>/", listings.listing_detail, name="detail"),
    path("<int:pk>/bewerken/", listings.listing_edit, name="edit"),
    path("<int:pk>/status/", listings.listing_status, name="status"),
    path("<int:pk>/verlengen/", listings.listing_extend_view, name="extend"),
    path("<int:pk>/fotos/", photos.photo_add, name="photo_add"),
    path("<int:pk>/fotos/<int:photo_pk>/verwijderen/", photos.photo_remove, name="photo_remove"),
    path("<int:pk>/reageren/", conversations.reply, name="reply"),
    path("<int:pk>/melden/", moderation.report_listing_view, name="report_listing"),
]
