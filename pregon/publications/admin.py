"""Read-only admin of the archive and the audits: they change only through the services (import, audit)."""

from __future__ import annotations

from django.contrib import admin

from pregon.core.admin_base import ReadOnlyAdmin

from .models import AuditFinding, AuditRun, Publication, PublicationImport


@admin.register(PublicationImport)
class PublicationImportAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "account", "format", "created_count", "existing_count", "imported_at")
    list_select_related = ("account",)


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ("platform_post_id", "account", "published_at")
    list_select_related = ("account",)
    search_fields = ("text", "platform_post_id")


@admin.register(AuditRun)
class AuditRunAdmin(ReadOnlyAdmin):
    list_display = ("account", "run_at", "publications_checked", "flagged_count", "policy_version")
    list_select_related = ("account",)


@admin.register(AuditFinding)
class AuditFindingAdmin(ReadOnlyAdmin):
    list_display = ("rule", "severity", "category", "publication")
    list_select_related = ("publication",)
    list_filter = ("severity", "category")
