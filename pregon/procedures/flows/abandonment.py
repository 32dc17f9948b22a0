"""Abandonment flag: the transition table `ABANDONMENT` (rosarito:10.8, iee-sonora:7.VIII, pasto:3.20).

    new ──flag (system: pregon tick)──► open ──propose_closure (comms)──► closure_proposed
                                          ├──dismiss (comms, area head; reasons)──► dismissed
                                          └──resolve (system: activity recorded again)──► resolved

- flag: `pregon tick` finds an official account (active or at risk) whose last known activity (or opening date)
  is older than `closure.abandonment_after`; the area head and Communications are told. One open flag per account.
- propose_closure: creates a `ClosureRequest` in `proposed` (the area accepts or declines it; pasto:3.20 "causal
  para solicitar a la dependencia el cierre").
- Deadlines: none in the norms and no policy field; the flag stays open until someone acts or activity resumes.
- Enabled when the policy sets `closure.abandonment_after`.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pregon.notifications.services import Message
from pregon.policy import Policy

from ..choices import AbandonmentStatus
from ..models import AbandonmentFlag
from ..spec import ProcedureSpec, by_account, register_spec
from ..workflows import SYSTEM, Transition, TransitionContext, Workflow, register
from .lifecycle import head_message, message

_S = AbandonmentStatus


def _clauses(policy: Policy) -> tuple[str, ...]:
    c = policy.closure
    return c.clauses_for("abandonment_after") + tuple(
        x for x in c.clauses_for("unattended_alternate_may_close") if x not in c.clauses_for("abandonment_after"))


def _enabled(policy: Policy) -> bool:
    return policy.closure.abandonment_after is not None


def _guard_enabled(obj: Any, ctx: TransitionContext) -> str | None:
    if _enabled(ctx.policy):
        return None
    return gettext("La política de esta institución no fija un plazo de abandono de cuentas.")


def _flagged(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.flagged_at = ctx.now
    return {"flagged_at": [None, ctx.now], "last_activity_on": [None, obj.last_activity_on],
            "threshold": [None, obj.threshold]}


def _decided(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.decided_at = ctx.now
    obj.reasons = ctx.reason
    return {"decided_at": [None, ctx.now]}


def _propose_closure(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    """Creates the closure proposal (its own `closure.proposed` event) for the area to accept or decline."""
    from ..models import ClosureRequest
    from ..services import procedure_create

    changes = _decided(obj, ctx)
    closure = ClosureRequest(
        institution=obj.institution, account=obj.account, account_label=obj.account_label,
        requested_by=ctx.actor, abandonment_flag=obj, content_action=ctx.policy.closure.content_action,
        motive=ctx.reason or gettext("Cuenta sin actividad desde %(d)s (plazo de la política: %(t)s).") % {
            "d": obj.last_activity_on or "—", "t": obj.threshold},
    )
    procedure_create(obj=closure, actor=ctx.actor, submit="propose")
    changes["closure"] = [None, str(closure.public_id)]
    return changes


def _notify(obj: Any, ctx: TransitionContext) -> list[Message]:
    head_roles, heads = head_message(obj.account)
    account = obj.account_label
    if ctx.transition.name == "flag":
        lines = [
            gettext("La cuenta %(a)s no tiene actividad conocida desde %(d)s; la política considera abandonada una "
                    "cuenta sin actividad por más de %(t)s.") % {"a": account, "d": obj.last_activity_on or "—",
                                                                "t": obj.threshold},
            "",
            gettext("Registre la actividad reciente de la cuenta o, si ya no se usa, proceda a su cierre."),
        ]
        return [message(obj, ctx, subject=gettext("Cuenta sin actividad: %(a)s") % {"a": account}, lines=lines,
                        roles=("comms", *head_roles), users=heads)]
    if ctx.transition.name == "dismiss":
        return [message(obj, ctx, subject=gettext("Alerta de abandono descartada: %(a)s") % {"a": account},
                        lines=[gettext("Se descartó la alerta de abandono de la cuenta %(a)s.") % {"a": account}],
                        roles=("comms", *head_roles), users=heads)]
    return []


ABANDONMENT = register(
    Workflow(
        name="abandonment",
        label=_("alerta de abandono"),
        states=AbandonmentStatus,
        initial=_S.NEW,
        enabled=_enabled,
        enabled_clauses=_clauses,
        transitions=(
            Transition("flag", (_S.NEW,), _S.OPEN, roles=(SYSTEM,), guard=_guard_enabled, effect=_flagged,
                       notify=_notify, label=_("marcar como abandonada"), clauses=_clauses, event="flagged"),
            Transition("propose_closure", (_S.OPEN,), _S.CLOSURE_PROPOSED, roles=("comms",),
                       effect=_propose_closure, label=_("proponer el cierre"), clauses=_clauses, style="danger",
                       event="closure_proposed"),
            Transition("dismiss", (_S.OPEN,), _S.DISMISSED, roles=("comms", "area_head"), requires_reason=True,
                       effect=_decided, notify=_notify, label=_("descartar la alerta"), clauses=_clauses,
                       style="secondary", event="dismissed"),
            Transition("resolve", (_S.OPEN,), _S.RESOLVED, roles=(SYSTEM,), effect=_decided,
                       label=_("actividad registrada de nuevo"), clauses=_clauses, event="resolved"),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

ABANDONMENT_SPEC = register_spec(ProcedureSpec(
    key="abandonment", model=AbandonmentFlag, segment="abandono", api_segment="abandonment-flags",
    title=_("Cuenta sin actividad"), title_plural=_("Cuentas sin actividad"),
    columns=((_("Cuenta"), "account_label"), (_("Última actividad conocida"), "last_activity_on")),
    scope=by_account(), panel="procedures/partials/_abandonment_fields.html",
    select_related=("account__platform",),
))
