"""Regularisation of a pre-existing account: the table `REGULARISATION` (rosarito:Transitorio 2,
iee-sonora:Transitorio 2).

    new ──start (comms) / start_auto (system: pregon tick)──► pending [deadline transitional.regularisation_deadline]
    pending ──regularise (comms; the account meets the policy)──► regularised (account: active)
    pending ──expire (system, outcome reclassify_personal)──► reclassified_personal (account: reclassified as personal,
                                                              out of the official registry and the directory)
    pending ──expire_close (system, outcome close)──► closed (account: closed)
    pending ──cancel (comms; reasons)──► cancelled

- Registering an account directly (the registry's form and API, the inventory import) is the pre-existing-account
  path: `registry.services.account_register_preexisting` registers it `pending_regularisation` and the registry's
  `account_registered` signal reaches `regularisation_start_on_registration` below, which starts the
  regularisation in the same transaction (refused: nothing registered). An account put in that state any other
  way (the admin) gets its regularisation at the next `pregon tick`.
- regularise is refused while the account breaks the policy: administrators (`administrators_validate`), the
  institutional e-mail, handle and platform rules (`account_policy_violations`); the message cites each clause.
- Enabled when the policy has `transitional.preexisting_regularisation`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pregon.institutions.models import Institution
from pregon.institutions.policies import policy_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.regularisation import RegularisationStatus
from pregon.registry.choices import AccountStatus

from ..models import Regularisation
from ..services import procedure_create, procedure_transition, system_start_once
from ..spec import Periodic, ProcedureSpec, by_account, register_spec
from ..workflows import SYSTEM, Transition, TransitionContext, Workflow, register
from .lifecycle import account_label, account_status_set, head_message, message

_S = RegularisationStatus


def _clauses(policy: Policy) -> tuple[str, ...]:
    t = policy.transitional
    return t.clauses_for("preexisting_regularisation") + tuple(
        c for c in t.clauses_for("outcome") if c not in t.clauses_for("preexisting_regularisation"))


def _enabled(policy: Policy) -> bool:
    return policy.transitional.preexisting_regularisation


def _on_expiry(policy: Policy) -> str:
    return "expire_close" if policy.transitional.outcome == "close" else "expire"


def _guard_start(obj: Any, ctx: TransitionContext) -> str | None:
    if not _enabled(ctx.policy):
        return gettext("La norma de esta institución no prevé la regularización de cuentas preexistentes.")
    if obj.account.status != "pending_regularisation":
        return gettext("Sólo una cuenta registrada como «por regularizar» entra a este trámite.")
    return None


def compliance_problems(account: Any, policy: Policy) -> list[str]:
    """Why `account` does not meet the policy yet (empty: it does)."""
    from pregon.registry.services import account_policy_violations, administrators_validate

    problems: list[str] = []
    if not account.email:
        clauses = policy.identity.clauses_for("email_domains") if hasattr(policy, "identity") else ()
        problems.append(gettext("falta el correo institucional de registro") + (
            f" ({', '.join(clauses)})" if clauses else ""))
    problems += [str(v.message) for v in account_policy_violations(
        institution=account.institution, platform=account.platform, handle=account.handle, tier=account.tier,
        kind=account.kind, email=account.email, status="active", policy=policy)
        if account.email or v.field != "email"]
    problems += [str(v.message) for v in administrators_validate(account, policy=policy)]
    return problems


def _guard_regularise(obj: Any, ctx: TransitionContext) -> str | None:
    problems = compliance_problems(obj.account, ctx.policy)
    if not problems:
        return None
    return gettext("La cuenta aún no cumple la norma: %(p)s.") % {"p": "; ".join(problems)}


def _decided(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.decided_by = ctx.actor
    obj.decided_at = ctx.now
    obj.reasons = ctx.reason
    return {"decided_at": [None, ctx.now]}


def _regularised(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    changes = _decided(obj, ctx)
    changes.update(account_status_set(obj.account, "active", ctx))
    return changes


def _reclassified(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    changes = _decided(obj, ctx)
    changes.update(account_status_set(obj.account, "reclassified_personal", ctx))
    return changes


def _closed(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    changes = _decided(obj, ctx)
    changes.update(account_status_set(obj.account, "closed", ctx))
    return changes


def _notify(obj: Any, ctx: TransitionContext) -> list[Message]:
    head_roles, heads = head_message(obj.account)
    account = obj.account_label
    name = ctx.transition.name
    if name in ("start", "start_auto"):
        lines = [gettext("La cuenta %(a)s funcionaba antes de la norma. Conservará su carácter institucional si el "
                         "área y sus responsables se sujetan a la norma dentro del plazo; en caso contrario, se "
                         "considerará a título personal de quienes la administran.") % {"a": account}]
        subject = gettext("Cuenta preexistente por regularizar: %(a)s")
    elif name == "regularise":
        lines = [gettext("La cuenta %(a)s cumple la norma y queda como cuenta oficial activa.") % {"a": account}]
        subject = gettext("Cuenta regularizada: %(a)s")
    elif name == "expire":
        lines = [gettext("Venció el plazo de regularización de la cuenta %(a)s: se considera a título personal de "
                         "quienes la administran, sale del registro de cuentas oficiales y del directorio, y no puede "
                         "difundir información de la institución.") % {"a": account}]
        subject = gettext("Cuenta reclasificada como personal: %(a)s")
    elif name == "expire_close":
        lines = [gettext("Venció el plazo de regularización de la cuenta %(a)s: se cierra.") % {"a": account}]
        subject = gettext("Cuenta cerrada al vencer la regularización: %(a)s")
    else:
        lines = [gettext("Se canceló la regularización de la cuenta %(a)s.") % {"a": account}]
        subject = gettext("Regularización cancelada: %(a)s")
    return [message(obj, ctx, subject=subject % {"a": account}, lines=lines, roles=("comms", *head_roles),
                    users=heads)]


def regularisation_start_on_registration(
    sender: Any, *, account: Any, actor: Any = None, preexisting: bool = False, **kwargs: Any
) -> Any:
    """Receiver of `pregon.registry.signals.account_registered` (connected in `procedures/apps.py`): a pre-existing
    account registered directly starts its regularisation, as the person who registered it (`start`, Communications)
    or as the system (`start_auto`: the CLI import). Runs inside the registration's transaction and raises when the
    regularisation cannot start, so the registration (or the whole import) is undone. Returns the regularisation."""
    if not preexisting:
        return None
    from ..models import Regularisation
    from ..services import procedure_transition
    existing = Regularisation.objects.filter(account=account, status__in=(_S.NEW, _S.PENDING)).first()
    if existing is not None:
        return existing
    if getattr(actor, "is_authenticated", False):
        return regularisation_start(account=account, actor=actor)
    from pregon.institutions.policies import policy_for

    item = Regularisation(institution=account.institution, account=account, account_label=str(account)[:255],
                          status=_S.NEW, policy_version=policy_for(account.institution).version)
    item.full_clean()
    item.save()
    return procedure_transition(obj=item, action="start_auto", actor=None)


_DEADLINE = "transitional.regularisation_deadline"

REGULARISATION = register(
    Workflow(
        name="regularisation",
        label=_("regularización de cuenta preexistente"),
        states=RegularisationStatus,
        initial=_S.NEW,
        enabled="transitional.preexisting_regularisation",
        transitions=(
            Transition("start", (_S.NEW,), _S.PENDING, roles=("comms",), guard=_guard_start, notify=_notify,
                       deadline=_DEADLINE, on_expiry=_on_expiry, label=_("iniciar la regularización"),
                       clauses=_clauses, event="started"),
            Transition("start_auto", (_S.NEW,), _S.PENDING, roles=(SYSTEM,), guard=_guard_start, notify=_notify,
                       deadline=_DEADLINE, on_expiry=_on_expiry, label=_("iniciar la regularización"),
                       clauses=_clauses, event="started"),
            Transition("regularise", (_S.PENDING,), _S.REGULARISED, roles=("comms",), guard=_guard_regularise,
                       effect=_regularised, notify=_notify, label=_("declarar regularizada"), clauses=_clauses,
                       event="regularised"),
            Transition("expire", (_S.PENDING,), _S.RECLASSIFIED_PERSONAL, roles=(SYSTEM,), effect=_reclassified,
                       notify=_notify, label=_("reclasificar como personal al vencer"), clauses=_clauses,
                       event="reclassified_personal"),
            Transition("expire_close", (_S.PENDING,), _S.CLOSED, roles=(SYSTEM,), effect=_closed, notify=_notify,
                       label=_("cerrar al vencer"), clauses=_clauses, event="closed"),
            Transition("cancel", (_S.PENDING,), _S.CANCELLED, roles=("comms",), requires_reason=True,
                       effect=_decided, notify=_notify, label=_("cancelar"), clauses=_clauses, style="secondary",
                       event="cancelled", owed=False),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services
def regularisation_start(*, account: Any, actor: Any) -> Regularisation:
    item = Regularisation(institution=account.institution, account=account, account_label=account_label(account))
    return procedure_create(obj=item, actor=actor, submit="start")


def regularisations_start_missing(*, now: datetime | None = None) -> int:
    """Starts the regularisation of every `pending_regularisation` account that never had one (imports, the
    admin). Idempotent."""
    from pregon.registry.models import SocialAccount

    started = 0
    for institution in Institution.objects.all():
        if not policy_for(institution).transitional.preexisting_regularisation:
            continue
        accounts = SocialAccount.objects.filter(
            institution=institution, status=AccountStatus.PENDING_REGULARISATION, regularisations__isnull=True
        ).select_related("platform", "institution")
        for account in accounts:
            item = Regularisation(institution=institution, account=account, account_label=account_label(account))
            if system_start_once(item, "start_auto") is not None:
                started += 1
    return started


def regularisation_regularise(*, regularisation: Regularisation, actor: Any, reason: str = "") -> Regularisation:
    """Communications declares the account regularised (it meets the policy): the account becomes active."""
    return procedure_transition(obj=regularisation, action="regularise", actor=actor, reason=reason)


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

REGULARISATION_SPEC = register_spec(ProcedureSpec(
    key="regularisation", position=100, model=Regularisation, segment="regularizaciones", api_segment="regularisations",
    title=_("Regularización de cuenta preexistente"), title_plural=_("Regularizaciones de cuentas preexistentes"),
    columns=((_("Cuenta"), "account_label"),),
    scope=by_account(), panel="procedures/partials/_regularisation_fields.html", select_related=("account__platform",),
    periodic=(Periodic("regularisations_started", _("regularizaciones iniciadas"), regularisations_start_missing),),
))
