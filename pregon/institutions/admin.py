"""Admin registrations. The admin is for operators; day-to-day changes go through the UI and its services."""

from __future__ import annotations

from django.contrib import admin

from .models import Area, ElectoralPeriod, Institution, Membership, NonWorkingDay, Official, PolicyRevision


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ("slug", "short_name", "name", "country", "subdivision", "timezone", "policy_preset", "is_active")
    list_filter = ("country", "policy_preset", "is_active")
    search_fields = ("slug", "name", "short_name")


@admin.register(PolicyRevision)
class PolicyRevisionAdmin(admin.ModelAdmin):
    """Read-only: a policy change is a new revision made through policy_revision_create()."""

    list_display = ("institution", "version", "preset", "effective_on", "policy_version", "created_by")
    list_filter = ("institution", "preset")
    readonly_fields = [f.name for f in PolicyRevision._meta.fields]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("name", "institution", "parent", "level", "head")
    list_filter = ("institution", "level")
    search_fields = ("name",)
    list_select_related = ("institution", "parent", "head")


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ("full_name", "institution", "area", "position_title", "rank", "employment_status", "email")
    list_filter = ("institution", "rank", "employment_status")
    search_fields = ("full_name", "email", "position_title")
    list_select_related = ("institution", "area")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "institution", "role", "area")
    list_filter = ("institution", "role")
    search_fields = ("user__username", "user__email")
    list_select_related = ("user", "institution", "area")


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(admin.ModelAdmin):
    list_display = ("date", "institution", "reason", "source")
    list_filter = ("institution",)
    date_hierarchy = "date"


@admin.register(ElectoralPeriod)
class ElectoralPeriodAdmin(admin.ModelAdmin):
    list_display = ("name", "institution", "starts_on", "ends_on")
    list_filter = ("institution",)
