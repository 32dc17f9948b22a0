"""The bitácora in the admin: read-only, like every other interface to it."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from pregon.core.admin_base import ReadOnlyAdmin

from .models import ChainHead, Event


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("chain", "seq", "occurred_at", "action", "actor_label", "target_label", "policy_version")
    list_filter = ("chain", "action")
    search_fields = ("action", "actor_label", "target_label", "reason", "hash")
    date_hierarchy = "occurred_at"
    list_select_related = ("institution",)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        return {}


@admin.register(ChainHead)
class ChainHeadAdmin(ReadOnlyAdmin):
    list_display = ("chain", "seq", "hash")
