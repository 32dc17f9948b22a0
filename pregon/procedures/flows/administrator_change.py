"""Administrator change: the transition table `ADMINISTRATOR_CHANGE` (rosarito:10.6, iee-sonora:7.IV, pasto:3.15).

    draft ──notify (area head, Communications)─────────┐
    draft ──open_on_departure (system: employment ended)┴─► awaiting_designation ──designate──► completed
    awaiting_designation ──expire (system, `administrators.change_deadline`)──► overdue ──designate──► completed
    (awaiting_designation|overdue) ──cancel (Communications, with reasons)──► cancelled

- Opening it notifies the roles in `administrators.change_notify` (Communications and Informática in Rosarito,
  rosarito:10.6; Communications in IEE Sonora and Pasto), citing the clause.
- `official_end_employment` opens one per account the official administered (`open_on_departure`), ends the
  assignment when `administrators.end_role_when_employment_ends` (pasto:3.15), and starts the credential rotation
  (see `credential_rotation`).
- designate: the area head or Communications names the new administrator; the registry assigns it
  (`administrator_assign`, with the policy's rank/count/employment checks) and the same roles are told the name
  (pasto:3.15: "cuyo nombre debe ser notificado a la Oficina de Comunicación Social").
- No norm sets a term; `administrators.change_deadline` if the policy sets one. Expiry: `overdue`, notified to the
  area head and the change_notify roles; designation is still possible.
"""

from __future__ import annotations

import datetime as dt
import uuid as _uuid
from typing import Annotated, Any

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from pregon.institutions.models import Institution, Official
from pregon.institutions.policies import policy_for
from pregon.notifications.services import Message
from pregon.policy import Policy
from pregon.procedures.models.administrator_change import AdministratorChangeStatus
from pregon.registry import services as registry
from pregon.registry.choices import AccountStatus, AdminRole
from pregon.registry.models import AccessGrant, Administrator, SocialAccount

from ..inputs import UI, Input
from ..models import (
    AdministratorChange,
)
from ..services import invalid_input, procedure_create, procedure_transition, require_login, system_start
from ..spec import Action, Create, ProcedureSpec, by_account, register_spec
from ..workflows import SYSTEM, Transition, TransitionContext, Workflow, register
from .common import cite, local, refs, require_role_for_area
from .credential_rotation import credential_rotation_start_for_access_loss

_S = AdministratorChangeStatus
DESIGNATORS = ("area_head", "comms")


def _clauses(policy: Policy) -> tuple[str, ...]:
    return refs(policy, "administrators.change_notify")


def _area_guard(obj: Any, ctx: TransitionContext) -> str | None:
    """An area-scoped head acts only on the accounts of their area (Communications on every account)."""
    if ctx.actor is None:
        return None
    from pregon.institutions.access import roles_of

    held = roles_of(ctx.actor, obj.institution)
    if "comms" in held:
        return None
    require_role_for_area(ctx.actor, obj.institution, "area_head", obj.account.area, _clauses(ctx.policy))
    return None


def _set_opened(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    return {"account": [None, str(obj.account)], "leaving": [None, obj.leaving_label], "cause": [None, obj.cause]}


def _set_designated(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.designated_by = ctx.actor
    obj.designated_at = ctx.now
    obj.designated_role = str(ctx.data.get("role") or "")
    official = ctx.data.get("official")
    return {"designated_at": [None, ctx.now], "official": [None, str(official) if official else None],
            "designated_role": ["", obj.designated_role]}


def _set_reasons(obj: Any, ctx: TransitionContext) -> dict[str, Any]:
    obj.reasons = ctx.reason
    return {"reasons": ["", ctx.reason]} if ctx.reason else {}


def _notify_opened(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = _clauses(ctx.policy)
    lines = [
        gettext("Cambio de administrador en la cuenta %(account)s (área: %(area)s).")
        % {"account": obj.account, "area": obj.account.area},
    ]
    if obj.leaving_label:
        lines.append(gettext("Deja de administrarla: %(who)s.") % {"who": obj.leaving_label})
    if obj.cause:
        lines.append(gettext("Causa: %(cause)s.") % {"cause": obj.cause})
    lines.append(gettext("Designe al nuevo administrador y notifíquelo%(cite)s.") % {"cite": cite(clauses)})
    d = ctx.started_deadline
    if d is not None:
        lines.append(gettext("Plazo: %(duration)s, vence el %(due)s%(cite)s.")
                     % {"duration": d.duration_display, "due": local(d.due_at, obj.institution), "cite": cite(d.clauses)})
    return [Message(
        subject=gettext("Cambio de administrador de cuenta (%(c)s)") % {"c": ", ".join(clauses)},
        body="\n".join(lines), roles=tuple(sorted({*ctx.policy.administrators.change_notify, "area_head"})),
        link=obj.get_absolute_url(), clauses=clauses, kind="administrator_change.opened",
    )]


def _notify_designated(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = _clauses(ctx.policy)
    official = ctx.data.get("official")
    return [Message(
        subject=gettext("Nuevo administrador de cuenta designado (%(c)s)") % {"c": ", ".join(clauses)},
        body="\n".join([
            gettext("Cuenta: %(account)s.") % {"account": obj.account},
            gettext("Nuevo administrador (%(role)s): %(who)s.")
            % {"role": obj.get_designated_role_display() or "—", "who": official.full_name if official else "—"},
            *([gettext("Sustituye a: %(who)s.") % {"who": obj.leaving_label}] if obj.leaving_label else []),
        ]),
        roles=tuple(ctx.policy.administrators.change_notify), link=obj.get_absolute_url(), clauses=clauses,
        kind="administrator_change.designated",
    )]


def _notify_expired(obj: Any, ctx: TransitionContext) -> list[Message]:
    clauses = refs(ctx.policy, "administrators.change_deadline", "administrators.change_notify")
    return [Message(
        subject=gettext("Venció el plazo para designar administrador (%(c)s)") % {"c": ", ".join(clauses)},
        body=gettext("La cuenta %(account)s sigue sin el nuevo administrador. %(reason)s")
        % {"account": obj.account, "reason": ctx.reason},
        roles=tuple(sorted({*ctx.policy.administrators.change_notify, "area_head"})), link=obj.get_absolute_url(),
        clauses=clauses, kind="administrator_change.expired",
    )]


def administrator_change_on_request(
    sender: Any, *, account: Any, actor: Any, official: Any = None, role: str = "", leaving: Any = None,
    ends_on: Any = None, reason: str = "", **kwargs: Any,
) -> Any:
    """Receiver of `pregon.registry.signals.administrator_change_requested` (connected in `procedures/apps.py`):
    the registry's "Designar administrador" / "Terminar" become this procedure, inside the registry's transaction.

    Opens the change (`notify`: the `administrators.change_notify` roles are told, rosarito:10.6; when someone
    leaves, the credential rotation starts where `credentials.rotate_on_access_loss`, guadalajara:15ª), then either
    designates `official` (`designate`: assigned with the policy's checks, its name told, pasto:3.15) or ends the
    leaving assignment on `ends_on` and leaves the change awaiting the successor. Returns the change; raises (and
    so undoes everything) when refused."""
    from pregon.registry.services import administrator_end

    change = administrator_change_create(institution=account.institution, actor=actor, account=account,
                                         leaving=leaving, cause=reason)
    if official is not None:
        return administrator_change_designate(change=change, actor=actor, official=official,
                                              role=role or AdminRole.PRIMARY, reason=reason)
    if leaving is not None:
        administrator_end(actor=actor, administrator=leaving, ends_on=ends_on,
                          reason=reason or gettext("Cambio de administrador"))
    return change


_OPEN = dict(effect=_set_opened, notify=_notify_opened, deadline="administrators.change_deadline",
             on_expiry="expire", event="opened", clauses=_clauses)

ADMINISTRATOR_CHANGE = register(
    Workflow(
        name="administrator_change",
        enabled_clauses=lambda p: tuple(dict.fromkeys(p.administrators.clauses_for("change_notify") + p.administrators.clauses_for("count"))),
        label=_("cambio de administrador"),
        states=AdministratorChangeStatus,
        initial=_S.DRAFT,
        transitions=(
            Transition("notify", (_S.DRAFT,), _S.AWAITING_DESIGNATION, roles=DESIGNATORS, guard=_area_guard,
                       label=_("notificar el cambio de administrador"), **_OPEN),
            Transition("open_on_departure", (_S.DRAFT,), _S.AWAITING_DESIGNATION, roles=(SYSTEM,),
                       label=_("iniciado por la baja del servidor público"), **_OPEN),
            Transition(
                "designate", (_S.AWAITING_DESIGNATION, _S.OVERDUE), _S.COMPLETED, roles=DESIGNATORS,
                guard=_area_guard, effect=_set_designated, notify=_notify_designated,
                label=_("designar al nuevo administrador"), clauses=_clauses, event="completed",
            ),
            Transition(
                "cancel", (_S.AWAITING_DESIGNATION, _S.OVERDUE), _S.CANCELLED, roles=("comms",),
                requires_reason=True, effect=_set_reasons, label=_("cancelar el cambio"), style="danger",
                event="cancelled", owed=False,
            ),
            Transition(
                "expire", (_S.AWAITING_DESIGNATION,), _S.OVERDUE, roles=(SYSTEM,), effect=_set_reasons,
                notify=_notify_expired, event="expired", label=_("plazo de designación vencido"),
                clauses=lambda p: refs(p, "administrators.change_deadline"),
            ),
        ),
    )
)


# ---------------------------------------------------------------------------------------------- services
def administrator_change_create(
    *, institution: Institution, actor: Any, account: SocialAccount, leaving: Administrator | None = None,
    cause: str = "",
) -> AdministratorChange:
    """The area head or Communications notifies a change of administrators (rosarito:10.6, iee-sonora:7.IV,
    pasto:3.15): the roles in `administrators.change_notify` are told. When someone leaves and the policy rotates
    credentials on access loss, the rotation starts and the account goes `at_risk`.
    Events: `administrator_change.opened` (+ `credential_rotation.opened` and `account.status_changed`)."""
    require_login(actor)
    if account.institution_id != institution.pk:
        raise invalid_input(gettext("La cuenta no pertenece a esta institución."), "account")
    if leaving is not None and (leaving.account_id != account.pk or leaving.ends_on is not None):
        raise invalid_input(gettext("Esa persona no administra actualmente esta cuenta."), "leaving")
    obj = AdministratorChange(
        institution=institution, account=account, leaving=leaving, started_by=actor, cause=(cause or "").strip(),
        leaving_label=leaving.official.full_name if leaving is not None else "",
    )
    with transaction.atomic():
        obj = procedure_create(obj=obj, actor=actor, submit="notify")
        if leaving is not None:
            credential_rotation_start_for_access_loss(account=account, person_label=obj.leaving_label,
                                                      administrator_change=obj, actor=actor)
    return obj


def administrator_change_designate(
    *, change: AdministratorChange, actor: Any, official: Official, role: str = AdminRole.PRIMARY, reason: str = ""
) -> AdministratorChange:
    """Names the new administrator: ends the leaving assignment if still open (`administrator.ended`), assigns the
    new one through the registry with the policy's checks (`administrator.assigned`), and tells the change_notify
    roles the new name (pasto:3.15). Event: `administrator_change.designated` (+ the registry's)."""
    if role not in AdminRole.values:
        raise invalid_input(gettext("Función de administrador no válida."), "role")
    original = change
    with transaction.atomic():
        change = procedure_transition(obj=change, action="designate", actor=actor, reason=reason,
                                      data={"official": official, "role": role})
        leaving = change.leaving
        if leaving is not None:
            leaving.refresh_from_db()
            if leaving.ends_on is None:
                registry.administrator_end(actor=actor, administrator=leaving, reason=gettext("Cambio de administrador"))
        admin = registry.administrator_assign(actor=actor, account=change.account, official=official, role=role,
                                              reason=gettext("Cambio de administrador"))
        AdministratorChange.objects.filter(pk=change.pk).update(designated=admin)
    original.refresh_from_db()
    return original


def administrator_changes_start_for_departure(
    *, official: Official, ended_on: dt.date, actor: Any = None
) -> list[AdministratorChange]:
    """Called by `institutions.services.official_end_employment` inside its transaction. For every account the
    official administered: an administrator change (system, `administrator_change.opened`, change_notify roles
    told), the assignment ended where `administrators.end_role_when_employment_ends` (pasto:3.15,
    `administrator.ended`), and the credential rotation with the account `at_risk` where
    `credentials.rotate_on_access_loss` (guadalajara:15ª). Accounts the official merely had recorded access to get
    the rotation too."""
    policy = policy_for(official.institution)
    cause = gettext("Baja de %(name)s el %(on)s") % {"name": official.full_name, "on": ended_on.strftime("%d/%m/%Y")}
    changes = []
    assignments = (
        Administrator.objects.filter(official=official, ends_on__isnull=True)
        .exclude(account__status=AccountStatus.CLOSED).select_related("account__institution", "account__area")
        .order_by("account_id")
    )
    touched: set[int] = set()
    for admin in assignments:
        account = admin.account
        change = system_start(AdministratorChange(
            institution=account.institution, account=account, leaving=admin, leaving_label=official.full_name,
            cause=cause,
        ), "open_on_departure")
        changes.append(change)
        if policy.administrators.end_role_when_employment_ends:
            registry.administrator_end(actor=actor, administrator=admin, ends_on=max(ended_on, admin.starts_on),
                                       reason=cause)
        credential_rotation_start_for_access_loss(account=account, person_label=official.full_name,
                                                  administrator_change=change, actor=actor)
        touched.add(account.pk)
    grants = AccessGrant.objects.filter(official=official, revoked_on__isnull=True).exclude(
        account__status=AccountStatus.CLOSED).exclude(account_id__in=touched).select_related("account__institution")
    for grant in grants:
        credential_rotation_start_for_access_loss(account=grant.account, person_label=official.full_name, actor=actor)
    return changes


# ---------------------------------------------------------------------------------------------- the spec
# Inputs, pages, API and visibility of this procedure, derived by pregon/procedures/spec.py (docs/procedures.md).

class AdministratorChangeIn(Input):
    account: Annotated[_uuid.UUID, UI(_("Cuenta"), ref="account")]
    leaving: Annotated[_uuid.UUID | None, UI(_("Administrador que deja la cuenta"), ref="administrator")] = None
    cause: Annotated[str, Field(max_length=255), UI(_("Causa"))] = ""


class DesignateIn(Input):
    official: Annotated[_uuid.UUID, UI(_("Nuevo administrador"), ref="official")]
    role: Annotated[str, UI(_("Función"), choices=AdminRole)] = AdminRole.PRIMARY
    reason: Annotated[str, Field(max_length=8000), UI(_("Motivos"), widget="textarea")] = ""


ADMINISTRATOR_CHANGE_SPEC = register_spec(ProcedureSpec(
    key="administrator_change", position=40, model=AdministratorChange, segment="cambios-de-administrador",
    api_segment="administrator-changes", title=_("Cambio de administrador"), title_plural=_("Cambios de administrador"),
    columns=((_("Cuenta"), "account"), (_("Sale"), "leaving_label")),
    create=Create(AdministratorChangeIn, administrator_change_create, roles=("comms", "area_head")),
    actions={"designate": Action(DesignateIn, administrator_change_designate, obj_arg="change")},
    scope=by_account(), panel="procedures/partials/_administrator_change_fields.html",
    select_related=("account__platform",),
))
