"""Pages of the lifecycle procedures (closure, abandonment flag, re-certification, incident, regularisation):
parse the request, call one selector or service, render or redirect. Rules: `pregon/permissions.py`; the buttons
and whether an action is allowed come from the tables in `flows/` through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pregon.core.errors import ApplicationError
from pregon.institutions.models import Institution
from pregon.institutions.policies import calendar_for, policy_for
from pregon.permissions import institution_rule

from . import selectors, services_lifecycle
from .deadlines import time_left
from .flows.closure import deleting_forbidden_message
from .flows.incident import step_label
from .forms_lifecycle import ClosureCreateForm, IncidentCreateForm, LifecycleTransitionForm
from .services import procedure_transition
from .workflows import available_transitions, workflow_for


def _redirect(obj: Any) -> HttpResponse:
    response = redirect(obj.get_absolute_url())
    response.status_code = 303
    return response


def _render_detail(request: HttpRequest, institution: Institution, kind: str, obj: Any, *, status: int = 200,
                   form: Any = None) -> HttpResponse:
    policy = policy_for(institution)
    deadlines = list(selectors.open_deadlines_of(obj))
    now = timezone.now()
    calendar = calendar_for(institution) if deadlines else None
    context: dict[str, Any] = {
        "institution": institution,
        "kind": kind,
        "obj": obj,
        "workflow": workflow_for(obj),
        "transitions": available_transitions(obj, request.user, policy),
        "history": selectors.transition_history(obj),
        "events": selectors.ledger_events_of(obj),
        "deadlines": [(d, time_left(calendar, now, d.due_at, d.duration_unit)) for d in deadlines],
        "form": form or LifecycleTransitionForm(),
        "transition_url": f"procedures:{kind}_transition",
    }
    if kind == "closure" and obj.content_action == "preserve":
        context["deleting_forbidden"] = deleting_forbidden_message(policy)
    if kind == "incident":
        context["steps"] = [(s, step_label(s.key)) for s in obj.steps.select_related("deadline", "done_by")]
    return render(request, "procedures/lifecycle_detail.html", context, status=status)


def _detail(kind: str) -> Any:
    @require_GET
    @institution_rule(f"procedures:{kind}_detail")
    def view(request: HttpRequest, institution: Institution, public_id: Any) -> HttpResponse:
        obj = selectors.lifecycle_get(kind=kind, institution=institution, actor=request.user, public_id=public_id)
        return _render_detail(request, institution, kind, obj)

    view.__name__ = f"{kind}_detail"
    return view


def _transition(kind: str) -> Any:
    @require_POST
    @institution_rule(f"procedures:{kind}_transition")
    def view(request: HttpRequest, institution: Institution, public_id: Any, action: str) -> HttpResponse:
        """Fires one action of the procedure's table. A refusal re-renders the page with the message and the
        error's status (403 wrong role, 409 wrong state or guard); success redirects (303)."""
        obj = selectors.lifecycle_get(kind=kind, institution=institution, actor=request.user, public_id=public_id)
        form = LifecycleTransitionForm(request.POST)
        data = form.cleaned_data if form.is_valid() else {}
        reason = data.get("reason", "")
        extra = {"step": data.get("step", ""), "note": reason, "credentials_rotated": data.get("credentials_rotated")}
        try:
            obj = procedure_transition(obj=obj, action=action, actor=request.user, reason=reason, data=extra)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return _render_detail(request, institution, kind, obj, status=exc.status, form=form)
        messages.success(request, _("Listo: el trámite quedó «%(state)s».") % {
            "state": workflow_for(obj).state_label(obj.status)})
        return _redirect(obj)

    view.__name__ = f"{kind}_transition"
    return view


KINDS = ("closure", "abandonment", "recertification", "incident", "regularisation")
closure_detail, closure_transition = _detail("closure"), _transition("closure")
abandonment_detail, abandonment_transition = _detail("abandonment"), _transition("abandonment")
recertification_detail, recertification_transition = _detail("recertification"), _transition("recertification")
incident_detail, incident_transition = _detail("incident"), _transition("incident")
regularisation_detail, regularisation_transition = _detail("regularisation"), _transition("regularisation")


@require_GET
@institution_rule("procedures:lifecycle_list")
def lifecycle_list(request: HttpRequest, institution: Institution) -> HttpResponse:
    """Open closures, incidents, abandonment flags, re-certifications and regularisations of the institution."""
    items = selectors.lifecycle_open_list(institution=institution, actor=request.user)
    return render(request, "procedures/lifecycle_list.html", {"institution": institution, "items": items})


@require_http_methods(["GET", "POST"])
@institution_rule("procedures:closure_create")
def closure_create(request: HttpRequest, institution: Institution, account: Any) -> HttpResponse:
    obj = selectors.lifecycle_account_get(institution=institution, actor=request.user, public_id=account)
    policy = policy_for(institution)
    form = ClosureCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            closure = services_lifecycle.closure_request_create(account=obj, actor=request.user,
                                                                motive=form.cleaned_data["motive"])
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Aviso de cierre enviado a Comunicación Social."))
            return _redirect(closure)
    return render(request, "procedures/closure_form.html", {
        "institution": institution, "account": obj, "form": form, "content_action": policy.closure.content_action,
        "deleting_forbidden": deleting_forbidden_message(policy) if policy.closure.content_action == "preserve" else "",
        "clauses": policy.closure.clauses_for("content_action") + policy.closure.clauses_for("notify"),
    })


@require_http_methods(["GET", "POST"])
@institution_rule("procedures:incident_create")
def incident_create(request: HttpRequest, institution: Institution, account: Any) -> HttpResponse:
    obj = selectors.lifecycle_account_get(institution=institution, actor=request.user, public_id=account)
    policy = policy_for(institution)
    form = IncidentCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services_lifecycle.incident_report(account=obj, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Incidente reportado: se avisó de inmediato a las áreas responsables."))
            return _redirect(incident)
    return render(request, "procedures/incident_form.html", {
        "institution": institution, "account": obj, "form": form,
        "steps": [(step_label(s.key), s.deadline) for s in policy.incidents.containment],
        "clauses": policy.incidents.clauses_for("notify"),
    })
