"""Procedures API under /api/v1/procedures/ — thin adapters over selectors and services (errors: ApplicationError).

    GET  /{institution}/consultations?status=…          list
    POST /{institution}/consultations                   create (and submit, unless submit=false)
    GET  /{institution}/consultations/{id}              detail, with the actions the caller may fire now
    POST /{institution}/consultations/{id}/transitions  fire an action: {"action": "approve", "reason": "…"}
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from pregon.core.errors import NotFound
from pregon.institutions.access import institution_for_user_or_404

from . import selectors, services
from .models import Consultation, Deadline
from .schemas import (
    ConsultationCreateIn,
    ConsultationCreateOut,
    ConsultationGetOut,
    ConsultationListOut,
    ConsultationTransitionIn,
    ConsultationTransitionOut,
    DeadlineOut,
)
from .workflows import available_transitions

router = Router(tags=["procedures"])


def _name(user: Any) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _deadline_out(consultation: Consultation) -> DeadlineOut | None:
    deadline: Deadline | None = selectors.open_deadlines_of(consultation).first()
    if deadline is None:
        return None
    return DeadlineOut(
        id=deadline.public_id, due_at=deadline.due_at, duration=f"{deadline.duration_amount} {deadline.duration_unit}",
        clauses=list(deadline.clauses), on_expiry=deadline.on_expiry, responsible_role=deadline.responsible_role,
    )


@router.get("/{institution}/consultations", response=list[ConsultationListOut])
def consultation_list(request: HttpRequest, institution: str, status: str | None = None) -> list[ConsultationListOut]:
    found = institution_for_user_or_404(request.user, institution)
    return [
        ConsultationListOut(
            id=c.public_id, status=c.status, account=c.account_label, text=c.text, asked_by=_name(c.asked_by),
            created_at=c.created_at, decided_at=c.decided_at,
        )
        for c in selectors.consultation_list(institution=found, actor=request.user, status=status)[:500]
    ]


@router.post("/{institution}/consultations", response={201: ConsultationCreateOut})
def consultation_create(request: HttpRequest, institution: str, payload: ConsultationCreateIn) -> Status:
    found = institution_for_user_or_404(request.user, institution)
    account = None
    if payload.account is not None:
        from pregon.registry.models import SocialAccount

        account = SocialAccount.objects.filter(institution=found, public_id=payload.account).first()
        if account is None:
            raise NotFound("No se encontró la cuenta.", code="ACCOUNT_NOT_FOUND")
    consultation = services.consultation_create(
        institution=found, actor=request.user, text=payload.text, question=payload.question, account=account,
        submit=payload.submit,
    )
    return Status(201, ConsultationCreateOut(
        id=consultation.public_id, status=consultation.status, findings=consultation.findings,
        deadline=_deadline_out(consultation),
    ))


@router.get("/{institution}/consultations/{consultation_id}", response=ConsultationGetOut)
def consultation_get(request: HttpRequest, institution: str, consultation_id: uuid.UUID) -> ConsultationGetOut:
    found = institution_for_user_or_404(request.user, institution)
    c = selectors.consultation_get(institution=found, actor=request.user, public_id=consultation_id)
    return ConsultationGetOut(
        id=c.public_id, institution=found.slug, status=c.status, account=c.account_label, text=c.text,
        question=c.question, findings=c.findings, asked_by=_name(c.asked_by),
        decided_by=_name(c.decided_by) if c.decided_by else None, decided_at=c.decided_at, reasons=c.reasons,
        deadline=_deadline_out(c), available_actions=[t.name for t in available_transitions(c, request.user)],
    )


@router.post("/{institution}/consultations/{consultation_id}/transitions", response=ConsultationTransitionOut)
def consultation_transition(
    request: HttpRequest, institution: str, consultation_id: uuid.UUID, payload: ConsultationTransitionIn
) -> ConsultationTransitionOut:
    found = institution_for_user_or_404(request.user, institution)
    c = selectors.consultation_get(institution=found, actor=request.user, public_id=consultation_id)
    c = services.procedure_transition(obj=c, action=payload.action, actor=request.user, reason=payload.reason)
    return ConsultationTransitionOut(
        id=c.public_id, status=c.status, deadline=_deadline_out(c),
        available_actions=[t.name for t in available_transitions(c, request.user)],
    )


# Account procedures (opening requests, administrator changes, credential rotations, live streams).
from .api_accounts import router as _account_router  # noqa: E402

router.add_router("", _account_router)

from .api_lifecycle import router as _lifecycle_router  # noqa: E402

router.add_router("", _lifecycle_router)
