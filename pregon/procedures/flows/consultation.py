"""Consultation of pertinence (rosarito:9.7, iee-sonora:6.VIII): an account administrator asks Communications
whether a text may be published; silence past the policy's term is the policy's outcome (*no procedente* in
rosarito:9.7): its transition table ``CONSULTATION``, its services, its input, pages and API."""

from __future__ import annotations

import logging
import uuid as _uuid
from typing import TYPE_CHECKING, Annotated, Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from pregon.core.errors import ApplicationError
from pregon.institutions.access import RoleRequired, require_role
from pregon.institutions.policies import policy_for
from pregon.policy import Policy
from pregon.procedures.models.consultation import ConsultationStatus

from ..inputs import UI, Input
from ..models import Consultation
from ..services import procedure_create, procedure_transition
from ..spec import Create, ProcedureSpec, by_account, register_spec
from ..workflows import (
    OWNER,
    SYSTEM,
    Transition,
    TransitionContext,
    Workflow,
    clauses_of,
    policy_attr,
    register,
    workflow_for,
)

if TYPE_CHECKING:
    from pregon.notifications.services import Message

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------- the table

def _consultation_clauses(policy: Policy) -> tuple[str, ...]:
    return clauses_of(policy, "consultation.enabled") or clauses_of(policy, "consultation.deadline")


def _consultation_enabled_guard(obj: Any, ctx: TransitionContext) -> str | None:
    if ctx.workflow.is_enabled(ctx.policy):
        return None
    return consultation_disabled_message(ctx.policy)


def consultation_disabled_message(policy: Policy) -> str:
    return gettext(
        "La norma de esta institución (%(norm)s) no prevé la consulta de pertinencia a Comunicación Social; "
        "no se pueden abrir consultas."
    ) % {"norm": policy.meta.title or policy.meta.name}


def _set_submitted(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.submitted_at = ctx.now
    return {"submitted_at": [None, ctx.now]}


def _set_decided(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.decided_by = ctx.actor
    obj.decided_at = ctx.now
    obj.reasons = ctx.reason
    return {"decided_at": [None, ctx.now], "reasons": ["", ctx.reason]}


def _set_decided_by_silence(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.decided_by = None
    obj.decided_at = ctx.now
    obj.reasons = ctx.reason
    return {"decided_at": [None, ctx.now], "reasons": ["", ctx.reason]}  # expired_deadline: procedure_transition


def _set_withdrawn(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.withdrawn_at = ctx.now
    return {"withdrawn_at": [None, ctx.now]}


def _consultation_on_expiry(policy: Policy) -> str:
    return "expire_approved" if policy.consultation.silence_outcome == "approved" else "expire"


def _notify_submitted(obj: Any, ctx: TransitionContext) -> list[Message]:
    from ..notifications import consultation_submitted_messages

    return consultation_submitted_messages(obj, ctx)


def _notify_decided(obj: Any, ctx: TransitionContext) -> list[Message]:
    from ..notifications import consultation_decided_messages

    return consultation_decided_messages(obj, ctx)


_S = ConsultationStatus
_ANSWERED_BY = policy_attr("consultation.answered_by")

CONSULTATION = register(
    Workflow(
        name="consultation",
        label=_("consulta de pertinencia"),
        states=ConsultationStatus,
        initial=_S.DRAFT,
        enabled="consultation.enabled",
        disabled_message=lambda policy: consultation_disabled_message(policy),
        transitions=(
            Transition(
                "submit", (_S.DRAFT,), _S.SUBMITTED, roles=("account_admin",),
                guard=_consultation_enabled_guard, effect=_set_submitted, notify=_notify_submitted,
                deadline="consultation.deadline", on_expiry=_consultation_on_expiry,
                label=_("enviar la consulta"), clauses=_consultation_clauses, event="submitted",
            ),
            Transition(
                "approve", (_S.SUBMITTED,), _S.APPROVED, roles=_ANSWERED_BY, effect=_set_decided,
                notify=_notify_decided, label=_("declarar procedente"), clauses=_consultation_clauses,
                event="approved",
            ),
            Transition(
                "reject", (_S.SUBMITTED,), _S.REJECTED, roles=_ANSWERED_BY, requires_reason=True,
                effect=_set_decided, notify=_notify_decided, label=_("declarar no procedente"), style="danger",
                clauses=_consultation_clauses, event="rejected",
            ),
            Transition(
                "withdraw", (_S.DRAFT, _S.SUBMITTED), _S.WITHDRAWN, roles=(OWNER,), effect=_set_withdrawn,
                label=_("retirar la consulta"), style="secondary", event="withdrawn",
            ),
            Transition(
                "expire", (_S.SUBMITTED,), _S.REJECTED_BY_SILENCE, roles=(SYSTEM,),
                effect=_set_decided_by_silence, notify=_notify_decided,
                label=_("no procedente por falta de respuesta"), clauses=_consultation_clauses,
                event="rejected_by_silence",
            ),
            Transition(
                "expire_approved", (_S.SUBMITTED,), _S.APPROVED_BY_SILENCE, roles=(SYSTEM,),
                effect=_set_decided_by_silence, notify=_notify_decided,
                label=_("procedente por falta de respuesta"), clauses=_consultation_clauses,
                event="approved_by_silence",
            ),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services

def checker_findings(text: str, policy: Policy, *, institution: Any = None, account: Any = None) -> dict[str, Any]:
    """A snapshot of the compliance checker's findings on `text`, stored on the consultation, checked with the
    institution's context (own domains and published contacts, officials' names, the account's platform, the
    archive for the spam rule) as "Revisar publicación" does, so both show the same findings.

    Falls back to `{"available": False}` when the checker fails on the text: a consultation must still reach
    Communications, which then reads the text without the automatic findings.
    """
    from pregon.checker import check

    try:
        context = None
        if institution is not None:
            from pregon.publications.checking import checker_context_for

            context = checker_context_for(institution, account, policy=policy)
        findings = check(text, policy, context)
        items = [f.as_dict() if hasattr(f, "as_dict") else dict(f) for f in findings]
    except Exception:
        logger.exception("checker failed on a consultation text")
        return {"available": False, "items": [], "note": gettext("El verificador automático falló con este texto.")}
    return {"available": True, "items": items, "policy_version": policy.version}


def consultation_create(
    *,
    institution: Any,
    actor: Any,
    text: str,
    question: str = "",
    account: Any = None,
    account_label: str = "",
    submit: bool = True,
) -> Consultation:
    """An account administrator asks Communications whether `text` may be published (rosarito:9.7,
    iee-sonora:6.VIII). Freezes the checker's findings; by default submits at once (starting the answer
    deadline and notifying Communications). One ledger event: `consultation.submitted` (or `.created`)."""
    if not (text or "").strip():
        raise ApplicationError(gettext("Escriba el texto que desea publicar."), code="INVALID_DATA",
                               extra={"errors": {"text": [gettext("Este campo es obligatorio.")]}})
    if not getattr(actor, "is_authenticated", False):
        raise RoleRequired(gettext("Inicie sesión para hacer una consulta."), code="ACTOR_REQUIRED")
    policy = policy_for(institution)
    consultation = Consultation(
        institution=institution,
        asked_by=actor,
        text=text.strip(),
        question=(question or "").strip(),
        account=account,
        account_label=(str(account) if account is not None else (account_label or "").strip())[:255],
    )
    # Check access and the norm before running the checker on the text.
    workflow = workflow_for(consultation)
    require_role(actor, institution, write=True)
    if workflow.is_enabled(policy):
        consultation.findings = checker_findings(consultation.text, policy, institution=institution, account=account)
    return procedure_create(obj=consultation, actor=actor, submit="submit" if submit else None)


def consultation_approve(*, consultation: Consultation, actor: Any, reason: str = "") -> Consultation:
    """Communications declares the publication procedente; the asker is notified."""
    return procedure_transition(obj=consultation, action="approve", actor=actor, reason=reason)


def consultation_reject(*, consultation: Consultation, actor: Any, reason: str) -> Consultation:
    """Communications declares the publication no procedente, with reasons (required); the asker is notified."""
    return procedure_transition(obj=consultation, action="reject", actor=actor, reason=reason)


def consultation_withdraw(*, consultation: Consultation, actor: Any, reason: str = "") -> Consultation:
    """The asker withdraws the consultation; its answer deadline is cancelled."""
    return procedure_transition(obj=consultation, action="withdraw", actor=actor, reason=reason)


# ---------------------------------------------------------------------------------------------- the spec


class ConsultationIn(Input):
    account: Annotated[_uuid.UUID | None, UI(_("Cuenta"), ref="account",
                                             help=_("La cuenta en la que se publicaría el contenido."))] = None
    text: Annotated[str, Field(min_length=1, max_length=10000), UI(_("Texto a publicar"), widget="textarea")]
    question: Annotated[str, Field(max_length=4000), UI(
        _("Duda"), widget="textarea", help=_("Explique qué le hace dudar sobre la pertinencia de publicarlo."))] = ""


def _preview(institution: Any, policy: Policy, data: dict[str, Any]) -> dict[str, Any]:
    return {"findings": checker_findings(data["text"], policy, institution=institution, account=data.get("account"))}


def _context(institution: Any, policy: Policy) -> dict[str, Any]:
    return {"deadline": policy.consultation.deadline}


CONSULTATION_SPEC = register_spec(ProcedureSpec(
    key="consultation", position=10, model=Consultation, segment="consultas", api_segment="consultations",
    title=_("Consulta de pertinencia"), title_plural=_("Consultas de pertinencia"),
    columns=((_("Cuenta"), "account_label"), (_("Consulta de"), "asked_by")),
    create=Create(ConsultationIn, consultation_create, roles=("account_admin",), panel="procedures/partials/_consultation_create.html",
                  context=_context, preview=_preview, success=_("Consulta enviada a Comunicación Social."),
                  button=_("Enviar consulta")),
    readers=("comms", "account_admin", "area_head"),
    # one about an account follows the account; one without yet is read by Communications, area heads and the auditor
    scope=by_account(without_account=frozenset({"comms", "area_head", "auditor"})),
    panel="procedures/partials/_consultation_fields.html",
    select_related=("asked_by", "decided_by", "account__platform"),
))
