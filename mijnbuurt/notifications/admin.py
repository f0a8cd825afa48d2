from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Notification, NotificationPreference
from .registry import all_kinds


class KindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind.name, kind.label) for kind in all_kinds()]

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


class YesNoFilter(admin.SimpleListFilter):
    field = ""

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(**{f"{self.field}__isnull": self.value() == "no"})
        return queryset


class DeliveredFilter(YesNoFilter):
    title = _("e-mailed")
    parameter_name = "delivered"
    field = "delivered_at"


class ReadFilter(YesNoFilter):
    title = _("read")
    parameter_name = "read"
    field = "read_at"


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "recipient__email",
        "kind",
        "created_at",
        "delivery",
        "delivered_at",
        "read_at",
    ]
    list_filter = [KindFilter, "delivery", DeliveredFilter, ReadFilter]
    list_select_related = ["recipient"]
    search_fields = ["recipient__email"]
    readonly_fields = ["created_at", "delivered_at", "read_at", "failed_attempts"]
    raw_id_fields = ["recipient"]
    date_hierarchy = "created_at"


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "channel", "updated_at"]
    list_filter = [KindFilter, "channel"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    readonly_fields = ["updated_at"]
    raw_id_fields = ["user"]
