"""The procedures index ("Trámites"): every procedure type the institution's norm provides, with how many are open,
linking to the list pages the user's roles may read. Rule: `procedures:index` in `pregon/permissions.py`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from pregon.institutions.models import Institution
from pregon.institutions.policies import policy_for
from pregon.permissions import URL_PERMISSIONS, institution_rule

from .workflows import registered_workflows

# Workflow name -> the list page that shows its procedures (the lifecycle ones share one page).
LIST_URLS: dict[str, str] = {
    "consultation": "procedures:consultation_list",
    "opening_request": "procedures:opening_request_list",
    "administrator_change": "procedures:administrator_change_list",
    "credential_rotation": "procedures:credential_rotation_list",
    "live_stream": "procedures:live_stream_list",
    "closure": "procedures:lifecycle_list",
    "abandonment": "procedures:lifecycle_list",
    "recertification": "procedures:lifecycle_list",
    "incident": "procedures:lifecycle_list",
    "regularisation": "procedures:lifecycle_list",
}


@dataclass(frozen=True)
class ProcedureRow:
    name: str
    label: Any
    open_count: int
    list_url: str | None  # URL name, when the user may read the list
    clauses: tuple[str, ...]


def _models_by_workflow() -> dict[str, Any]:
    return {
        m.workflow_name: m
        for m in apps.get_app_config("procedures").get_models()
        if getattr(m, "workflow_name", "")
    }


def procedure_rows(institution: Institution, held_roles: set[str], is_superuser: bool = False) -> list[ProcedureRow]:
    """One row per enabled workflow with a model, in registration order; one COUNT query per procedure type."""
    policy = policy_for(institution)
    models = _models_by_workflow()
    rows = []
    for workflow in registered_workflows():
        model = models.get(workflow.name)
        if model is None or not workflow.is_enabled(policy):
            continue
        terminal = [state for state in workflow.states.values if workflow.is_terminal(state)]
        open_count = (
            model.objects.filter(institution=institution).exclude(status__in=terminal).aggregate(n=Count("pk"))["n"]
        )
        url_name = LIST_URLS.get(workflow.name)
        rule = URL_PERMISSIONS.get(url_name or "")
        readable = rule is not None and (is_superuser or any(rule.allows_role(r) for r in held_roles))
        rows.append(ProcedureRow(workflow.name, workflow.label or workflow.name, open_count,
                                 url_name if readable else None, workflow.enabled_clause_refs(policy)))
    return rows


@require_GET
@institution_rule("procedures:index")
def procedure_index(request: HttpRequest, institution: Institution) -> HttpResponse:
    held = set(getattr(request, "institution_roles", set()))
    rows = procedure_rows(institution, held, is_superuser=request.user.is_superuser)
    return render(request, "procedures/procedure_index.html", {"institution": institution, "rows": rows})
