"""Writes of the account procedures: opening request, administrator change, credential rotation, live-stream
authorisation. Small action services over `services.procedure_create()` / `procedure_transition()` (one
transaction, one ledger event per transition), plus the registry services they end in (`account_register`,
`administrator_assign`/`administrator_end`, `account_set_status`), each of which writes its own single event.

`account_procedure_act()` is what views and the API call to fire an action: it routes the actions that carry
data (approve with the graphic identity, report, designate, attest) to their service.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from pregon.core.errors import ApplicationError
from pregon.institutions.access import RoleRequired
from pregon.institutions.models import Area, Institution, Official
from pregon.institutions.policies import calendar_for, local_today, policy_for
from pregon.registry import services as registry
from pregon.registry.choices import AccountStatus, AdminRole, Kind, Tier
from pregon.registry.models import AccessGrant, Administrator, Platform, SocialAccount

from .choices import DeadlineStatus
from .deadlines import deadline_start, due_at_for, term_until
from .flows.live_stream import authoriser_clauses, authoriser_role
from .models import (
    AdministratorChange,
    CredentialRotation,
    Deadline,
    LiveStreamAuthorisation,
    OpeningRequest,
    ProcedureModel,
)
from .models.credential_rotation import OPEN_ROTATION_STATES, RotationTrigger
from .services import procedure_create, procedure_transition
from .workflows import workflow_for


def _invalid(message: str, field: str = "__all__", code: str = "INVALID_DATA") -> ApplicationError:
    return ApplicationError(message, code=code, extra={"errors": {field: [message]}})


def _require_login(actor: Any) -> None:
    if not getattr(actor, "is_authenticated", False):
        raise RoleRequired(gettext("Inicie sesión para hacer esta solicitud."), code="ACTOR_REQUIRED")


def _system_start(obj: ProcedureModel, action: str) -> ProcedureModel:
    """Saves a procedure the system starts (no person acting) and fires its SYSTEM opening `action`: one ledger
    event, the transition's. Runs inside the caller's transaction."""
    workflow = workflow_for(obj)
    policy = policy_for(obj.institution)
    obj.status = workflow.initial
    obj.policy_version = policy.version
    obj.full_clean()
    obj.save()
    return procedure_transition(obj=obj, action=action, actor=None)


# ------------------------------------------------------------------------------------------------ opening request


def opening_request_create(
    *,
    institution: Institution,
    actor: Any,
    area: Area,
    platform: Platform,
    tier: str = Tier.MAIN,
    proposed_name: str,
    objectives: str = "",
    scope: str = "",
    coverage_or_benefits: str = "",
    justification: str = "",
    sign: bool = True,
) -> OpeningRequest:
    """The area head files the signed proposal (rosarito:10.2, iee-sonora:7.II, pasto:3.10). Signed at once by
    default: it goes to Informática for its opinion where the policy requires one, else to Communications.
    One ledger event: `opening_request.signed` (or `.created` for a draft)."""
    _require_login(actor)
    if not (proposed_name or "").strip():
        raise _invalid(gettext("Indique el nombre propuesto de la cuenta."), "proposed_name")
    if tier not in Tier.values:
        raise _invalid(gettext("Tipo de cuenta no válido."), "tier")
    obj = OpeningRequest(
        institution=institution, area=area, platform=platform, tier=tier, proposed_name=proposed_name.strip(),
        objectives=objectives.strip(), scope=scope.strip(), coverage_or_benefits=coverage_or_benefits.strip(),
        justification=justification.strip(), requested_by=actor,
    )
    policy = policy_for(institution)
    submit = None
    if sign:
        submit = "sign_for_opinion" if policy.opening.technical_opinion_required else "sign"
    return procedure_create(obj=obj, actor=actor, submit=submit)


def opening_request_sign(*, request: OpeningRequest, actor: Any) -> OpeningRequest:
    policy = policy_for(request.institution)
    action = "sign_for_opinion" if policy.opening.technical_opinion_required else "sign"
    return procedure_transition(obj=request, action=action, actor=actor)


def opening_request_give_opinion(
    *, request: OpeningRequest, actor: Any, opinion: str, favourable: bool | None = None
) -> OpeningRequest:
    """Informática's technical opinion (rosarito:10.4); Communications is told it may now decide."""
    return procedure_transition(obj=request, action="give_opinion", actor=actor, reason=opinion,
                                data={"favourable": favourable})


def opening_request_approve(
    *, request: OpeningRequest, actor: Any, graphic_identity: str = "", reason: str = "", agreed_name: str = "",
    agreed_url: str = "",
) -> OpeningRequest:
    """Communications authorises the opening and provides the graphic-identity elements where the policy says so
    (rosarito:10.4, iee-sonora:7.III), and the name and link agreed for the account (pasto:3.12: the report must
    match them). The requester and the signer are told."""
    return procedure_transition(obj=request, action="approve", actor=actor, reason=reason,
                                data={"graphic_identity": graphic_identity, "agreed_name": agreed_name,
                                      "agreed_url": agreed_url})


def opening_request_reject(*, request: OpeningRequest, actor: Any, reason: str) -> OpeningRequest:
    return procedure_transition(obj=request, action="reject", actor=actor, reason=reason)


def opening_request_withdraw(*, request: OpeningRequest, actor: Any, reason: str = "") -> OpeningRequest:
    return procedure_transition(obj=request, action="withdraw", actor=actor, reason=reason)


def opening_request_report(
    *,
    request: OpeningRequest,
    actor: Any,
    name: str,
    url: str,
    email: str = "",
    purpose: str = "",
    operation: str = "",
    administrators: list[tuple[Official, str]] | None = None,
    platform_account_id: str = "",
) -> OpeningRequest:
    """The area reports the opened account (rosarito:10.5, iee-sonora:7.III): the report is validated against the
    policy (fields, institutional e-mail domain and platform suffix, handle rules, platforms for the tier — the
    refusal names the clause), then, in the same transaction, the account is registered active in the registry
    (`account.registered`) and its administrators assigned (`administrator.assigned` each, with the policy's
    rank/count/employment checks). Events: `opening_request.registered` + the registry's own."""
    administrators = list(administrators or [])
    report = {
        "name": (name or "").strip(), "url": (url or "").strip(), "email": (email or "").strip().lower(),
        "purpose": (purpose or "").strip(), "operation": (operation or "").strip(),
        "administrators": [f"{o.full_name} ({AdminRole(r).label})" for o, r in administrators],
    }
    original = request
    with transaction.atomic():
        request = procedure_transition(obj=request, action="report", actor=actor, data={"report": report})
        account = registry.account_register(
            actor=actor, institution=request.institution, area=request.area, url=report["url"],
            display_name=report["name"], tier=request.tier, kind=Kind.OFFICIAL, email=report["email"],
            platform=request.platform, platform_account_id=platform_account_id, purpose=report["purpose"],
            opened_on=local_today(request.institution),
            reason=gettext("Apertura autorizada: %(req)s") % {"req": request.public_id},
        )
        for official, role in sorted(administrators, key=lambda pair: pair[1] != AdminRole.PRIMARY):
            registry.administrator_assign(actor=actor, account=account, official=official, role=role,
                                          reason=gettext("Informe de apertura"))
        OpeningRequest.objects.filter(pk=request.pk).update(account=account)
    original.refresh_from_db()
    return original


# ------------------------------------------------------------------------------------------------ administrator change


def administrator_change_create(
    *, institution: Institution, actor: Any, account: SocialAccount, leaving: Administrator | None = None,
    cause: str = "",
) -> AdministratorChange:
    """The area head or Communications notifies a change of administrators (rosarito:10.6, iee-sonora:7.IV,
    pasto:3.15): the roles in `administrators.change_notify` are told. When someone leaves and the policy rotates
    credentials on access loss, the rotation starts and the account goes `at_risk`.
    Events: `administrator_change.opened` (+ `credential_rotation.opened` and `account.status_changed`)."""
    _require_login(actor)
    if account.institution_id != institution.pk:
        raise _invalid(gettext("La cuenta no pertenece a esta institución."), "account")
    if leaving is not None and (leaving.account_id != account.pk or leaving.ends_on is not None):
        raise _invalid(gettext("Esa persona no administra actualmente esta cuenta."), "leaving")
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
        raise _invalid(gettext("Función de administrador no válida."), "role")
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
        change = _system_start(AdministratorChange(
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


# ------------------------------------------------------------------------------------------------ credential rotation


def credential_rotation_create(
    *, institution: Institution, actor: Any, account: SocialAccount, person_label: str = ""
) -> CredentialRotation:
    """Communications, Informática or the area head asks for a credential rotation (a manual one: the account's
    status does not change). Event: `credential_rotation.opened`."""
    _require_login(actor)
    if account.institution_id != institution.pk:
        raise _invalid(gettext("La cuenta no pertenece a esta institución."), "account")
    if CredentialRotation.objects.filter(account=account, status__in=OPEN_ROTATION_STATES).exists():
        raise _invalid(gettext("Ya hay un cambio de contraseñas en curso para esta cuenta."), "account",
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
            rotation = _system_start(CredentialRotation(
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
                    _system_start(CredentialRotation(institution=institution, account=account,
                                                     trigger=RotationTrigger.PERIODIC), "open_automatically")
            except IntegrityError:
                continue  # another tick opened it meanwhile
            created += 1
    return created


# ------------------------------------------------------------------------------------------------ live stream


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
    _require_login(actor)
    if account.institution_id != institution.pk:
        raise _invalid(gettext("La cuenta no pertenece a esta institución."), "account")
    if not (title or "").strip():
        raise _invalid(gettext("Indique el tema de la transmisión."), "title")
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


# ------------------------------------------------------------------------------------------------ dispatcher


def _bool(value: Any) -> bool:
    return value in (True, "1", "on", "true", "True", 1)


def account_procedure_act(
    *, obj: ProcedureModel, action: str, actor: Any, reason: str = "", data: dict[str, Any] | None = None
) -> ProcedureModel:
    """Fires `action` on one of the account procedures, routing the actions with their own service."""
    data = dict(data or {})
    if isinstance(obj, OpeningRequest):
        if action in ("sign", "sign_for_opinion"):
            return opening_request_sign(request=obj, actor=actor)
        if action == "give_opinion":
            fav = data.get("favourable")
            return opening_request_give_opinion(request=obj, actor=actor, opinion=reason,
                                                favourable=None if fav in (None, "") else _bool(fav))
        if action == "approve":
            return opening_request_approve(request=obj, actor=actor, reason=reason,
                                           graphic_identity=str(data.get("graphic_identity") or ""))
        if action == "report":
            return opening_request_report(
                request=obj, actor=actor, name=str(data.get("name") or ""), url=str(data.get("url") or ""),
                email=str(data.get("email") or ""), purpose=str(data.get("purpose") or ""),
                operation=str(data.get("operation") or ""), administrators=list(data.get("administrators") or []),
            )
    elif isinstance(obj, AdministratorChange):
        if action == "designate":
            official = data.get("official")
            if official is None:
                raise _invalid(gettext("Indique al nuevo administrador."), "official")
            return administrator_change_designate(change=obj, actor=actor, official=official,
                                                  role=str(data.get("role") or AdminRole.PRIMARY), reason=reason)
    elif isinstance(obj, CredentialRotation):
        if action == "attest":
            return credential_rotation_attest(
                rotation=obj, actor=actor, reason=reason, password_changed=_bool(data.get("password_changed")),
                sessions_revoked=_bool(data.get("sessions_revoked")),
                recovery_email_checked=_bool(data.get("recovery_email_checked")),
            )
    elif isinstance(obj, LiveStreamAuthorisation) and action == "submit":
        return live_stream_submit(stream=obj, actor=actor)
    return procedure_transition(obj=obj, action=action, actor=actor, reason=reason)


def officials_for_designation(institution: Institution) -> Any:
    """Active officials of the institution (who may be named administrators)."""
    return Official.objects.filter(institution=institution, employment_status="active").order_by("full_name")


__all__ = [
    "account_procedure_act",
    "administrator_change_create",
    "administrator_change_designate",
    "administrator_changes_start_for_departure",
    "credential_rotation_attest",
    "credential_rotation_create",
    "credential_rotation_start_for_access_loss",
    "credential_rotations_schedule_periodic",
    "live_stream_create",
    "live_stream_submit",
    "opening_request_approve",
    "opening_request_create",
    "opening_request_give_opinion",
    "opening_request_reject",
    "opening_request_report",
    "opening_request_sign",
    "opening_request_withdraw",
]
