"""API of the account procedures, mounted by `procedures/api.py` under /api/v1/procedures/:

    GET  /{institution}/{procedure}                    list, ?status=… — {procedure} is one of the literal
                                                       segments opening-requests, administrator-changes,
                                                       credential-rotations, live-streams
    GET  /{institution}/{procedure}/{id}               detail with the actions the caller may fire now
    POST /{institution}/{procedure}/{id}/transitions   {"action": "approve", "reason": "…", "data": {…}}
    POST /{institution}/opening-requests               create (signed at once)
    POST /{institution}/administrator-changes          create
    POST /{institution}/credential-rotations           create
    POST /{institution}/live-streams                   create

Errors: the project's ApplicationError shape (404 other institution, 403 wrong role, 409 wrong state/guard).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import Field

from pregon.core.errors import NotFound
from pregon.institutions.access import institution_for_user_or_404, require_role
from pregon.institutions.models import Area, Official
from pregon.registry.models import Administrator, Platform, SocialAccount

from . import selectors, services_accounts
from .models import AdministratorChange, CredentialRotation, LiveStreamAuthorisation, OpeningRequest
from .workflows import available_transitions

router = Router(tags=["procedures"])

MODELS = {
    "opening-requests": OpeningRequest,
    "administrator-changes": AdministratorChange,
    "credential-rotations": CredentialRotation,
    "live-streams": LiveStreamAuthorisation,
}
READERS = ("comms", "it", "area_head", "account_admin")
# Who reads each procedure (as `permissions.py` says for its pages); the auditor reads everything anyway.
READERS_OF = {procedure: READERS for procedure in MODELS} | {"live-streams": ("comms", "area_head", "account_admin")}


class AccountProcedureDeadlineOut(Schema):
    due_at: dt.datetime
    duration: str
    clauses: list[str]
    on_expiry: str
    responsible_role: str


class AccountProcedureListOut(Schema):
    id: uuid.UUID
    procedure: str
    status: str
    label: str
    created_at: dt.datetime


class AccountProcedureGetOut(Schema):
    id: uuid.UUID
    procedure: str
    institution: str
    status: str
    label: str
    account: str | None
    reasons: str
    deadline: AccountProcedureDeadlineOut | None
    available_actions: list[str]


class AccountProcedureTransitionIn(Schema):
    action: str = Field(min_length=1, max_length=64)
    reason: str = Field(default="", max_length=4000)
    data: dict[str, Any] = Field(default_factory=dict)


class AccountProcedureTransitionOut(Schema):
    id: uuid.UUID
    status: str
    available_actions: list[str]


class OpeningRequestCreateIn(Schema):
    area: uuid.UUID
    platform: str
    tier: str = "main"
    proposed_name: str = Field(min_length=1, max_length=255)
    objectives: str = ""
    scope: str = ""
    coverage_or_benefits: str = ""
    justification: str = ""


class AdministratorChangeCreateIn(Schema):
    account: uuid.UUID
    leaving: uuid.UUID | None = None
    cause: str = Field(default="", max_length=255)


class CredentialRotationCreateIn(Schema):
    account: uuid.UUID
    person_label: str = Field(default="", max_length=255)


class LiveStreamCreateIn(Schema):
    account: uuid.UUID
    title: str = Field(min_length=1, max_length=255)
    starts_at: dt.datetime
    description: str = ""


class AccountProcedureCreateOut(Schema):
    id: uuid.UUID
    status: str


def _model(procedure: str) -> Any:
    model = MODELS.get(procedure)
    if model is None:
        raise NotFound("No existe ese trámite.", code="PROCEDURE_NOT_FOUND")
    return model


def _get(found: Any, procedure: str, public_id: uuid.UUID, actor: Any) -> Any:
    require_role(actor, found, *READERS_OF[procedure])
    obj = _model(procedure).objects.filter(institution=found, public_id=public_id).first()
    if obj is None:
        raise NotFound("No se encontró el trámite.")
    return obj


def _by_public_id(model: Any, institution: Any, public_id: uuid.UUID | None, what: str, **filters: Any) -> Any:
    if public_id is None:
        return None
    obj = model.objects.filter(public_id=public_id, **filters).first()
    if obj is None:
        raise NotFound(f"No se encontró {what}.", code="NOT_FOUND")
    return obj


def _deadline(obj: Any) -> AccountProcedureDeadlineOut | None:
    d = selectors.open_deadlines_of(obj).first()
    if d is None:
        return None
    return AccountProcedureDeadlineOut(due_at=d.due_at, duration=f"{d.duration_amount} {d.duration_unit}",
                                       clauses=list(d.clauses), on_expiry=d.on_expiry,
                                       responsible_role=d.responsible_role)


def _translate_data(found: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Public ids in an action's data (official, administrators) become rows of the institution."""
    out = dict(data)
    if out.get("official"):
        out["official"] = _by_public_id(Official, found, uuid.UUID(str(out["official"])), "al servidor público",
                                        institution=found)
    if isinstance(out.get("administrators"), list):
        out["administrators"] = [
            (_by_public_id(Official, found, uuid.UUID(str(a["official"])), "al servidor público", institution=found),
             str(a.get("role") or "primary"))
            for a in out["administrators"]
        ]
    return out


def _register(procedure: str) -> None:
    """list / detail / transitions for one procedure, with its literal path segment (never a catch-all that could
    shadow other procedures' routes)."""

    @router.get(f"/{{institution}}/{procedure}", response=list[AccountProcedureListOut],
                operation_id=f"{procedure.replace('-', '_')}_list")
    def account_procedure_list(request: HttpRequest, institution: str,
                               status: str | None = None) -> list[AccountProcedureListOut]:
        found = institution_for_user_or_404(request.user, institution)
        require_role(request.user, found, *READERS_OF[procedure])
        qs = _model(procedure).objects.filter(institution=found)
        if status:
            qs = qs.filter(status=status)
        return [AccountProcedureListOut(id=o.public_id, procedure=procedure, status=o.status, label=str(o),
                                        created_at=o.created_at) for o in qs[:500]]

    @router.get(f"/{{institution}}/{procedure}/{{public_id}}", response=AccountProcedureGetOut,
                operation_id=f"{procedure.replace('-', '_')}_get")
    def account_procedure_get(request: HttpRequest, institution: str, public_id: uuid.UUID) -> AccountProcedureGetOut:
        found = institution_for_user_or_404(request.user, institution)
        obj = _get(found, procedure, public_id, request.user)
        account = getattr(obj, "account", None)
        return AccountProcedureGetOut(
            id=obj.public_id, procedure=procedure, institution=found.slug, status=obj.status, label=str(obj),
            account=str(account) if account else None, reasons=getattr(obj, "reasons", ""), deadline=_deadline(obj),
            available_actions=[t.name for t in available_transitions(obj, request.user)],
        )

    @router.post(f"/{{institution}}/{procedure}/{{public_id}}/transitions", response=AccountProcedureTransitionOut,
                 operation_id=f"{procedure.replace('-', '_')}_transition")
    def account_procedure_transition(request: HttpRequest, institution: str, public_id: uuid.UUID,
                                     payload: AccountProcedureTransitionIn) -> AccountProcedureTransitionOut:
        found = institution_for_user_or_404(request.user, institution)
        obj = _get(found, procedure, public_id, request.user)
        services_accounts.account_procedure_act(obj=obj, action=payload.action, actor=request.user,
                                                reason=payload.reason, data=_translate_data(found, payload.data))
        obj.refresh_from_db()
        return AccountProcedureTransitionOut(
            id=obj.public_id, status=obj.status,
            available_actions=[t.name for t in available_transitions(obj, request.user)])


for _procedure in MODELS:
    _register(_procedure)


@router.post("/{institution}/opening-requests", response={201: AccountProcedureCreateOut})
def opening_request_create(request: HttpRequest, institution: str, payload: OpeningRequestCreateIn) -> Status:
    found = institution_for_user_or_404(request.user, institution)
    area = _by_public_id(Area, found, payload.area, "el área", institution=found)
    platform = Platform.objects.filter(slug=payload.platform, is_active=True).first()
    if platform is None:
        raise NotFound("No se encontró la red social.", code="PLATFORM_NOT_FOUND")
    obj = services_accounts.opening_request_create(
        institution=found, actor=request.user, area=area, platform=platform, tier=payload.tier,
        proposed_name=payload.proposed_name, objectives=payload.objectives, scope=payload.scope,
        coverage_or_benefits=payload.coverage_or_benefits, justification=payload.justification,
    )
    return Status(201, AccountProcedureCreateOut(id=obj.public_id, status=obj.status))


@router.post("/{institution}/administrator-changes", response={201: AccountProcedureCreateOut})
def administrator_change_create(request: HttpRequest, institution: str,
                                payload: AdministratorChangeCreateIn) -> Status:
    found = institution_for_user_or_404(request.user, institution)
    account = _by_public_id(SocialAccount, found, payload.account, "la cuenta", institution=found)
    leaving = _by_public_id(Administrator, found, payload.leaving, "la asignación", account=account)
    obj = services_accounts.administrator_change_create(institution=found, actor=request.user, account=account,
                                                        leaving=leaving, cause=payload.cause)
    return Status(201, AccountProcedureCreateOut(id=obj.public_id, status=obj.status))


@router.post("/{institution}/credential-rotations", response={201: AccountProcedureCreateOut})
def credential_rotation_create(request: HttpRequest, institution: str, payload: CredentialRotationCreateIn) -> Status:
    found = institution_for_user_or_404(request.user, institution)
    account = _by_public_id(SocialAccount, found, payload.account, "la cuenta", institution=found)
    obj = services_accounts.credential_rotation_create(institution=found, actor=request.user, account=account,
                                                       person_label=payload.person_label)
    return Status(201, AccountProcedureCreateOut(id=obj.public_id, status=obj.status))


@router.post("/{institution}/live-streams", response={201: AccountProcedureCreateOut})
def live_stream_create(request: HttpRequest, institution: str, payload: LiveStreamCreateIn) -> Status:
    found = institution_for_user_or_404(request.user, institution)
    account = _by_public_id(SocialAccount, found, payload.account, "la cuenta", institution=found)
    obj = services_accounts.live_stream_create(institution=found, actor=request.user, account=account,
                                               title=payload.title, starts_at=payload.starts_at,
                                               description=payload.description)
    return Status(201, AccountProcedureCreateOut(id=obj.public_id, status=obj.status))
