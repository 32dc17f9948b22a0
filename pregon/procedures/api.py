"""The API of every procedure, derived from its spec, under /api/v1/procedures/ (OpenAPI at /api/v1/openapi.json):

    GET  /{institution}/{api_segment}?status=…&page=&page_size=   list (the envelope of pregon.core.pagination)
    POST /{institution}/{api_segment}                             create: the body is the spec's create input (201)
    GET  /{institution}/{api_segment}/{id}                        detail, with the actions the caller may fire now
    POST /{institution}/{api_segment}/{id}/{action}               fire an action: the body is that action's input

``api_segment`` is each spec's (``consultations``, ``opening-requests``, ``closures``…). Bodies are the same
``Input`` models as the HTML forms (pregon/procedures/inputs.py), so both validate alike; a reference to a row (an
account, an area, an official) is its public id (a platform: its slug), looked up among the rows the caller may
see. A naive date-time is read in the institution's time zone. Errors have the API's one shape,
``{"error": {"code", "message", "field"}}``: 404 unknown or malformed id (or not visible to the caller), 403 wrong
role, 409 wrong state or guard, 422 invalid input.

This module deliberately has no ``from __future__ import annotations``: ninja reads each endpoint's body type from
its annotations, which are the spec's models.
"""

import datetime as dt
import uuid
from typing import Any

from django.db import models
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.responses import Status

from pregon.core.errors import NotFound
from pregon.core.pagination import PageIn, PageOut, api_page
from pregon.institutions.access import institution_for_user_or_404, require_role

from . import selectors
from .inputs import Input, resolve
from .spec import ProcedureSpec, all_specs
from .views import act
from .workflows import available_transitions

router = Router(tags=["procedures"])


class DeadlineOut(Schema):
    id: uuid.UUID
    kind: str
    due_at: dt.datetime
    duration: str
    clauses: list[str]
    on_expiry: str
    responsible_role: str


class ProcedureListOut(Schema):
    id: uuid.UUID
    procedure: str
    status: str
    status_label: str
    label: str
    account: str | None
    created_at: dt.datetime


class ProcedureOut(Schema):
    id: uuid.UUID
    procedure: str
    institution: str
    status: str
    status_label: str
    label: str
    account: str | None
    created_at: dt.datetime
    details: dict[str, Any]
    deadlines: list[DeadlineOut]
    available_actions: list[str]


def _account_label(obj: Any) -> str | None:
    account = getattr(obj, "account", None)
    return str(account) if account is not None else (getattr(obj, "account_label", "") or None)


def _json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | uuid.UUID):
        return value.isoformat() if not isinstance(value, uuid.UUID) else str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def _details(obj: Any) -> dict[str, Any]:
    """The procedure's own fields (not the ones every procedure has), related rows by their name."""
    skip = {"id", "public_id", "institution", "status", "created_at", "updated_at", "policy_version"}
    out = {}
    for f in obj._meta.concrete_fields:
        if f.name in skip or isinstance(f, models.FileField):
            continue
        out[f.name] = _json(getattr(obj, f.name))
    return out


def _deadlines(obj: Any) -> list[DeadlineOut]:
    return [DeadlineOut(id=d.public_id, kind=d.kind, due_at=d.due_at,
                        duration=d.duration_display, clauses=list(d.clauses),
                        on_expiry=d.on_expiry, responsible_role=d.responsible_role)
            for d in selectors.open_deadlines_of(obj)]


def _out(spec: ProcedureSpec, obj: Any, user: Any) -> ProcedureOut:
    return ProcedureOut(
        id=obj.public_id, procedure=spec.key, institution=obj.institution.slug, status=obj.status,
        status_label=spec.workflow.state_label(obj.status), label=str(obj), account=_account_label(obj),
        created_at=obj.created_at, details=_details(obj), deadlines=_deadlines(obj),
        available_actions=[t.name for t in available_transitions(obj, user)],
    )


def _list_out(spec: ProcedureSpec) -> Any:
    def serialize(obj: Any) -> ProcedureListOut:
        return ProcedureListOut(id=obj.public_id, procedure=spec.key, status=obj.status,
                                status_label=spec.workflow.state_label(obj.status), label=str(obj),
                                account=_account_label(obj), created_at=obj.created_at)

    return serialize


def _found(request: HttpRequest, institution: str, spec: ProcedureSpec) -> Any:
    found = institution_for_user_or_404(request.user, institution)
    require_role(request.user, found, *spec.readers)
    return found


def _get(request: HttpRequest, institution: Any, spec: ProcedureSpec, public_id: str) -> Any:
    spec.require_reader(request.user, institution)
    obj = spec.get_visible(request.user, institution, public_id)
    if obj is None:
        raise NotFound("No se encontró el trámite.", code="PROCEDURE_NOT_FOUND")
    return obj


def _parse(model: type[Input], payload: Input, institution: Any, actor: Any) -> dict[str, Any]:
    return resolve(model, payload, institution=institution, actor=actor)


def _register(spec: ProcedureSpec) -> None:
    base = f"/{{institution}}/{spec.api_segment}"
    op = spec.api_segment.replace("-", "_")

    def procedure_list(request: HttpRequest, institution: str, paging: Query[PageIn],
                       status: str | None = None) -> dict[str, Any]:
        found = _found(request, institution, spec)
        qs = spec.visible(request.user, found).order_by("-created_at", "-pk")
        if status:
            qs = qs.filter(status=status)
        return api_page(qs, paging, _list_out(spec))

    procedure_list.__doc__ = f"{spec.title_plural} que el usuario puede ver, de la más reciente a la más antigua."
    router.get(base, response=PageOut[ProcedureListOut], operation_id=f"{op}_list",
               summary=str(spec.title_plural))(procedure_list)

    def procedure_get(request: HttpRequest, institution: str, public_id: str) -> ProcedureOut:
        found = _found(request, institution, spec)
        return _out(spec, _get(request, found, spec, public_id), request.user)

    router.get(f"{base}/{{public_id}}", response=ProcedureOut, operation_id=f"{op}_get",
               summary=str(spec.title))(procedure_get)

    if spec.create is not None:
        create = spec.create

        def procedure_create(request: HttpRequest, institution: str, payload: Any) -> Status:
            found = institution_for_user_or_404(request.user, institution)
            data = _parse(create.input, payload, found, request.user)
            obj = create.service(institution=found, actor=request.user, **data)
            obj.refresh_from_db()
            return Status(201, _out(spec, obj, request.user))

        procedure_create.__annotations__["payload"] = create.input
        router.post(base, response={201: ProcedureOut}, operation_id=f"{op}_create",
                    summary=str(spec.title))(procedure_create)

    for transition in spec.workflow.transitions:
        if transition.is_system:
            continue
        _register_action(spec, base, op, transition.name, str(transition.label or transition.name))


def _register_action(spec: ProcedureSpec, base: str, op: str, action: str, label: str) -> None:
    model = spec.action(action).input

    def procedure_act(request: HttpRequest, institution: str, public_id: str, payload: Any) -> ProcedureOut:
        found = _found(request, institution, spec)
        obj = _get(request, found, spec, public_id)
        act(spec, obj, action, request.user, _parse(model, payload, found, request.user))
        obj.refresh_from_db()
        return _out(spec, obj, request.user)

    procedure_act.__annotations__["payload"] = model
    router.post(f"{base}/{{public_id}}/{action}", response=ProcedureOut, operation_id=f"{op}_{action}",
                summary=label)(procedure_act)


for _spec in all_specs():
    _register(_spec)
