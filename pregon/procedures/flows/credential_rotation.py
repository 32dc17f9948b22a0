"""Credential rotation: the transition table `CREDENTIAL_ROTATION` (guadalajara:15ª, pasto:2, rosarito:8.7).

    draft ──open (Communications, Informática, area head)─┐
    draft ──open_automatically (system)───────────────────┴─► pending ──attest (administrator)──► done
    pending ──expire (system, `credentials.rotation_deadline`)──► overdue ──attest──► done
    (pending|overdue) ──cancel (Communications, with reasons)──► cancelled

- Opened automatically when someone with access leaves an account (`credentials.rotate_on_access_loss`: an
  administrator's employment ends or an administrator change names who leaves) — the account goes `at_risk` — and
  by `pregon tick` when `credentials.periodic_rotation` is set and the last rotation is older (a reminder: the
  account's status does not change).
- attest: an account administrator attests the three checks (password changed, sessions revoked, recovery e-mail
  checked); the account returns to `active`. Pregón stores the attestation, never a password.
- Expiry: `overdue`; Communications, Informática, the area head and the administrators are told; the account stays
  `at_risk` until the attestation.
"""

from __future__ import annotations

import datetime as dt
import uuid as _uuid
from typing import Annotated, Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from pregon.institutions.models import Institution, Official
from pregon.institutions.policies import calendar_for, policy_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.credential_rotation import CredentialRotationStatus
from pregon.registry import services as registry
from pregon.registry.choices import AccountStatus, Kind
from pregon.registry.models import SocialAccount

from ..deadlines import due_at_for
from ..inputs import UI, Input
from ..models import (
    AdministratorChange,
    CredentialRotation,
)
from ..models.credential_rotation import OPEN_ROTATION_STATES, RotationTrigger
from ..services import invalid_input, procedure_create, procedure_transition, require_login, system_start
from ..spec import Action, Create, Periodic, ProcedureSpec, by_account, register_spec
from ..workflows import SYSTEM, GuardRefused, Transition, TransitionContext, Workflow, register
from .common import account_admin_users, cite, local, refs, require_role_for_area

_S = CredentialRotationStatus
CHECKS = {
    "password_changed": _("la contraseña se cambió"),
    "sessions_revoked": _("se cerraron todas las sesiones abiertas"),
    "recovery_email_checked": _("el correo de recuperación es el institucional"),
}


def rotation_clauses(policy: Policy, trigger: str = "access_loss") -> tuple[str, ...]:
    if trigger == "periodic":
        return refs(policy, "credentials.periodic_rotation")
    return refs(policy, "credentials.rotate_on_access_loss")


def _clauses(policy: Policy) -> tuple[str, ...]:
    return refs(policy, "credentials.rotate_on_access_loss", "credentials.periodic_rotation")


def _attest_guard(obj: Any, ctx: TransitionContext) -> str | None:
    require_role_for_area(ctx.actor, obj.institution, "account_admin", obj.account.area, _clauses(ctx.policy))
    if ctx.actor is not None and _is_the_person_who_left(obj, ctx.actor):
        return gettext("Quien dejó la cuenta no puede confirmar el cambio de sus propias credenciales; lo confirma "
                       "otro administrador") + cite(_clauses(ctx.policy)) + "."
    return None


def _is_the_person_who_left(obj: Any, actor: Any) -> bool:
    """Whether `actor` is the official whose departure opened this rotation (the administrator change names the
    assignment that ends), or an official of the institution whose employment has ended — even with the baja
    dated later — and who holds no other employment there."""
    from pregon.institutions.choices import EmploymentStatus

    from ..models import AdministratorChange

    if obj.administrator_change_id and AdministratorChange.objects.filter(
            pk=obj.administrator_change_id, leaving__official__user_id=actor.pk).exists():
        return True
    statuses = set(Official.objects.filter(institution_id=obj.institution_id, user_id=actor.pk)
                   .values_list("employment_status", flat=True))
    return EmploymentStatus.ENDED in statuses and EmploymentStatus.ACTIVE not in statuses


def _set_opened(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    return {"account": [None, str(obj.account)], "trigger": [None, obj.trigger], "person": [None, obj.person_label]}


def _set_attested(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    missing = [str(label) for key, label in CHECKS.items() if not ctx.data.get(key)]
    if missing:
        raise GuardRefused(
            gettext("Para dar por cambiadas las credenciales confirme que %(missing)s") % {"missing": "; ".join(missing)}
            + cite(_clauses(ctx.policy)) + ".",
            code="ROTATION_CHECKS_MISSING", extra={"missing": [k for k in CHECKS if not ctx.data.get(k)]},
        )
    changes: dict[str, Any] = {key: [bool(getattr(obj, key)), True] for key in sorted(CHECKS)}
    obj.password_changed = obj.sessions_revoked = obj.recovery_email_checked = True
    obj.attested_by = ctx.actor
    obj.attested_at = ctx.now
    return {"attested_at": [None, ctx.now], **changes}


def _set_reasons(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.reasons = ctx.reason
    return {"reasons": ["", ctx.reason]} if ctx.reason else {}


def _notify_opened(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = rotation_clauses(ctx.policy, obj.trigger)
    if obj.trigger == "periodic":
        first = gettext("Toca el cambio periódico de contraseña de la cuenta %(account)s%(cite)s.")
    else:
        first = gettext("Alguien con acceso dejó la cuenta %(account)s%(cite)s: cambie la contraseña. La cuenta se "
                        "muestra «en riesgo» hasta que un administrador lo confirme.")
    lines = [first % {"account": obj.account, "cite": cite(clauses)}]
    if obj.person_label:
        lines.append(gettext("Persona que dejó la cuenta: %(who)s.") % {"who": obj.person_label})
    lines += ["", gettext("Al terminar, confirme en Pregón que: %(checks)s. Nunca escriba la contraseña en Pregón.")
              % {"checks": "; ".join(str(v) for v in CHECKS.values())}]
    d = ctx.started_deadline
    if d is not None:
        lines.append(gettext("Plazo: %(duration)s, vence el %(due)s%(cite)s.")
                     % {"duration": d.duration_display, "due": local(d.due_at, obj.institution), "cite": cite(d.clauses)})
    return [Message(
        subject=gettext("Cambio de contraseñas pendiente: %(account)s (%(c)s)")
        % {"account": obj.account, "c": ", ".join(clauses)},
        body="\n".join(lines), roles=("it",), users=account_admin_users(obj.account), link=obj.get_absolute_url(),
        clauses=clauses, kind="credential_rotation.opened",
    )]


def _notify_attested(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = rotation_clauses(ctx.policy, obj.trigger)
    return [Message(
        subject=gettext("Credenciales cambiadas: %(account)s") % {"account": obj.account},
        body=gettext("Un administrador confirmó el cambio de contraseña, el cierre de sesiones y el correo de "
                     "recuperación de %(account)s%(cite)s.") % {"account": obj.account, "cite": cite(clauses)},
        roles=("it",), link=obj.get_absolute_url(), clauses=clauses, kind="credential_rotation.attested",
    )]


def _notify_expired(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = refs(ctx.policy, "credentials.rotation_deadline", "credentials.rotate_on_access_loss")
    return [Message(
        subject=gettext("Venció el plazo para cambiar las contraseñas de %(account)s (%(c)s)")
        % {"account": obj.account, "c": ", ".join(clauses)},
        body="\n".join([
            gettext("Nadie ha confirmado el cambio de contraseña de %(account)s; la cuenta sigue «en riesgo».")
            % {"account": obj.account},
            ctx.reason,
        ]),
        roles=("comms", "it", "area_head"), users=account_admin_users(obj.account), link=obj.get_absolute_url(),
        clauses=clauses, kind="credential_rotation.expired",
    )]


_OPEN = dict(effect=_set_opened, notify=_notify_opened, deadline="credentials.rotation_deadline",
             on_expiry="expire", event="opened", clauses=_clauses)

CREDENTIAL_ROTATION = register(
    Workflow(
        name="credential_rotation",
        enabled_clauses=lambda p: tuple(dict.fromkeys(p.credentials.clauses_for("rotate_on_access_loss") + p.credentials.clauses_for("periodic_rotation"))),
        label=_("cambio de contraseñas"),
        states=CredentialRotationStatus,
        initial=_S.DRAFT,
        # Informática tracks every rotation (it is told when one opens and when it is overdue): "Mis pendientes"
        # shows it the rotations still open, with their deadline, until an administrator attests.
        followed_by=((_S.PENDING, ("it",)), (_S.OVERDUE, ("it",))),
        transitions=(
            Transition("open", (_S.DRAFT,), _S.PENDING, roles=("comms", "it", "area_head"),
                       label=_("pedir el cambio de contraseñas"), **_OPEN),
            Transition("open_automatically", (_S.DRAFT,), _S.PENDING, roles=(SYSTEM,),
                       label=_("cambio de contraseñas iniciado por el sistema"), **_OPEN),
            Transition(
                "attest", (_S.PENDING, _S.OVERDUE), _S.DONE, roles=("account_admin",), guard=_attest_guard,
                effect=_set_attested, notify=_notify_attested, event="attested",
                label=_("confirmar el cambio de contraseñas"),
                clauses=_clauses,
            ),
            Transition(
                "cancel", (_S.PENDING, _S.OVERDUE), _S.CANCELLED, roles=("comms",), requires_reason=True,
                effect=_set_reasons, label=_("cancelar"), style="danger", event="cancelled", owed=False,
            ),
            Transition(
                "expire", (_S.PENDING,), _S.OVERDUE, roles=(SYSTEM,), effect=_set_reasons, notify=_notify_expired,
                event="expired", label=_("plazo de cambio vencido"),
                clauses=lambda p: refs(p, "credentials.rotation_deadline"),
            ),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services
def credential_rotation_create(
    *, institution: Institution, actor: Any, account: SocialAccount, person_label: str = ""
) -> CredentialRotation:
    """Communications, Informática or the area head asks for a credential rotation (a manual one: the account's
    status does not change). Event: `credential_rotation.opened`."""
    require_login(actor)
    if account.institution_id != institution.pk:
        raise invalid_input(gettext("La cuenta no pertenece a esta institución."), "account")
    if CredentialRotation.objects.filter(account=account, status__in=OPEN_ROTATION_STATES).exists():
        raise invalid_input(gettext("Ya hay un cambio de contraseñas en curso para esta cuenta."), "account",
                       code="ROTATION_ALREADY_OPEN")
    obj = CredentialRotation(institution=institution, account=account, trigger=RotationTrigger.MANUAL,
                             person_label=(person_label or "").strip(), started_by=actor)
    return procedure_create(obj=obj, actor=actor, submit="open")


def credential_rotation_start_for_access_loss(
    *, account: SocialAccount, person_label: str, administrator_change: AdministratorChange | None = None,
    actor: Any = None,
) -> CredentialRotation | None:
    """Someone with access left `account`: where `credentials.rotate_on_access_loss`, one rotation task per
    account (reusing the open one) with the policy's deadline, and the account `at_risk` until an administrator
    attests. Events: `credential_rotation.opened` (system) and `account.status_changed`. None when the policy
    does not ask for it."""
    policy = policy_for(account.institution)
    if not policy.credentials.rotate_on_access_loss:
        return None
    with transaction.atomic():
        rotation = CredentialRotation.objects.filter(account=account, status__in=OPEN_ROTATION_STATES).first()
        if rotation is None:
            rotation = system_start(CredentialRotation(
                institution=account.institution, account=account, trigger=RotationTrigger.ACCESS_LOSS,
                person_label=person_label[:255], administrator_change=administrator_change,
            ), "open_automatically")
        account.refresh_from_db()
        if account.status == AccountStatus.ACTIVE:
            registry.account_set_status(
                actor=actor, account=account, status=AccountStatus.AT_RISK,
                reason=gettext("Cambio de contraseñas pendiente: %(who)s dejó la cuenta") % {"who": person_label},
            )
    return rotation


def credential_rotation_attest(
    *, rotation: CredentialRotation, actor: Any, password_changed: bool, sessions_revoked: bool,
    recovery_email_checked: bool, reason: str = "",
) -> CredentialRotation:
    """An account administrator attests the three checks (the password itself is never asked nor stored); an
    `at_risk` account returns to `active`. Events: `credential_rotation.attested` (+ `account.status_changed`)."""
    with transaction.atomic():
        rotation = procedure_transition(
            obj=rotation, action="attest", actor=actor, reason=reason,
            data={"password_changed": password_changed, "sessions_revoked": sessions_revoked,
                  "recovery_email_checked": recovery_email_checked},
        )
        account = rotation.account
        account.refresh_from_db()
        if account.status == AccountStatus.AT_RISK:
            registry.account_set_status(actor=actor, account=account, status=AccountStatus.ACTIVE,
                                        reason=gettext("Credenciales cambiadas (atestiguado)"))
    return rotation


def credential_rotations_schedule_periodic(*, now: dt.datetime | None = None) -> int:
    """Run by `pregon tick`: where `credentials.periodic_rotation` is set (pasto:2), opens a rotation reminder for
    each open official account whose last completed rotation (or opening) is older than the period and that has
    no rotation in course. Idempotent: an open rotation (one per account, a unique constraint) stops a second."""
    now = now or timezone.now()
    created = 0
    for institution in Institution.objects.filter(is_active=True).order_by("pk"):
        period = policy_for(institution).credentials.periodic_rotation
        if period is None:
            continue
        calendar = calendar_for(institution)
        accounts = list(SocialAccount.objects.filter(
            institution=institution, kind=Kind.OFFICIAL, status__in=[AccountStatus.ACTIVE, AccountStatus.AT_RISK]))
        ids = [a.pk for a in accounts]
        busy = set(CredentialRotation.objects.filter(account_id__in=ids, status__in=OPEN_ROTATION_STATES)
                   .values_list("account_id", flat=True))
        last = dict(CredentialRotation.objects.filter(account_id__in=ids, status="done").values("account_id")
                    .annotate(last=Max("attested_at")).values_list("account_id", "last"))
        for account in accounts:
            if account.pk in busy:
                continue
            since = last.get(account.pk) or account.created_at
            if due_at_for(calendar, since, period) > now:
                continue
            try:
                with transaction.atomic():
                    system_start(CredentialRotation(institution=institution, account=account,
                                                     trigger=RotationTrigger.PERIODIC), "open_automatically")
            except IntegrityError:
                continue  # another tick opened it meanwhile
            created += 1
    return created


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

class CredentialRotationIn(Input):
    account: Annotated[_uuid.UUID, UI(_("Cuenta"), ref="account")]
    person_label: Annotated[str, Field(max_length=255), UI(_("Persona que dejó la cuenta (si la hay)"))] = ""


class AttestIn(Input):
    password_changed: Annotated[bool, UI(_("La contraseña se cambió"))] = False
    sessions_revoked: Annotated[bool, UI(_("Se cerraron todas las sesiones abiertas"))] = False
    recovery_email_checked: Annotated[bool, UI(_("El correo de recuperación es el institucional"))] = False
    reason: Annotated[str, Field(max_length=8000), UI(_("Motivos"), widget="textarea")] = ""


CREDENTIAL_ROTATION_SPEC = register_spec(ProcedureSpec(
    key="credential_rotation", position=30, model=CredentialRotation, segment="cambios-de-contrasena",
    api_segment="credential-rotations", title=_("Cambio de contraseñas"), title_plural=_("Cambios de contraseñas"),
    columns=((_("Cuenta"), "account"), (_("Motivo"), "get_trigger_display")),
    create=Create(CredentialRotationIn, credential_rotation_create, roles=("comms", "it", "area_head")),
    actions={"attest": Action(AttestIn, credential_rotation_attest, obj_arg="rotation")},
    scope=by_account(), panel="procedures/partials/_credential_rotation_fields.html",
    select_related=("account__platform",),
    periodic=(Periodic("rotations_scheduled", _("recordatorios de cambio de contraseña"),
                       credential_rotations_schedule_periodic),),
))
