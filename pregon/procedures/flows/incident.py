"""Security incident: the transition table `INCIDENT` (rosarito:9.21, iee-sonora:6.XXVI, guadalajara:15ª).

    new ──open (administrator, area head, comms, IT)──► open ──close (comms, IT; every step done + written report)──► closed
                                                          ├──dismiss (comms, IT; reasons: a false alarm)──► dismissed
                                                          ├──complete_step (administrator, IT, comms) ─┐ (stays open)
                                                          └──step_overdue (system, a step's deadline) ─┘

- open: the account becomes `compromised` in the registry; `incidents.notify` is told at once (inbox + e-mail;
  the area head of the account's own area when known); one `IncidentStep` and one Deadline per step of
  `incidents.containment` (recover access, rotate credentials, revoke sessions, warn the public from sibling
  official accounts, report), each due after its own term.
- complete_step / step_overdue keep the other deadlines running (`keeps_deadlines`).
- close: needs every step done and the written account of what happened (the reasons). The account returns to
  `active` when the credentials were rotated — the `rotate_credentials` step done, or stated when closing if
  the plan has no such step — and to `at_risk` otherwise (guadalajara:15ª: change the passwords).
- dismiss: a false alarm; the account returns to the status it had (or `active`).
"""

from __future__ import annotations

import uuid as _uuid
from typing import Annotated, Any

from django.db import IntegrityError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from pregon.core.errors import ApplicationError
from pregon.institutions.policies import calendar_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.incident import IncidentKind, IncidentStatus

from ..choices import DeadlineStatus
from ..inputs import UI, Input
from ..models import Incident
from ..services import procedure_create, procedure_transition
from ..spec import Action, Create, ProcedureSpec, by_account, register_spec
from ..workflows import SYSTEM, GuardRefused, Transition, TransitionContext, Workflow, register
from .common import cite, demo_account, demo_user, local
from .lifecycle import account_label, account_status_set, head_message, message

_S = IncidentStatus

STEP_LABELS = {
    "recover_access": _("recuperar el acceso a la cuenta"),
    "rotate_credentials": _("cambiar las contraseñas"),
    "revoke_sessions": _("cerrar las sesiones y revocar aplicaciones conectadas"),
    "warn_public": _("avisar al público desde las otras cuentas oficiales"),
    "report": _("informar lo sucedido"),
}
STEP_ROLES = {"recover_access": "account_admin", "rotate_credentials": "it", "revoke_sessions": "it",
              "warn_public": "comms", "report": "account_admin"}
RESTORABLE = ("active", "at_risk")


def step_label(key: str) -> str:
    return str(STEP_LABELS.get(key, key))


def _clauses(policy: Policy) -> tuple[str, ...]:
    inc = policy.incidents
    return inc.clauses_for("notify") + tuple(c for c in inc.clauses_for("containment")
                                             if c not in inc.clauses_for("notify"))


def _guard_open(obj: Any, ctx: TransitionContext) -> str | None:
    if obj.account.is_closed:
        return gettext("La cuenta está cerrada.")
    from ..models import Incident

    if Incident.objects.filter(account_id=obj.account_id, status=_S.OPEN).exclude(pk=obj.pk).exists():
        return gettext("Ya hay un incidente abierto para esta cuenta.")
    return None


def _pending_steps(obj: Any) -> list[Any]:
    return [s for s in obj.steps.all() if s.done_at is None]


def _guard_step(obj: Any, ctx: TransitionContext) -> str | None:
    """A pending step must be named; without `step` in the data (the buttons' question) it is enough that one is
    pending — the effect then refuses."""
    pending = {s.key for s in _pending_steps(obj)}
    key = str(ctx.data.get("step", "") or "")
    if key in pending or (not key and pending and "step" not in ctx.data):
        return None
    if not pending:
        return gettext("No quedan pasos de contención pendientes.")
    return gettext("Indique un paso pendiente: %(steps)s.") % {"steps": ", ".join(step_label(k) for k in sorted(pending))}


def _guard_close(obj: Any, ctx: TransitionContext) -> str | None:
    pending = _pending_steps(obj)
    if pending:
        return gettext("Faltan pasos de contención%(cite)s: %(steps)s.") % {
            "cite": cite(ctx.policy.incidents.clauses_for("containment"), fallback=False),
            "steps": ", ".join(step_label(s.key) for s in pending)}
    return None


def _opened(obj: Any, ctx: TransitionContext) -> dict[str, Any]:

    from ..deadlines import Term, deadline_start
    from ..models import IncidentStep

    obj.opened_at = ctx.now
    obj.account_status_before = obj.account.status
    changes: dict[str, Any] = {"opened_at": [None, ctx.now], "kind": [None, obj.kind]}
    changes.update(account_status_set(obj.account, "compromised", ctx))
    calendar = calendar_for(obj.institution) if ctx.policy.incidents.containment else None
    clauses = tuple(ctx.policy.incidents.clauses_for("containment"))
    plan = []
    for position, step in enumerate(ctx.policy.incidents.containment):
        term = Term(workflow="incident", state=_S.OPEN, starts="open", duration=step.deadline,
                    on_expiry="step_overdue", responsible_role=STEP_ROLES.get(step.key, "it"), clauses=clauses,
                    kind=f"incident.step.{step.key}")
        deadline = deadline_start(obj=obj, term=term, policy=ctx.policy, now=ctx.now, calendar=calendar,
                                  label=f"{obj} · {step_label(step.key)}")
        computed = deadline
        IncidentStep.objects.create(incident=obj, key=step.key, position=position, deadline=deadline)
        plan.append(step.key)
        changes[f"step_{step.key}_due_at"] = [None, computed.due_at]
        changes[f"step_{step.key}_duration"] = [None, str(step.deadline)]
    changes["containment"] = [None, plan]
    return changes


def _step_done(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    from ..models import Deadline

    step = obj.steps.filter(key=str(ctx.data.get("step", "")), done_at__isnull=True).first()
    if step is None:
        raise GuardRefused(gettext("Indique un paso de contención pendiente."))
    step.done_at = ctx.now
    step.done_by = ctx.actor
    step.note = str(ctx.data.get("note", "") or ctx.reason)[:4000]
    step.save(update_fields=["done_at", "done_by", "note", "updated_at"])
    late = False
    if step.deadline_id:
        late = not Deadline.objects.filter(pk=step.deadline_id, status=DeadlineStatus.OPEN).update(
            status=DeadlineStatus.DONE, closed_at=ctx.now)
    if step.key == "rotate_credentials":
        obj.credentials_rotated = True
    return {"step": [None, step.key], "done_at": [None, ctx.now], "late": [None, late]}


def _step_overdue(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    key = ctx.deadline.kind.rsplit(".", 1)[-1] if ctx.deadline is not None else ""
    return {"step": [None, key], "overdue": [False, True]}


def _closed(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.report = ctx.reason
    obj.closed_at = ctx.now
    obj.closed_by = ctx.actor
    planned = any(s.key == "rotate_credentials" for s in ctx.policy.incidents.containment)
    if not planned and ctx.data.get("credentials_rotated"):
        obj.credentials_rotated = True
    target = "active" if obj.credentials_rotated else "at_risk"
    changes: dict[str, Any] = {"closed_at": [None, ctx.now], "credentials_rotated": [None, obj.credentials_rotated]}
    changes.update(account_status_set(obj.account, target, ctx))
    return changes


def _dismissed(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.report = ctx.reason
    obj.closed_at = ctx.now
    obj.closed_by = ctx.actor
    target = obj.account_status_before if obj.account_status_before in RESTORABLE else "active"
    changes: dict[str, Any] = {"closed_at": [None, ctx.now]}
    changes.update(account_status_set(obj.account, target, ctx))
    return changes


def _recipients(obj: Any, policy: Policy) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    roles = tuple(r for r in policy.incidents.notify if r != "area_head")
    users: tuple[Any, ...] = (obj.reported_by,)
    if "area_head" in policy.incidents.notify:
        head_roles, heads = head_message(obj.account)
        roles += head_roles
        users += heads
    return roles, users


def _notify(obj: Any, ctx: TransitionContext) -> list[Message]:
    roles, users = _recipients(obj, ctx.policy)
    account = obj.account_label
    name = ctx.transition.name
    if name == "open":
        lines = [
            gettext("Incidente de seguridad en la cuenta %(a)s: %(k)s.") % {"a": account, "k": obj.get_kind_display()},
            "", obj.description, "",
            gettext("La cuenta queda como comprometida hasta cerrar el incidente. Cada área, en el ámbito de su "
                    "competencia, implemente las medidas que correspondan."),
        ]
        steps = list(obj.steps.select_related("deadline"))
        if steps:
            lines += ["", gettext("Plan de contención:")]
            lines += [f"- {step_label(s.key)}: {local(s.deadline.due_at, obj.institution)}" for s in steps if s.deadline]
        return [message(obj, ctx, subject=gettext("URGENTE: incidente de seguridad en %(a)s") % {"a": account},
                        lines=lines, roles=roles, users=users)]
    if name == "step_overdue":
        key = ctx.deadline.kind.rsplit(".", 1)[-1] if ctx.deadline is not None else ""
        lines = [gettext("Venció el plazo del paso «%(s)s» del incidente en %(a)s y sigue pendiente.")
                 % {"s": step_label(key), "a": account}]
        return [message(obj, ctx, subject=gettext("Paso de contención vencido: %(a)s") % {"a": account},
                        lines=lines, roles=roles, users=users, clauses=ctx.policy.incidents.clauses_for("containment"))]
    if name in ("close", "dismiss"):
        status = obj.account.__class__.objects.get(pk=obj.account_id).get_status_display()
        first = (gettext("Se cerró el incidente de la cuenta %(a)s; la cuenta queda «%(s)s».") if name == "close"
                 else gettext("Se descartó el incidente de la cuenta %(a)s; la cuenta queda «%(s)s»."))
        lines = [first % {"a": account, "s": status}]
        subject = (gettext("Incidente cerrado: %(a)s") if name == "close" else gettext("Incidente descartado: %(a)s"))
        return [message(obj, ctx, subject=subject % {"a": account}, lines=lines, roles=roles, users=users)]
    return []


_OPERATORS = ("account_admin", "area_head", "comms", "it")
_RESPONDERS = ("comms", "it")

INCIDENT = register(
    Workflow(
        name="incident",
        enabled_clauses=lambda p: tuple(dict.fromkeys(p.incidents.clauses_for("notify") + p.incidents.clauses_for("containment"))),
        label=_("incidente de seguridad"),
        states=IncidentStatus,
        initial=_S.NEW,
        transitions=(
            Transition("open", (_S.NEW,), _S.OPEN, roles=_OPERATORS, guard=_guard_open, effect=_opened,
                       notify=_notify, label=_("reportar el incidente"), clauses=_clauses, style="danger",
                       event="opened", keeps_deadlines=True),  # the effect starts the step deadlines; nothing ran before
            Transition("complete_step", (_S.OPEN,), _S.OPEN, roles=("account_admin", "it", "comms"),
                       guard=_guard_step, effect=_step_done, label=_("marcar paso como hecho"), event="step_completed",
                       clauses=lambda p: p.incidents.clauses_for("containment"), keeps_deadlines=True),
            Transition("step_overdue", (_S.OPEN,), _S.OPEN, roles=(SYSTEM,), effect=_step_overdue, notify=_notify,
                       label=_("paso de contención vencido"), event="step_expired",
                       clauses=lambda p: p.incidents.clauses_for("containment"), keeps_deadlines=True),
            Transition("close", (_S.OPEN,), _S.CLOSED, roles=_RESPONDERS, guard=_guard_close, requires_reason=True,
                       effect=_closed, notify=_notify, label=_("cerrar con informe de lo sucedido"), clauses=_clauses,
                       event="closed"),
            Transition("dismiss", (_S.OPEN,), _S.DISMISSED, roles=_RESPONDERS, requires_reason=True,
                       effect=_dismissed, notify=_notify, label=_("descartar (falsa alarma)"), clauses=_clauses,
                       style="secondary", event="dismissed"),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services
def incident_report(*, account: Any, actor: Any, kind: str, description: str) -> Incident:
    """Reports a hijacked account, an unauthorised operator or lost credentials (rosarito:9.21,
    iee-sonora:6.XXVI, guadalajara:15ª): the account becomes compromised, `incidents.notify` is told at once and
    the containment plan starts (one deadline per step). One `incident.opened` event (plus `account.status_changed`)."""
    if not (description or "").strip():
        raise ApplicationError(gettext("Describa lo que se detectó."), code="INVALID_DATA",
                               extra={"errors": {"description": [gettext("Este campo es obligatorio.")]}})
    incident = Incident(institution=account.institution, account=account, account_label=account_label(account), kind=kind,
                        description=description.strip(), reported_by=actor)
    try:
        return procedure_create(obj=incident, actor=actor, submit="open")
    except IntegrityError:
        raise ApplicationError(gettext("Ya hay un incidente abierto para esta cuenta."), code="INCIDENT_OPEN") from None


def incident_step_complete(*, incident: Incident, actor: Any, step: str, note: str = "") -> Incident:
    """Checks off one containment step (its deadline is done). One `incident.step_completed` event."""
    return procedure_transition(obj=incident, action="complete_step", actor=actor, reason=note,
                                data={"step": step, "note": note})


def incident_close(*, incident: Incident, actor: Any, report: str, credentials_rotated: bool = False) -> Incident:
    """Closes the incident with the written account of what happened; every step must be done. The account
    returns to active, or at risk when the credentials were not rotated."""
    return procedure_transition(obj=incident, action="close", actor=actor, reason=report,
                                data={"credentials_rotated": credentials_rotated})


# ---------------------------------------------------------------------------------------------- demo


def incident_demo_load() -> int:
    """`demo_load`: an open security incident on one Rosarito account, its first step done (idempotent)."""
    from pregon.institutions.models import Institution

    rosarito = Institution.objects.filter(slug="rosarito").first()
    if rosarito is None or Incident.objects.filter(institution=rosarito).exists():
        return 0
    account, reporter = demo_account(rosarito), demo_user(rosarito, "account_admin")
    if account is None or reporter is None:
        return 0
    incident = incident_report(
        account=account, actor=reporter, kind="hijacked",
        description="Se publicaron mensajes que nadie del área escribió; la contraseña ya no funciona.")
    incident_step_complete(incident=incident, actor=reporter, step="recover_access",
                           note="Acceso recuperado con el correo institucional.")
    return 1


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

class IncidentIn(Input):
    account: Annotated[_uuid.UUID, UI(_("Cuenta"), ref="account")]
    kind: Annotated[str, UI(_("Qué ocurrió"), choices=IncidentKind)]
    description: Annotated[str, Field(min_length=1, max_length=8000), UI(_("Descripción"), widget="textarea")]


class StepIn(Input):
    step: Annotated[str, Field(min_length=1, max_length=32), UI(_("Paso"), widget="hidden")]
    note: Annotated[str, Field(max_length=4000), UI(_("Nota"), widget="hidden")] = ""


class CloseIncidentIn(Input):
    reason: Annotated[str, Field(min_length=1, max_length=8000),
                      UI(_("Informe de lo sucedido"), widget="textarea")]
    credentials_rotated: Annotated[bool, UI(_("Se cambiaron las contraseñas"))] = False


def _create(*, institution: Any, actor: Any, **data: Any) -> Any:
    return incident_report(actor=actor, **data)


def _create_context(institution: Any, policy: Policy) -> dict[str, Any]:
    return {"steps": [(step_label(s.key), s.deadline) for s in policy.incidents.containment],
            "clauses": policy.incidents.clauses_for("notify")}


def _detail_context(obj: Any, policy: Policy) -> dict[str, Any]:
    steps = [(s, step_label(s.key)) for s in obj.steps.select_related("deadline", "done_by")]
    return {"steps": steps, "each": {"complete_step": [(s.key, label) for s, label in steps if not s.done_at]},
            "hide": {"close": ["credentials_rotated"]} if steps else {}}


INCIDENT_SPEC = register_spec(ProcedureSpec(
    key="incident", position=70, model=Incident, segment="incidentes", api_segment="incidents",
    title=_("Incidente de seguridad"), title_plural=_("Incidentes de seguridad"),
    columns=((_("Cuenta"), "account_label"), (_("Tipo"), "get_kind_display")),
    create=Create(IncidentIn, _create, roles=("account_admin", "area_head", "comms", "it"),
                  panel="procedures/partials/_incident_create.html", context=_create_context,
                  success=_("Incidente reportado: se avisó de inmediato a las áreas responsables."),
                  button=_("Reportar el incidente"), style="danger"),
    actions={"complete_step": Action(StepIn), "close": Action(CloseIncidentIn)},
    scope=by_account(), panel="procedures/partials/_incident_fields.html", detail_context=_detail_context,
    select_related=("account__platform", "reported_by"),
    demo=incident_demo_load,
))
