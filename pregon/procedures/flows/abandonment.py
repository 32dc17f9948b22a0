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

import datetime as dt
import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pregon.core.errors import ApplicationError
from pregon.institutions.models import Institution
from pregon.institutions.policies import calendar_for, policy_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.abandonment import AbandonmentStatus
from pregon.registry.choices import AccountStatus, Kind

from ..deadlines import due_at_for
from ..models import AbandonmentFlag, ClosureRequest
from ..services import procedure_create, procedure_transition, system_start_once
from ..spec import Periodic, ProcedureSpec, by_account, register_spec
from ..workflows import SYSTEM, Transition, TransitionContext, Workflow, register
from .lifecycle import account_label, head_message, message

logger = logging.getLogger(__name__)

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


# ---------------------------------------------------------------------------------------------- services
def _baseline(account: Any) -> dt.date:
    return account.last_activity_on or account.opened_on or timezone.localdate(account.created_at)


def _start_of(day: dt.date, tz: str) -> datetime:
    return datetime.combine(day, dt.time(0, 0), tzinfo=ZoneInfo(tz))


def abandonment_check(*, now: datetime | None = None) -> int:
    """Flags every official account (active or at risk) without known activity for longer than
    `closure.abandonment_after`; at most one open flag per account, and none again for the same inactivity
    (same `last_activity_on`) once a flag was dismissed or led to a closure proposal. Resolves open flags whose
    account has recorded activity since. Returns the number of new flags. Idempotent."""
    from pregon.registry.models import SocialAccount

    now = now or timezone.now()
    created = 0
    for institution in Institution.objects.all():
        policy = policy_for(institution)
        limit = policy.closure.abandonment_after
        if limit is None:
            continue
        _abandonment_resolve(institution)
        calendar = None
        cutoff = timezone.localdate(now, ZoneInfo(institution.timezone)) - dt.timedelta(days=limit.amount if
                                                                                        limit.unit.endswith("days") else 0)
        accounts = (
            SocialAccount.objects.filter(institution=institution, kind=Kind.OFFICIAL,
                                         status__in=[AccountStatus.ACTIVE, AccountStatus.AT_RISK])
            .filter(Q(last_activity_on__lt=cutoff) | Q(last_activity_on__isnull=True))
            .exclude(abandonment_flags__status__in=[AbandonmentStatus.NEW, AbandonmentStatus.OPEN])
            .select_related("platform", "institution", "area")
        )
        for account in accounts:
            if AbandonmentFlag.objects.filter(account=account, last_activity_on=account.last_activity_on).exists():
                continue  # this inactivity was already flagged (and dismissed or sent to closure)
            calendar = calendar or calendar_for(institution)
            due = due_at_for(calendar, _start_of(_baseline(account), institution.timezone), limit)
            if due > now:
                continue
            flag = AbandonmentFlag(institution=institution, account=account, account_label=account_label(account),
                                   last_activity_on=account.last_activity_on, threshold=str(limit))
            if system_start_once(flag, "flag") is not None:
                created += 1
    return created


def _abandonment_resolve(institution: Institution) -> None:
    for flag in AbandonmentFlag.objects.filter(institution=institution, status=AbandonmentStatus.OPEN).select_related(
            "account"):
        last = flag.account.last_activity_on
        if last is not None and (flag.last_activity_on is None or last > flag.last_activity_on):
            try:
                procedure_transition(obj=flag, action="resolve", actor=None,
                                     reason=f"Actividad registrada el {last:%d/%m/%Y}.")
            except ApplicationError:
                logger.warning("abandonment flag %s could not be resolved", flag.pk)


def abandonment_propose_closure(*, flag: AbandonmentFlag, actor: Any, reason: str = "") -> AbandonmentFlag:
    """Communications proposes to the area closing the unattended account (pasto:3.20): creates a closure request
    in `proposed` (its own `closure.proposed` event) and marks the flag `closure_proposed`."""
    return procedure_transition(obj=flag, action="propose_closure", actor=actor, reason=reason)


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

ABANDONMENT_SPEC = register_spec(ProcedureSpec(
    key="abandonment", position=80, model=AbandonmentFlag, segment="abandono", api_segment="abandonment-flags",
    title=_("Cuenta sin actividad"), title_plural=_("Cuentas sin actividad"),
    columns=((_("Cuenta"), "account_label"), (_("Última actividad conocida"), "last_activity_on")),
    scope=by_account(), panel="procedures/partials/_abandonment_fields.html",
    select_related=("account__platform",),
    periodic=(Periodic("accounts_flagged", _("cuentas sin actividad señaladas"), abandonment_check),),
))
