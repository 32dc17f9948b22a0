"""Lifecycle procedures API under /api/v1/procedures/ — thin adapters over selectors and services:

    GET  /{institution}/lifecycle                                  open incidents, closures, flags… of the institution
    POST /{institution}/accounts/{account}/incidents               report an incident
    POST /{institution}/accounts/{account}/closures                the area's closure notice
    GET  /{institution}/lifecycle/{kind}/{id}                       detail with the actions the caller may fire now
    POST /{institution}/lifecycle/{kind}/{id}/transitions           {"action": "close", "reason": "…", "step": "…"}

`kind` is closure | abandonment | recertification | incident | regularisation.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import Field

from pregon.institutions.access import institution_for_user_or_404

from . import selectors, services_lifecycle
from .services import procedure_transition
from .workflows import available_transitions

router = Router(tags=["procedures"])
Kind = Literal["closure", "abandonment", "recertification", "incident", "regularisation"]


class LifecycleItemOut(Schema):
    id: uuid.UUID
    kind: str
    status: str
    account: str
    created_at: Any


class LifecycleGetOut(Schema):
    id: uuid.UUID
    kind: str
    status: str
    account: str
    deadlines: list[dict]
    available_actions: list[str]


class LifecycleTransitionIn(Schema):
    action: str = Field(min_length=1, max_length=64)
    reason: str = Field(default="", max_length=8000)
    step: str = Field(default="", max_length=32)
    credentials_rotated: bool = False


class IncidentCreateIn(Schema):
    kind: Literal["hijacked", "unauthorised_operator", "lost_credentials"]
    description: str = Field(min_length=1, max_length=8000)


class ClosureCreateIn(Schema):
    motive: str = Field(min_length=1, max_length=4000)


def _out(kind: str, obj: Any, user: Any) -> LifecycleGetOut:
    return LifecycleGetOut(
        id=obj.public_id, kind=kind, status=obj.status, account=obj.account_label,
        deadlines=[{"id": str(d.public_id), "kind": d.kind, "due_at": d.due_at.isoformat(), "clauses": d.clauses,
                    "on_expiry": d.on_expiry} for d in selectors.open_deadlines_of(obj)],
        available_actions=[t.name for t in available_transitions(obj, user)],
    )


@router.get("/{institution}/lifecycle", response=list[LifecycleItemOut])
def lifecycle_list(request: HttpRequest, institution: str) -> list[LifecycleItemOut]:
    found = institution_for_user_or_404(request.user, institution)
    return [LifecycleItemOut(id=o.public_id, kind=o.workflow_name, status=o.status, account=o.account_label,
                             created_at=o.created_at)
            for o in selectors.lifecycle_open_list(institution=found, actor=request.user)]


@router.post("/{institution}/accounts/{account_id}/incidents", response={201: LifecycleGetOut})
def incident_create(request: HttpRequest, institution: str, account_id: uuid.UUID, payload: IncidentCreateIn) -> Status:
    found = institution_for_user_or_404(request.user, institution)
    account = selectors.lifecycle_account_get(institution=found, actor=request.user, public_id=account_id)
    obj = services_lifecycle.incident_report(account=account, actor=request.user, kind=payload.kind,
                                             description=payload.description)
    return Status(201, _out("incident", obj, request.user))


@router.post("/{institution}/accounts/{account_id}/closures", response={201: LifecycleGetOut})
def closure_create(request: HttpRequest, institution: str, account_id: uuid.UUID, payload: ClosureCreateIn) -> Status:
    found = institution_for_user_or_404(request.user, institution)
    account = selectors.lifecycle_account_get(institution=found, actor=request.user, public_id=account_id)
    obj = services_lifecycle.closure_request_create(account=account, actor=request.user, motive=payload.motive)
    return Status(201, _out("closure", obj, request.user))


@router.get("/{institution}/lifecycle/{kind}/{item_id}", response=LifecycleGetOut)
def lifecycle_get(request: HttpRequest, institution: str, kind: Kind, item_id: uuid.UUID) -> LifecycleGetOut:
    found = institution_for_user_or_404(request.user, institution)
    obj = selectors.lifecycle_get(kind=kind, institution=found, actor=request.user, public_id=item_id)
    return _out(kind, obj, request.user)


@router.post("/{institution}/lifecycle/{kind}/{item_id}/transitions", response=LifecycleGetOut)
def lifecycle_transition(request: HttpRequest, institution: str, kind: Kind, item_id: uuid.UUID,
                         payload: LifecycleTransitionIn) -> LifecycleGetOut:
    found = institution_for_user_or_404(request.user, institution)
    obj = selectors.lifecycle_get(kind=kind, institution=found, actor=request.user, public_id=item_id)
    data = {"credentials_rotated": payload.credentials_rotated, "note": payload.reason}
    if payload.step:
        data["step"] = payload.step
    obj = procedure_transition(obj=obj, action=payload.action, actor=request.user, reason=payload.reason, data=data)
    return _out(kind, obj, request.user)
