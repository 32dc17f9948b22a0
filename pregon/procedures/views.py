"""The pages of every procedure, derived from its spec (``pregon/procedures/spec.py``): one set of views for all.

    /i/<institution>/tramites/                                   index ("Trámites")
    /i/<institution>/tramites/<segment>/                         list (?estado=…, paginated)
    /i/<institution>/tramites/<segment>/nueva/                   new (?cuenta=<account id> preselects the account)
    /i/<institution>/tramites/<segment>/<id>/                    detail: fields, deadlines, one form per action
    /i/<institution>/tramites/<segment>/<id>/<action>/           POST: fire one action

Each view parses the request, calls one selector or service and renders or redirects. Who may open each page is
the spec's rule in ``pregon/institutions/permissions.py`` (``@institution_rule``); which procedures a user sees is
``spec.visible()`` (404 for the others, as for an account they can't see); which buttons appear is
``available_transitions``; input goes through the action's ``Input`` model (``inputs.parse``), whose errors
re-render the form with Spanish messages (422) and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pregon.core.errors import ApplicationError
from pregon.core.pagination import paginate
from pregon.institutions.models import Institution
from pregon.institutions.permissions import institution_rule
from pregon.institutions.policies import calendar_for, policy_for

from . import selectors
from .deadlines import time_left
from .inputs import InputInvalid, fields_for, form_values, parse
from .spec import ProcedureSpec, all_specs
from .workflows import available_transitions


def _not_found() -> Http404:
    return Http404(_("No se encontró el trámite."))


def _get(spec: ProcedureSpec, request: HttpRequest, institution: Institution, public_id: Any) -> Any:
    """The procedure if the user may see it: 403 for a role that does not read this kind at all, 404 for one they
    may not see (another account's, another area's) or that does not exist."""
    spec.require_reader(request.user, institution)
    obj = spec.get_visible(request.user, institution, public_id)
    if obj is None:
        raise _not_found()
    return obj


def _cell(obj: Any, attr: str) -> Any:
    value = getattr(obj, attr)
    return value() if callable(value) else value


def _see_other(url: str) -> HttpResponse:
    response = redirect(url)
    response.status_code = 303
    return response


def _disabled_message(spec: ProcedureSpec, policy: Any) -> str:
    workflow = spec.workflow
    if workflow.is_enabled(policy) or not workflow.disabled_message:
        return ""
    return workflow.disabled_message(policy)


# ------------------------------------------------------------------------------------------------ index


@dataclass(frozen=True)
class ProcedureRow:
    spec: ProcedureSpec
    open_count: int
    readable: bool
    clauses: tuple[str, ...]

    @property
    def list_url(self) -> str | None:
        return self.spec.url_name("list") if self.readable else None


def procedure_rows(institution: Institution, user: Any) -> list[ProcedureRow]:
    """One row per procedure the institution's norm provides, with how many the user can see are open; one COUNT
    query per procedure."""
    from pregon.institutions.access import roles_of

    policy = policy_for(institution)
    held = roles_of(user, institution)
    rows = []
    for spec in all_specs():
        workflow = spec.workflow
        if not workflow.is_enabled(policy):
            continue
        readable = spec.may_read_kind(held, user.is_superuser)
        open_count = (spec.visible(user, institution).exclude(status__in=workflow.terminal_states())
                      .aggregate(n=Count("pk"))["n"] if readable else 0)
        rows.append(ProcedureRow(spec, open_count, readable, workflow.enabled_clause_refs(policy)))
    return rows


@require_GET
@institution_rule("procedures:index")
def procedure_index(request: HttpRequest, institution: Institution) -> HttpResponse:
    rows = procedure_rows(institution, request.user)
    return render(request, "procedures/procedure_index.html", {"institution": institution, "rows": rows})


# ------------------------------------------------------------------------------------------------ per procedure


def _list_view(spec: ProcedureSpec) -> Callable[..., HttpResponse]:
    @require_GET
    @institution_rule(spec.url_name("list"))
    def view(request: HttpRequest, institution: Institution) -> HttpResponse:
        states = spec.workflow.states
        status = request.GET.get("estado") or None
        qs = spec.visible(request.user, institution).order_by("-created_at", "-pk")
        if status in states.values:
            qs = qs.filter(status=status)
        else:
            status = None
        paged = paginate(request, qs)
        policy = policy_for(institution)
        rows = [(obj, [_cell(obj, attr) for _h, attr in spec.columns]) for obj in paged.items]
        return render(request, "procedures/procedure_list.html", {
            "institution": institution, "spec": spec, "rows": rows, "paged": paged,
            "statuses": states.choices, "status": status, "enabled": spec.workflow.is_enabled(policy),
            "disabled_message": _disabled_message(spec, policy),
            "clauses": spec.workflow.enabled_clause_refs(policy),
        })

    view.__name__ = f"{spec.key}_list"
    return view


def _create_view(spec: ProcedureSpec) -> Callable[..., HttpResponse]:
    create = spec.create
    assert create is not None

    @require_http_methods(["GET", "POST"])
    @institution_rule(spec.url_name("create"))
    def view(request: HttpRequest, institution: Institution) -> HttpResponse:
        policy = policy_for(institution)
        enabled = spec.workflow.is_enabled(policy)
        values: dict[str, Any] = {}
        errors: dict[str, list[str]] = {}
        extra: dict[str, Any] = {}
        status = 200
        initial = {"account": request.GET.get("cuenta", "")}
        if request.method == "POST":
            values = form_values(request.POST, create.input)
            try:
                if not enabled:
                    raise ApplicationError(_disabled_message(spec, policy), code="PROCEDURE_NOT_IN_NORM")
                data = parse(create.input, values, institution=institution, actor=request.user, form=True)
                if create.preview is not None and "preview" in request.POST:
                    extra = create.preview(institution, policy, data)
                else:
                    obj = create.service(institution=institution, actor=request.user, **data)
                    messages.success(request, f"{create.success} " + _("Estado: «%(state)s».") % {
                        "state": spec.workflow.state_label(obj.status)})
                    return _see_other(obj.get_absolute_url())
            except InputInvalid as exc:
                errors = exc.errors
                messages.error(request, _("Revise los datos del formulario."))
                status = exc.status
            except ApplicationError as exc:
                messages.error(request, exc.message)
                errors = exc.extra.get("errors") or {}
                status = exc.status
        context = {
            "institution": institution, "spec": spec, "enabled": enabled,
            "disabled_message": _disabled_message(spec, policy),
            "fields": fields_for(create.input, institution=institution, actor=request.user, values=values,
                                 errors=errors, initial=initial),
            "form_errors": errors.get("__all__", []),
            "panel": create.panel, "can_preview": create.preview is not None,
            **(create.context(institution, policy) if create.context else {}), **extra,
        }
        return render(request, "procedures/procedure_form.html", context, status=status)

    view.__name__ = f"{spec.key}_create"
    return view


def _render_detail(request: HttpRequest, spec: ProcedureSpec, institution: Institution, obj: Any, *,
                   status: int = 200, bound: tuple[str, dict[str, Any], dict[str, list[str]]] | None = None
                   ) -> HttpResponse:
    policy = policy_for(institution)
    deadlines = list(selectors.open_deadlines_of(obj))
    now = timezone.now()
    calendar = calendar_for(institution) if deadlines else None
    extra = spec.detail_context(obj, policy) if spec.detail_context else {}
    each: dict[str, list[tuple[str, Any]]] = extra.get("each", {})
    hide: dict[str, list[str]] = extra.get("hide", {})
    actions = []
    for t in available_transitions(obj, request.user, policy):
        model = spec.action(t.name).input
        values, errors = ({}, {})
        if bound is not None and bound[0] == t.name:
            values, errors = bound[1], bound[2]
        fields = [f for f in fields_for(model, institution=institution, actor=request.user, values=values,
                                        errors=errors, prefix=t.name) if f.name not in hide.get(t.name, ())]
        actions.append({"transition": t, "fields": fields, "each": each.get(t.name),
                        "errors": errors.get("__all__", [])})
    return render(request, "procedures/procedure_detail.html", {
        "institution": institution, "spec": spec, "obj": obj, "actions": actions,
        "state_label": spec.workflow.state_label(obj.status), "workflow": spec.workflow,
        "history": _history(spec, obj), "events": _events(spec, obj),
        "downloads": [d for d in spec.downloads if d.available(obj)],
        "deadlines": [(d, time_left(calendar, now, d.due_at, d.duration_unit)) for d in deadlines],
        **extra,
    }, status=status)


def _history(spec: ProcedureSpec, obj: Any) -> list[Any]:
    """The transition records with the action and the states as the page names them (never their codes)."""
    workflow = spec.workflow
    labels = {t.name: t.label or t.name for t in workflow.transitions}
    records = list(selectors.transition_history(obj))
    for record in records:
        record.action_label = labels.get(record.action, record.action)
        record.from_label = workflow.state_label(record.from_status) if record.from_status else "—"
        record.to_label = workflow.state_label(record.to_status)
    return records


def _events(spec: ProcedureSpec, obj: Any) -> list[Any]:
    """The procedure's ledger events, each with the name of the action that wrote it."""
    workflow = spec.workflow
    labels = {workflow.ledger_action(t): t.label or t.name for t in workflow.transitions}
    events = list(selectors.ledger_events_of(obj))
    for event in events:
        event.label = labels.get(event.action, "")
    return events


def _detail_view(spec: ProcedureSpec) -> Callable[..., HttpResponse]:
    @require_GET
    @institution_rule(spec.url_name("detail"))
    def view(request: HttpRequest, institution: Institution, public_id: Any) -> HttpResponse:
        return _render_detail(request, spec, institution, _get(spec, request, institution, public_id))

    view.__name__ = f"{spec.key}_detail"
    return view


def act(spec: ProcedureSpec, obj: Any, action: str, actor: Any, data: dict[str, Any]) -> Any:
    """Fires ``action`` on ``obj`` with its parsed input: the action's own service, or the table's transition
    (``reason`` apart, the input is the transition's data). What the pages and the API both call."""
    from .services import procedure_transition

    declared = spec.action(action)
    if declared.service is not None:
        return declared.service(**{declared.obj_arg: obj}, actor=actor, **data)
    data = dict(data)
    reason = str(data.pop("reason", "") or "")
    return procedure_transition(obj=obj, action=action, actor=actor, reason=reason, data=data)


def _transition_view(spec: ProcedureSpec) -> Callable[..., HttpResponse]:
    @require_POST
    @institution_rule(spec.url_name("transition"))
    def view(request: HttpRequest, institution: Institution, public_id: Any, action: str) -> HttpResponse:
        """Fires one action. A refusal re-renders the page with the message and the error's status (422 bad
        input, 403 wrong role, 409 wrong state or guard); success redirects (303)."""
        obj = _get(spec, request, institution, public_id)
        model = spec.action(action).input
        values = form_values(request.POST, model, prefix=action)
        try:
            data = parse(model, values, institution=institution, actor=request.user, form=True)
            act(spec, obj, action, request.user, data)
        except InputInvalid as exc:
            messages.error(request, _("Revise los datos del formulario."))
            return _render_detail(request, spec, institution, obj, status=exc.status, bound=(action, values, exc.errors))
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return _render_detail(request, spec, institution, obj, status=exc.status,
                                  bound=(action, values, exc.extra.get("errors") or {}))
        obj.refresh_from_db()
        messages.success(request, _("Listo: el trámite quedó «%(state)s».") % {
            "state": spec.workflow.state_label(obj.status)})
        return _see_other(obj.get_absolute_url())

    view.__name__ = f"{spec.key}_transition"
    return view


def _download_view(spec: ProcedureSpec) -> Callable[..., HttpResponse]:
    @require_GET
    @institution_rule(spec.url_name("download"))
    def view(request: HttpRequest, institution: Institution, public_id: Any, name: str) -> HttpResponse:
        """One of the procedure's files, to whoever may see the procedure (404 when it has none yet)."""
        obj = _get(spec, request, institution, public_id)
        download = spec.download(name)
        found = download.content(obj) if download is not None else None
        if found is None:
            raise Http404(_("Este trámite no tiene ese archivo."))
        filename, data, content_type = found
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response

    view.__name__ = f"{spec.key}_download"
    return view


def views_for(spec: ProcedureSpec) -> dict[str, Callable[..., HttpResponse]]:
    """The views of one procedure, by page (list, create, detail, transition, download)."""
    views = {"list": _list_view(spec), "detail": _detail_view(spec), "transition": _transition_view(spec)}
    if spec.create is not None:
        views["create"] = _create_view(spec)
    if spec.downloads:
        views["download"] = _download_view(spec)
    return views
