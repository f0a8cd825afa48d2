from django.contrib import admin

from .models import Neighbourhood


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "wijk"]
    list_filter = ["level"]
    list_select_related = ["wijk"]
    search_fields = ["name", "code"]
    readonly_fields = ["code", "boundary"]
