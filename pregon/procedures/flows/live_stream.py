"""Live-stream authorisation: the transition table `LIVE_STREAM` (pasto:3.19).

    draft ──submit (administrator, area head)──► submitted ──approve──► approved
                                                  └───────reject───► rejected
    (draft|submitted|approved) ──withdraw (owner)──► withdrawn
    submitted ──expire (system, at the stream's start)──► expired

- Only where `live_stream.authorisation_required` (pasto:3.19); elsewhere the procedure does not exist ("not
  required") and creating one is refused naming the norm.
- submit: the stream must start after the policy's `live_stream.lead_time` (business time from the institution's
  calendar) when one is set. The authoriser is told, with the clause.
- approve / reject: `live_stream.main_authorised_by` on main accounts (Communications), `alternate_authorised_by`
  on alternate ones (the area head, whose membership must cover the account's area). Not after the stream started.
- The deadline is the stream's start (a Deadline row created by `live_stream_create` below); at expiry
  the request is `expired`: without authorisation there is no stream; the requester is told.
"""

from __future__ import annotations

import datetime as _dt
import datetime as dt
import uuid as _uuid
from typing import Annotated, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from pregon.institutions.models import Institution
from pregon.institutions.policies import calendar_for, policy_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.live_stream import LiveStreamStatus
from pregon.registry.choices import Tier
from pregon.registry.models import SocialAccount

from ..deadlines import deadline_start, due_at_for, term_until
from ..inputs import UI, Input
from ..models import (
    Deadline,
    LiveStreamAuthorisation,
)
from ..services import invalid_input, procedure_create, procedure_transition, require_login
from ..spec import Action, Create, ProcedureSpec, by_account, register_spec
from ..workflows import OWNER, SYSTEM, Transition, TransitionContext, Workflow, register
from .common import cite, local, refs, require_role_for_area

_S = LiveStreamStatus


def authoriser_role(obj: Any, policy: Policy) -> str:
    ls = policy.live_stream
    return ls.alternate_authorised_by if obj.account.tier == Tier.ALTERNATE else ls.main_authorised_by


def authoriser_clauses(obj: Any, policy: Policy) -> tuple[str, ...]:
    field = "alternate_authorised_by" if obj.account.tier == Tier.ALTERNATE else "main_authorised_by"
    return refs(policy, f"live_stream.{field}")


def _authoriser_roles(policy: Policy) -> tuple[str, ...]:
    return tuple(dict.fromkeys((policy.live_stream.main_authorised_by, policy.live_stream.alternate_authorised_by)))


def _clauses(policy: Policy) -> tuple[str, ...]:
    return refs(policy, "live_stream.authorisation_required")


def disabled_message(policy: Policy) -> str:
    return gettext(
        "La norma de esta institución (%(norm)s) no exige autorización previa para transmitir en vivo; no hace "
        "falta solicitarla."
    ) % {"norm": policy.meta.title or policy.meta.name}


def lead_time_refusal(obj: Any, policy: Policy, now: Any) -> str | None:
    """The refusal when the stream starts too soon (or has started) for the policy's lead time."""
    if obj.starts_at <= now:
        return gettext("La transmisión ya empezó o su hora ya pasó: la autorización debe ser previa") + cite(
            _clauses(policy)) + "."
    lead = policy.live_stream.lead_time
    if lead is None:
        return None


    earliest = due_at_for(calendar_for(obj.institution), now, lead)
    if obj.starts_at < earliest:
        return gettext("Solicite la autorización con %(lead)s de anticipación: la transmisión debe ser a partir del "
                       "%(earliest)s") % {"lead": f"{lead.amount} {lead.unit}",
                                          "earliest": local(earliest, obj.institution)} + cite(
            refs(policy, "live_stream.lead_time")) + "."
    return None


def _submit_guard(obj: Any, ctx: TransitionContext) -> str | None:
    if not ctx.workflow.is_enabled(ctx.policy):
        return disabled_message(ctx.policy)
    if obj.account.status == "closed":
        return gettext("La cuenta está cerrada.")
    from pregon.institutions.access import roles_of

    if ctx.actor is not None and "area_head" in roles_of(ctx.actor, obj.institution) and \
            "account_admin" not in roles_of(ctx.actor, obj.institution):
        require_role_for_area(ctx.actor, obj.institution, "area_head", obj.account.area, _clauses(ctx.policy))
    elif ctx.actor is not None:
        require_role_for_area(ctx.actor, obj.institution, "account_admin", obj.account.area, _clauses(ctx.policy))
    return lead_time_refusal(obj, ctx.policy, ctx.now)


def _decide_guard(obj: Any, ctx: TransitionContext) -> str | None:
    require_role_for_area(ctx.actor, obj.institution, authoriser_role(obj, ctx.policy), obj.account.area,
                          authoriser_clauses(obj, ctx.policy))
    if obj.starts_at <= ctx.now:
        return gettext("La hora de la transmisión ya pasó: la autorización debe ser previa") + cite(
            _clauses(ctx.policy)) + "."
    return None


def _set_submitted(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    return {"starts_at": [None, obj.starts_at], "account": [None, str(obj.account)],
            "authoriser": [None, authoriser_role(obj, ctx.policy)]}


def _set_decided(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.decided_by = ctx.actor
    obj.decided_at = ctx.now
    obj.reasons = ctx.reason
    return {"decided_at": [None, ctx.now]}


def _set_reasons(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.reasons = ctx.reason
    return {}


def _notify_submitted(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = authoriser_clauses(obj, ctx.policy)
    return [Message(
        subject=gettext("Transmisión en vivo por autorizar (%(c)s)") % {"c": ", ".join(clauses)},
        body="\n".join([
            gettext("Se pide autorización previa para transmitir en vivo en %(account)s (cuenta %(tier)s).")
            % {"account": obj.account, "tier": obj.account.get_tier_display()},
            gettext("Tema: %(t)s") % {"t": obj.title},
            gettext("Inicio: %(at)s") % {"at": local(obj.starts_at, obj.institution)},
            *([obj.description] if obj.description else []),
            "", gettext("Sin autorización antes de esa hora no se transmite%(cite)s.") % {"cite": cite(clauses)},
        ]),
        roles=(authoriser_role(obj, ctx.policy),), link=obj.get_absolute_url(), clauses=clauses,
        kind="live_stream.submitted",
    )]


def _notify_decided(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = authoriser_clauses(obj, ctx.policy)
    subject = {
        "approve": gettext("Transmisión en vivo autorizada (%(c)s)"),
        "reject": gettext("Transmisión en vivo no autorizada (%(c)s)"),
        "expire": gettext("Transmisión en vivo sin autorización a tiempo (%(c)s)"),
    }[ctx.transition.name] % {"c": ", ".join(clauses)}
    lines = [gettext("«%(t)s» en %(account)s, %(at)s.") % {"t": obj.title, "account": obj.account,
                                                           "at": local(obj.starts_at, obj.institution)}]
    if ctx.transition.name == "expire":
        lines.append(gettext("No se resolvió antes de la hora de inicio: no se transmite."))
    if ctx.reason:
        lines += ["", gettext("Motivos: %(r)s") % {"r": ctx.reason}]
    return [Message(subject=subject, body="\n".join(lines), users=(obj.requested_by,), link=obj.get_absolute_url(),
                    clauses=clauses, kind=f"live_stream.{ctx.transition.ledger_verb}")]


_DECIDE = dict(roles=_authoriser_roles, responsible=authoriser_role, guard=_decide_guard, effect=_set_decided, notify=_notify_decided,
               clauses=lambda p: refs(p, "live_stream.main_authorised_by", "live_stream.alternate_authorised_by"))

LIVE_STREAM = register(
    Workflow(
        name="live_stream",
        label=_("autorización de transmisión en vivo"),
        states=LiveStreamStatus,
        initial=_S.DRAFT,
        enabled="live_stream.authorisation_required",
        disabled_message=disabled_message,
        transitions=(
            Transition("submit", (_S.DRAFT,), _S.SUBMITTED, roles=("account_admin", "area_head"),
                       guard=_submit_guard, effect=_set_submitted, notify=_notify_submitted,
                       label=_("pedir la autorización"), clauses=_clauses, event="submitted"),
            Transition("approve", (_S.SUBMITTED,), _S.APPROVED, label=_("autorizar la transmisión"), event="approved",
                       **_DECIDE),
            Transition("reject", (_S.SUBMITTED,), _S.REJECTED, requires_reason=True,
                       label=_("no autorizar"), style="danger", event="rejected", **_DECIDE),
            Transition("withdraw", (_S.DRAFT, _S.SUBMITTED, _S.APPROVED), _S.WITHDRAWN, roles=(OWNER,),
                       effect=_set_reasons, label=_("retirar la solicitud"), style="secondary", event="withdrawn"),
            Transition("expire", (_S.SUBMITTED,), _S.EXPIRED, roles=(SYSTEM,), effect=_set_reasons,
                       notify=_notify_decided, label=_("sin autorización a la hora de inicio"), clauses=_clauses,
                       event="expired"),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services
def _deadline_at_start(stream: LiveStreamAuthorisation) -> Deadline:
    """The authoriser's term ends when the stream starts (pasto:3.19: the authorisation is prior): a Deadline row
    (shown in Mis pendientes, expired by the tick) whose on_expiry is `expire`, built by the one builder."""
    policy = policy_for(stream.institution)
    now = timezone.now()
    term = term_until(workflow="live_stream", state=stream.status, starts="submit", ends_at=stream.starts_at, now=now,
                      on_expiry="expire", responsible_role=authoriser_role(stream, policy),
                      clauses=tuple(authoriser_clauses(stream, policy)))
    return deadline_start(obj=stream, term=term, policy=policy, now=now)


def live_stream_create(
    *, institution: Institution, actor: Any, account: SocialAccount, title: str, starts_at: dt.datetime,
    description: str = "", submit: bool = True,
) -> LiveStreamAuthorisation:
    """Asks the prior authorisation of a live stream (pasto:3.19): Communications for main accounts, the area head
    for alternate ones. Refused where the norm does not require it. Event: `live_stream.submitted`."""
    require_login(actor)
    if account.institution_id != institution.pk:
        raise invalid_input(gettext("La cuenta no pertenece a esta institución."), "account")
    if not (title or "").strip():
        raise invalid_input(gettext("Indique el tema de la transmisión."), "title")
    obj = LiveStreamAuthorisation(institution=institution, account=account, title=title.strip(),
                                  description=(description or "").strip(), starts_at=starts_at, requested_by=actor)
    with transaction.atomic():
        obj = procedure_create(obj=obj, actor=actor, submit="submit" if submit else None)
        if submit:
            obj.refresh_from_db()
            _deadline_at_start(obj)
    return obj


def live_stream_submit(*, stream: LiveStreamAuthorisation, actor: Any) -> LiveStreamAuthorisation:
    with transaction.atomic():
        stream = procedure_transition(obj=stream, action="submit", actor=actor)
        _deadline_at_start(stream)
    return stream


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

class LiveStreamIn(Input):
    account: Annotated[_uuid.UUID, UI(_("Cuenta"), ref="account")]
    title: Annotated[str, Field(min_length=1, max_length=255), UI(_("Tema de la transmisión"))]
    starts_at: Annotated[_dt.datetime, UI(_("Inicio"), help=_("Hora de la institución."))]
    description: Annotated[str, Field(max_length=4000), UI(_("Descripción"), widget="textarea")] = ""


def _submit(*, obj: Any, actor: Any, reason: str = "") -> Any:
    return live_stream_submit(stream=obj, actor=actor)


LIVE_STREAM_SPEC = register_spec(ProcedureSpec(
    key="live_stream", position=50, model=LiveStreamAuthorisation, segment="transmisiones-en-vivo", api_segment="live-streams",
    title=_("Transmisión en vivo"), title_plural=_("Transmisiones en vivo"),
    columns=((_("Tema"), "title"), (_("Cuenta"), "account"), (_("Inicio"), "starts_at")),
    create=Create(LiveStreamIn, live_stream_create, roles=("area_head", "account_admin")),
    actions={"submit": Action(service=_submit)},
    readers=("comms", "area_head", "account_admin"),
    scope=by_account(), panel="procedures/partials/_live_stream_fields.html",
    select_related=("account__platform",),
))
