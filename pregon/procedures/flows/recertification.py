"""Periodic re-certification of an account and its administrators: the table `RECERTIFICATION` (rosarito:7,
rosarito:10.8, iee-sonora:5.1, iee-sonora:7.VIII, pasto:3.13; the period and the term are pregon:choice).

    new ──open (system: pregon tick, once per account and period)──► pending [deadline closure.recertification_deadline]
    pending ──escalate (system, at expiry)──► escalated (Communications and the area head are told)
    (pending|escalated) ──confirm (area head; the administrators meet the policy)──► confirmed
    (pending|escalated) ──report_changes (area head; reasons)──► changes_reported (Communications is told)

- The period is `closure.recertification_months` long (6: two semesters a year, `2026-P1`, `2026-P2`).
- confirm is refused while `administrators_validate()` finds violations (the message lists them with their
  clauses): the area designates or ends administrators first, or reports the change.
- The deadline is `closure.recertification_deadline` (no norm sets one: 15 business days by default, Pregón's
  choice, overridable per institution).
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pregon.institutions.models import Institution
from pregon.institutions.policies import policy_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.recertification import RecertificationStatus
from pregon.registry.choices import AccountStatus, Kind

from ..models import Recertification
from ..services import system_start_once
from ..spec import Periodic, ProcedureSpec, by_account, register_spec
from ..workflows import SYSTEM, Transition, TransitionContext, Workflow, register
from .lifecycle import account_label, head_message, message

_S = RecertificationStatus


def _clauses(policy: Policy) -> tuple[str, ...]:
    return policy.closure.clauses_for("recertification_months")


def _enabled(policy: Policy) -> bool:
    return policy.closure.recertification_months is not None


def _deadline(policy: Policy) -> Any:
    return policy.closure.recertification_deadline if _enabled(policy) else None


def _deadline_clauses(policy: Policy) -> tuple[str, ...]:
    return policy.closure.clauses_for("recertification_deadline") or ("pregon:choice",)


def _guard_enabled(obj: Any, ctx: TransitionContext) -> str | None:
    if _enabled(ctx.policy):
        return None
    return gettext("La política de esta institución no prevé la recertificación periódica de cuentas.")


def _guard_confirm(obj: Any, ctx: TransitionContext) -> str | None:
    from pregon.registry.services import administrators_validate

    violations = administrators_validate(obj.account, policy=ctx.policy)
    if not violations:
        return None
    return gettext("No se puede confirmar: %(v)s. Corrija los administradores o reporte el cambio.") % {
        "v": "; ".join(str(v.message) for v in violations)}


def _opened(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    return {"period": [None, obj.period]}


def _decided(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    from pregon.institutions.policies import local_today
    from pregon.registry.models import Administrator

    admins = Administrator.objects.active_on(local_today(obj.institution)).filter(account=obj.account)
    obj.administrators = [{"official": a.official.full_name, "role": a.role, "since": str(a.starts_on)}
                          for a in admins.select_related("official")]
    obj.decided_by = ctx.actor
    obj.decided_at = ctx.now
    obj.reasons = ctx.reason
    return {"decided_at": [None, ctx.now], "administrators": [None, _administrators_text(obj.administrators)]}


def _administrators_text(administrators: list[dict[str, Any]]) -> list[str]:
    """The confirmed administrators as the ledger keeps them (a list of texts, one per administrator)."""
    return [f"{a['official']} · {a['role']} · {a['since']}" for a in administrators]


def _notify(obj: Any, ctx: TransitionContext) -> list[Message]:
    head_roles, heads = head_message(obj.account)
    account = obj.account_label
    name = ctx.transition.name
    if name == "open":
        lines = [gettext("Confirme que la cuenta %(a)s sigue en uso y que sus administradores son los registrados "
                         "(periodo %(p)s).") % {"a": account, "p": obj.period}]
        return [message(obj, ctx, subject=gettext("Recertificación de la cuenta %(a)s") % {"a": account},
                        lines=lines, roles=head_roles, users=heads)]
    if name == "escalate":
        lines = [gettext("El área no confirmó a tiempo la cuenta %(a)s ni sus administradores (periodo %(p)s).")
                 % {"a": account, "p": obj.period}]
        return [message(obj, ctx, subject=gettext("Recertificación vencida: %(a)s") % {"a": account},
                        lines=lines, roles=("comms", *head_roles), users=heads)]
    if name == "report_changes":
        lines = [gettext("El área reporta cambios en la cuenta %(a)s o en sus administradores (periodo %(p)s).")
                 % {"a": account, "p": obj.period}]
        return [message(obj, ctx, subject=gettext("Cambios reportados en la cuenta %(a)s") % {"a": account},
                        lines=lines, roles=("comms",))]
    return []


RECERTIFICATION = register(
    Workflow(
        name="recertification",
        label=_("recertificación de cuenta"),
        states=RecertificationStatus,
        initial=_S.NEW,
        enabled=_enabled,
        enabled_clauses=_clauses,
        transitions=(
            Transition("open", (_S.NEW,), _S.PENDING, roles=(SYSTEM,), guard=_guard_enabled, effect=_opened,
                       notify=_notify, deadline=_deadline, deadline_clauses=_deadline_clauses, on_expiry="escalate",
                       label=_("abrir la recertificación"), clauses=_clauses, event="opened"),
            Transition("confirm", (_S.PENDING, _S.ESCALATED), _S.CONFIRMED, roles=("area_head",),
                       guard=_guard_confirm, effect=_decided, label=_("confirmar cuenta y administradores"),
                       event="confirmed",
                       clauses=_clauses),
            Transition("report_changes", (_S.PENDING, _S.ESCALATED), _S.CHANGES_REPORTED, roles=("area_head",),
                       requires_reason=True, effect=_decided, notify=_notify, label=_("reportar cambios"),
                       event="changes_reported",
                       clauses=_clauses, style="secondary"),
            Transition("escalate", (_S.PENDING,), _S.ESCALATED, roles=(SYSTEM,), notify=_notify,
                       label=_("turnar a Comunicación Social por vencimiento"), clauses=_clauses, event="escalated"),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services
def period_of(day: dt.date, months: int) -> str:
    """`2026-P1` … : the period of `months` months (counted from January) that contains `day`."""
    return f"{day.year}-P{(day.month - 1) // months + 1}"


RECERTIFIED_STATUSES = (AccountStatus.ACTIVE, AccountStatus.AT_RISK, AccountStatus.COMPROMISED, AccountStatus.SUSPENDED)


def recertifications_open(*, now: datetime | None = None) -> int:
    """Opens the period's re-certification for every official account that has none yet (one per account and
    period: unique constraint). Returns how many were opened. Idempotent."""
    from pregon.registry.models import SocialAccount

    now = now or timezone.now()
    opened = 0
    for institution in Institution.objects.all():
        months = policy_for(institution).closure.recertification_months
        if months is None:
            continue
        period = period_of(timezone.localdate(now, ZoneInfo(institution.timezone)), months)
        accounts = (
            SocialAccount.objects.filter(institution=institution, kind=Kind.OFFICIAL, status__in=RECERTIFIED_STATUSES)
            .exclude(recertifications__period=period)
            .select_related("platform", "institution", "area")
        )
        for account in accounts:
            item = Recertification(institution=institution, account=account, account_label=account_label(account),
                                   period=period)
            if system_start_once(item, "open") is not None:
                opened += 1
    return opened


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

RECERTIFICATION_SPEC = register_spec(ProcedureSpec(
    key="recertification", position=90, model=Recertification, segment="recertificaciones", api_segment="recertifications",
    title=_("Recertificación de administradores"), title_plural=_("Recertificaciones de administradores"),
    columns=((_("Cuenta"), "account_label"), (_("Periodo"), "period")),
    scope=by_account(), panel="procedures/partials/_recertification_fields.html",
    select_related=("account__platform",),
    periodic=(Periodic("recertifications_opened", _("recertificaciones abiertas"), recertifications_open),),
))
