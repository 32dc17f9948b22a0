"""Read-only admin of the archive and the audits: they change only through the services (import, audit)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import AuditFinding, AuditRun, Publication, PublicationImport


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PublicationImport)
class PublicationImportAdmin(_ReadOnly):
    list_display = ("file_name", "account", "format", "created_count", "existing_count", "imported_at")
    list_select_related = ("account",)


@admin.register(Publication)
class PublicationAdmin(_ReadOnly):
    list_display = ("platform_post_id", "account", "published_at")
    list_select_related = ("account",)
    search_fields = ("text", "platform_post_id")


@admin.register(AuditRun)
class AuditRunAdmin(_ReadOnly):
    list_display = ("account", "run_at", "publications_checked", "flagged_count", "policy_version")
    list_select_related = ("account",)


@admin.register(AuditFinding)
class AuditFindingAdmin(_ReadOnly):
    list_display = ("rule", "severity", "category", "publication")
    list_select_related = ("publication",)
    list_filter = ("severity", "category")
