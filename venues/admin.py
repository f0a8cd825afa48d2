from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Booking, BookingEvent, Closure, OpeningHours, Room, Venue


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0
    fields = [
        "name",
        "capacity",
        "rate_initiative",
        "rate_non_profit",
        "rate_commercial",
        "is_bookable",
    ]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "neighbourhood",
        "owner_kind",
        "auto_approve",
        "commercial_hours_cap",
        "is_published",
    ]
    list_filter = [
        "owner_kind",
        "is_published",
        "auto_approve",
        "step_free",
        "neighbourhood__wijk",
    ]
    list_select_related = ["neighbourhood"]
    search_fields = ["name", "address", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["managers"]
    raw_id_fields = ["neighbourhood"]
    inlines = [RoomInline, OpeningHoursInline, ClosureInline]


class BookingEventInline(admin.TabularInline):
    model = BookingEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "actor", "from_status", "to_status", "reason"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read-only: bookings change through the services (and their rules) only."""

    list_display = [
        "start",
        "end",
        "room",
        "venue_name",
        "booker",
        "booker_kind",
        "status",
        "price",
    ]
    list_filter = ["status", "booker_kind", "room__venue"]
    list_select_related = ["room__venue", "booker"]
    search_fields = ["purpose", "room__name", "room__venue__name", "booker__email"]
    date_hierarchy = "start"
    inlines = [BookingEventInline]

    @admin.display(description=_("venue"), ordering="room__venue__name")
    def venue_name(self, obj):
        return obj.room.venue.name

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
