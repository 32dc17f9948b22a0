"""Admin: platforms are edited here (adding a platform is adding a row); accounts are read-only (use the services)."""

from django.contrib import admin

from .models import AccessGrant, Administrator, Platform, SocialAccount


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "url_template", "is_active", "sort_order")
    list_editable = ("is_active", "sort_order")
    search_fields = ("name", "slug")


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(SocialAccount)
class SocialAccountAdmin(_ReadOnly):
    list_display = ("handle", "platform", "institution", "tier", "kind", "status")
    list_filter = ("platform", "status", "tier", "kind", "institution")
    search_fields = ("handle", "display_name", "url")


admin.site.register(Administrator, _ReadOnly)
admin.site.register(AccessGrant, _ReadOnly)
