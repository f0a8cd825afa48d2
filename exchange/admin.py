"""Staff keep the categories (with the care flag) and can look into listings;
conversations are not in the admin: only their two sides read them."""

from django.contrib import admin

from .models import Category, Listing


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "is_care", "is_active", "position"]
    list_filter = ["is_care", "is_active"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["title", "direction", "kind", "category", "neighbourhood", "status"]
    list_filter = ["status", "direction", "kind", "category"]
    search_fields = ["title"]
    list_select_related = ["category", "neighbourhood"]
    readonly_fields = [f.name for f in Listing._meta.concrete_fields]

    def has_add_permission(self, request) -> bool:
        return False
