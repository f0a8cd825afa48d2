from django.contrib import admin

from .models import Activity


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "start", "neighbourhood", "status")
    list_filter = ("status", "kind")
    list_select_related = ("neighbourhood",)
    search_fields = ("title",)
    date_hierarchy = "start"
    raw_id_fields = ("room", "booking", "initiative", "organisation", "venue", "area_team")
    readonly_fields = ("created_by", "created_at")
    exclude = ()
