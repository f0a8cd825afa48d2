from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.admin_lists import LargeChangeList
from mijnbuurt.core.exceptions import ServiceError

from .models import Booking, BookingEvent, Closure, OpeningHours, Room, Venue
from .services.bookings import booking_approve


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
class BookingAdmin(LargeChangeList, admin.ModelAdmin):
    """Read-only: bookings change through the services (and their rules) only."""

    list_display = [
        "pk",
        "start",
        "end",
        "room",
        "venue_name",
        "booker",
        "booker_kind",
        "status",
        "price",
    ]
    # A period filter, not a date hierarchy: listing the years and months bookings fall
    # in reads every booking, while these links cost no query.
    list_filter = [("start", admin.DateFieldListFilter), "status", "booker_kind", "room__venue"]
    list_select_related = ["room__venue", "booker"]
    search_fields = ["=id", "purpose", "room__name", "room__venue__name", "booker__email"]
    inlines = [BookingEventInline]
    actions = ["approve"]

    @admin.display(description=_("venue"), ordering="room__venue__name")
    def venue_name(self, obj):
        return obj.room.venue.name

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_approve_permission(self, request) -> bool:
        return request.user.has_perm("venues.change_booking")

    @admin.action(
        description=_("Approve the selected booking requests (for the venue manager)"),
        permissions=["approve"],
    )
    def approve(self, request, queryset):
        """Staff approve on the manager's behalf: booking_approve(as_staff=True) still
        checks the status and writes the event; the booker is told as usual."""
        approved, refused = 0, []
        for booking in queryset.select_related("room__venue").order_by("start", "pk"):
            try:
                booking_approve(booking=booking, actor=request.user, as_staff=True)
            except ServiceError as error:
                refused.append((booking, error.message))
            else:
                approved += 1
        level = messages.WARNING if refused else messages.SUCCESS
        done = gettext("Bookings approved: %(count)d.") % {"count": approved}
        self.message_user(request, done, level)
        for booking, reason in refused:
            self.message_user(request, f"#{booking.pk} {booking}: {reason}", messages.ERROR)


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "venue",
        "capacity",
        "rate_initiative",
        "rate_non_profit",
        "rate_commercial",
        "is_bookable",
    ]
    list_filter = ["is_bookable", "kitchen", "projector", "venue__owner_kind", "venue"]
    list_select_related = ["venue"]
    search_fields = ["name", "venue__name"]
    exclude = ["calendar_token"]  # a secret: it opens the room's calendar feed
    raw_id_fields = ["venue"]


@admin.register(BookingEvent)
class BookingEventAdmin(admin.ModelAdmin):
    """The bookings' history, read-only: written by the booking services."""

    list_display = ["at", "booking", "from_status", "to_status", "actor"]
    list_filter = ["to_status"]
    list_select_related = ["booking__room__venue", "actor"]
    search_fields = ["=booking__id", "actor__email", "booking__room__venue__name"]
    date_hierarchy = "at"
    fields = ["booking", "actor", "from_status", "to_status", "reason", "at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
