"""Pages of the account procedures (opening request, administrator change, credential rotation, live-stream
authorisation): list, new, detail (the decision page: one form per action the user may fire now, from
`available_transitions`) and the transition POST. One set of plain views per procedure, built from a `Pages` spec;
rules per URL name in `pregon/permissions.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pregon.core.errors import ApplicationError
from pregon.institutions.models import Institution
from pregon.institutions.policies import calendar_for, policy_for
from pregon.permissions import institution_rule

from . import forms_accounts as f
from . import selectors, services_accounts
from .deadlines import time_left
from .models import AdministratorChange, CredentialRotation, LiveStreamAuthorisation, OpeningRequest
from .workflows import Workflow, available_transitions, workflow_named


@dataclass(frozen=True)
class Pages:
    key: str  # URL name prefix, e.g. "opening_request"
    model: type
    title: Any
    title_plural: Any
    create_form: type[forms.Form]
    create: Callable[[Institution, Any, dict[str, Any]], Any]
    action_forms: dict[str, type[forms.Form]] = field(default_factory=dict)
    columns: tuple[tuple[Any, str], ...] = ()  # (heading, attribute) for the list

    @property
    def workflow(self) -> Workflow:
        return workflow_named(self.model.workflow_name)


def _create_opening(institution: Institution, actor: Any, data: dict[str, Any]) -> Any:
    return services_accounts.opening_request_create(institution=institution, actor=actor, **data)


def _create_admin_change(institution: Institution, actor: Any, data: dict[str, Any]) -> Any:
    return services_accounts.administrator_change_create(institution=institution, actor=actor, **data)


def _create_rotation(institution: Institution, actor: Any, data: dict[str, Any]) -> Any:
    return services_accounts.credential_rotation_create(institution=institution, actor=actor, **data)


def _create_live_stream(institution: Institution, actor: Any, data: dict[str, Any]) -> Any:
    return services_accounts.live_stream_create(institution=institution, actor=actor, **data)


PAGES: dict[str, Pages] = {
    p.key: p
    for p in (
        Pages("opening_request", OpeningRequest, gettext_lazy("Solicitud de apertura de cuenta"),
              gettext_lazy("Solicitudes de apertura de cuenta"), f.OpeningRequestForm, _create_opening,
              {"give_opinion": f.OpinionForm, "approve": f.ApproveOpeningForm, "report": f.ReportOpeningForm},
              ((gettext_lazy("Cuenta propuesta"), "proposed_name"), (gettext_lazy("Red"), "platform"),
               (gettext_lazy("Área"), "area"))),
        Pages("administrator_change", AdministratorChange, gettext_lazy("Cambio de administrador"),
              gettext_lazy("Cambios de administrador"), f.AdministratorChangeForm, _create_admin_change,
              {"designate": f.DesignateForm},
              ((gettext_lazy("Cuenta"), "account"), (gettext_lazy("Sale"), "leaving_label"))),
        Pages("credential_rotation", CredentialRotation, gettext_lazy("Cambio de contraseñas"),
              gettext_lazy("Cambios de contraseñas"), f.CredentialRotationForm, _create_rotation,
              {"attest": f.AttestForm},
              ((gettext_lazy("Cuenta"), "account"), (gettext_lazy("Motivo"), "get_trigger_display"))),
        Pages("live_stream", LiveStreamAuthorisation, gettext_lazy("Transmisión en vivo"),
              gettext_lazy("Transmisiones en vivo"), f.LiveStreamForm, _create_live_stream, {},
              ((gettext_lazy("Tema"), "title"), (gettext_lazy("Cuenta"), "account"),
               (gettext_lazy("Inicio"), "starts_at"))),
    )
}


def _form_kwargs(form_class: type[forms.Form], institution: Institution) -> dict[str, Any]:
    import inspect

    return {"institution": institution} if "institution" in inspect.signature(form_class.__init__).parameters else {}


def _get(pages: Pages, institution: Institution, public_id: Any) -> Any:
    try:
        return pages.model.objects.select_related("institution").get(institution=institution, public_id=public_id)
    except (pages.model.DoesNotExist, ValueError):
        raise Http404(_("No se encontró el trámite.")) from None


def _row(obj: Any, attr: str) -> Any:
    value = getattr(obj, attr)
    return value() if callable(value) else value


def _list_view(pages: Pages) -> Callable[..., HttpResponse]:
    @require_GET
    @institution_rule(f"procedures:{pages.key}_list")
    def view(request: HttpRequest, institution: Institution) -> HttpResponse:
        status = request.GET.get("estado") or None
        states = pages.workflow.states
        qs = pages.model.objects.filter(institution=institution).select_related("institution")
        if status in states.values:
            qs = qs.filter(status=status)
        else:
            status = None
        policy = policy_for(institution)
        rows = [(obj, [_row(obj, attr) for _h, attr in pages.columns]) for obj in qs[:200]]
        return render(request, "procedures/account_procedure_list.html", {
            "institution": institution, "pages": pages, "rows": rows, "statuses": states.choices, "status": status,
            "enabled": pages.workflow.is_enabled(policy),
            "disabled_message": "" if pages.workflow.is_enabled(policy) or not pages.workflow.disabled_message
            else pages.workflow.disabled_message(policy),
            "create_url": f"procedures:{pages.key}_create",
        })

    view.__name__ = f"{pages.key}_list"
    return view


def _create_view(pages: Pages) -> Callable[..., HttpResponse]:
    @require_http_methods(["GET", "POST"])
    @institution_rule(f"procedures:{pages.key}_create")
    def view(request: HttpRequest, institution: Institution) -> HttpResponse:
        policy = policy_for(institution)
        enabled = pages.workflow.is_enabled(policy)
        form = pages.create_form(request.POST or None, institution=institution)
        status = 200
        if request.method == "POST" and form.is_valid():
            try:
                obj = pages.create(institution, request.user, dict(form.cleaned_data))
            except ApplicationError as exc:
                messages.error(request, exc.message)
                status = exc.status
            else:
                messages.success(request, _("Trámite registrado: «%(state)s».") % {
                    "state": pages.workflow.state_label(obj.status)})
                return redirect(obj.get_absolute_url())
        return render(request, "procedures/account_procedure_form.html", {
            "institution": institution, "pages": pages, "form": form, "enabled": enabled,
            "disabled_message": "" if enabled or not pages.workflow.disabled_message
            else pages.workflow.disabled_message(policy),
        }, status=status)

    view.__name__ = f"{pages.key}_create"
    return view


def _render_detail(request: HttpRequest, pages: Pages, institution: Institution, obj: Any, *, status: int = 200,
                   bound: tuple[str, forms.Form] | None = None) -> HttpResponse:
    policy = policy_for(institution)
    deadlines = list(selectors.open_deadlines_of(obj))
    now = timezone.now()
    calendar = calendar_for(institution) if deadlines else None
    actions = []
    for t in available_transitions(obj, request.user, policy):
        if bound is not None and bound[0] == t.name:
            form = bound[1]
        else:
            form_class = pages.action_forms.get(t.name, f.ReasonForm)
            form = form_class(prefix=t.name, **_form_kwargs(form_class, institution))
        actions.append((t, form))
    return render(request, "procedures/account_procedure_detail.html", {
        "institution": institution, "pages": pages, "obj": obj, "actions": actions,
        "state_label": pages.workflow.state_label(obj.status),
        "history": selectors.transition_history(obj), "events": selectors.ledger_events_of(obj),
        "deadlines": [(d, time_left(calendar, now, d.due_at, d.duration_unit)) for d in deadlines],
        "fields_template": f"procedures/partials/_{pages.key}_fields.html",
    }, status=status)


def _detail_view(pages: Pages) -> Callable[..., HttpResponse]:
    @require_GET
    @institution_rule(f"procedures:{pages.key}_detail")
    def view(request: HttpRequest, institution: Institution, public_id: Any) -> HttpResponse:
        return _render_detail(request, pages, institution, _get(pages, institution, public_id))

    view.__name__ = f"{pages.key}_detail"
    return view


def _transition_view(pages: Pages) -> Callable[..., HttpResponse]:
    @require_POST
    @institution_rule(f"procedures:{pages.key}_transition")
    def view(request: HttpRequest, institution: Institution, public_id: Any, action: str) -> HttpResponse:
        """Fires one action. A refusal re-renders the page with the message and the error's status (403 wrong role,
        409 wrong state or guard); success redirects (303)."""
        obj = _get(pages, institution, public_id)
        form_class = pages.action_forms.get(action, f.ReasonForm)
        form = form_class(request.POST, prefix=action, **_form_kwargs(form_class, institution))
        if not form.is_valid():
            messages.error(request, _("Revise los datos del formulario."))
            return _render_detail(request, pages, institution, obj, status=400, bound=(action, form))
        data = form.service_data() if hasattr(form, "service_data") else dict(form.cleaned_data)
        reason = data.pop("reason", "") or ""
        try:
            services_accounts.account_procedure_act(obj=obj, action=action, actor=request.user, reason=reason,
                                                    data=data)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return _render_detail(request, pages, institution, obj, status=exc.status, bound=(action, form))
        obj.refresh_from_db()
        messages.success(request, _("Listo: el trámite quedó «%(state)s».") % {
            "state": pages.workflow.state_label(obj.status)})
        response = redirect(obj.get_absolute_url())
        response.status_code = 303
        return response

    view.__name__ = f"{pages.key}_transition"
    return view


VIEWS: dict[str, Callable[..., HttpResponse]] = {}
for _pages in PAGES.values():
    for _make in (_list_view, _create_view, _detail_view, _transition_view):
        _view = _make(_pages)
        VIEWS[_view.__name__] = _view
