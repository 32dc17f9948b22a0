"""Every procedure in the admin, derived from its spec, read-only: a procedure's status changes only through
`procedure_transition()` (and its ledger event), never by editing a row."""

from __future__ import annotations

from django.contrib import admin

from pregon.core.admin_base import ReadOnlyAdmin

from . import flows  # noqa: F401  (the admin may load before this app's ready(): the specs register on import)
from .models import Deadline, TransitionRecord
from .spec import ProcedureSpec, all_specs


def _admin_for(spec: ProcedureSpec) -> type[admin.ModelAdmin]:
    columns = tuple(attr for _heading, attr in spec.columns if not callable(getattr(spec.model, attr, None)))
    return type(f"{spec.model.__name__}Admin", (ReadOnlyAdmin,), {
        "list_display": ("public_id", "institution", "status", *columns, "created_at"),
        "list_filter": ("institution", "status"),
        "list_select_related": ("institution", *spec.select_related),
        "search_fields": ("public_id",),
        "date_hierarchy": "created_at",
    })


for _spec in all_specs():
    if not admin.site.is_registered(_spec.model):
        admin.site.register(_spec.model, _admin_for(_spec))


@admin.register(Deadline)
class DeadlineAdmin(ReadOnlyAdmin):
    list_display = ("institution", "kind", "subject_label", "status", "due_at", "responsible_role")
    list_filter = ("institution", "status", "workflow")
    list_select_related = ("institution",)


@admin.register(TransitionRecord)
class TransitionRecordAdmin(ReadOnlyAdmin):
    list_display = ("institution", "workflow", "action", "from_status", "to_status", "actor_label", "created_at")
    list_filter = ("institution", "workflow")
    list_select_related = ("institution",)
