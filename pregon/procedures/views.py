"""Procedure pages: parse the request, call one selector or service, render or redirect.

Who may open each page is written in `pregon/permissions.py` (`@institution_rule`); which buttons appear and
whether an action is allowed come from the workflow table through the services.
"""

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

from . import selectors, services
from .choices import ConsultationStatus
from .deadlines import time_left
from .forms import ConsultationForm, TransitionForm
from .workflows import CONSULTATION, available_transitions


@require_GET
@institution_rule("procedures:consultation_list")
def consultation_list(request: HttpRequest, institution: Institution) -> HttpResponse:
    status = request.GET.get("estado") or None
    if status not in ConsultationStatus.values:
        status = None
    consultations = selectors.consultation_list(institution=institution, actor=request.user, status=status)
    policy = policy_for(institution)
    return render(
        request,
        "procedures/consultation_list.html",
        {
            "institution": institution,
            "consultations": consultations[:200],
            "statuses": ConsultationStatus.choices,
            "status": status,
            "enabled": CONSULTATION.is_enabled(policy),
            "clauses": CONSULTATION.enabled_clause_refs(policy),
        },
    )


@require_http_methods(["GET", "POST"])
@institution_rule("procedures:consultation_create")
def consultation_create(request: HttpRequest, institution: Institution) -> HttpResponse:
    policy = policy_for(institution)
    enabled = CONSULTATION.is_enabled(policy)
    findings: dict[str, Any] | None = None
    form = ConsultationForm(request.POST or None, institution=institution)
    if request.method == "POST" and enabled and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            findings = services.checker_findings(data["text"], policy, institution=institution,
                                                 account=data["account"])
        else:
            try:
                consultation = services.consultation_create(
                    institution=institution, actor=request.user, text=data["text"], question=data["question"],
                    account=data["account"],
                )
            except ApplicationError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("Consulta enviada a Comunicación Social."))
                return redirect(consultation.get_absolute_url())
    return render(
        request,
        "procedures/consultation_form.html",
        {
            "institution": institution,
            "form": form,
            "findings": findings,
            "enabled": enabled,
            "disabled_message": "" if enabled else CONSULTATION.disabled_message(policy),
            "deadline": policy.consultation.deadline,
            "clauses": CONSULTATION.enabled_clause_refs(policy),
        },
    )


def _render_detail(
    request: HttpRequest, institution: Institution, consultation: Any, *, status: int = 200, form: Any = None
) -> HttpResponse:
    policy = policy_for(institution)
    deadlines = list(selectors.open_deadlines_of(consultation))
    now = timezone.now()
    calendar = calendar_for(institution) if deadlines else None
    return render(
        request,
        "procedures/consultation_detail.html",
        {
            "institution": institution,
            "consultation": consultation,
            "transitions": available_transitions(consultation, request.user, policy),
            "history": selectors.transition_history(consultation),
            "events": selectors.ledger_events_of(consultation),
            "deadlines": [(d, time_left(calendar, now, d.due_at, d.duration_unit)) for d in deadlines],
            "form": form or TransitionForm(),
        },
        status=status,
    )


@require_GET
@institution_rule("procedures:consultation_detail")
def consultation_detail(request: HttpRequest, institution: Institution, public_id: Any) -> HttpResponse:
    consultation = selectors.consultation_get(institution=institution, actor=request.user, public_id=public_id)
    return _render_detail(request, institution, consultation)


@require_POST
@institution_rule("procedures:consultation_transition")
def consultation_transition(request: HttpRequest, institution: Institution, public_id: Any, action: str) -> HttpResponse:
    """Fires one action of the consultation table. A refusal re-renders the page with the message and the
    error's status (403 wrong role, 409 wrong state or missing reasons); success redirects (303)."""
    consultation = selectors.consultation_get(institution=institution, actor=request.user, public_id=public_id)
    form = TransitionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.procedure_transition(obj=consultation, action=action, actor=request.user, reason=reason)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return _render_detail(request, institution, consultation, status=exc.status, form=form)
    messages.success(request, _("Listo: la consulta quedó «%(state)s».") % {
        "state": CONSULTATION.state_label(consultation.status)})
    response = redirect(consultation.get_absolute_url())
    response.status_code = 303
    return response
