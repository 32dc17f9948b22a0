"""Writes of the account lifecycle procedures: closure, abandonment, re-certification, security incident and
regularisation of pre-existing accounts (tables in `flows/`). Thin wrappers over `procedure_create()` /
`procedure_transition()`, plus what `pregon tick` runs for them (`lifecycle_tick`).

Ledger: each service writes exactly one event for its procedure (`<workflow>.<verb>`); when the transition
changes the account in the registry, the registry's own service adds one `account.*` event on the account (see
`flows/lifecycle.py`). Refused actions raise an ApplicationError and change nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from pregon.core.errors import ApplicationError
from pregon.institutions.models import Institution
from pregon.institutions.policies import calendar_for, policy_for
from pregon.registry.choices import AccountStatus, Kind

from .choices import (
    AbandonmentStatus,
    ClosureStatus,
    IncidentStatus,
    RegularisationStatus,
)
from .deadlines import compute_due
from .models import AbandonmentFlag, ClosureRequest, Incident, ProcedureModel, Recertification, Regularisation
from .services import procedure_create, procedure_transition

logger = logging.getLogger(__name__)


def _label(account: Any) -> str:
    return str(account)[:255]


# ------------------------------------------------------------------------------------------------ closure


def closure_request_create(
    *, account: Any, actor: Any, motive: str, submit: bool = True, temporary: bool = False
) -> ClosureRequest:
    """The area's notice that it stops using `account` (rosarito:10.7): by default sent at once to
    Communications. The content action (delete / preserve) is frozen from the policy. `temporary`: a temporary
    closure, only for the tiers in `closure.temporary_allowed_for` (pasto:3.20: alternate accounts). One event:
    `closure.submitted` (or `closure.created` for a draft)."""
    from .flows.closure import temporary_refusal

    if not (motive or "").strip():
        raise ApplicationError(gettext("Indique el motivo del cierre."), code="INVALID_DATA",
                               extra={"errors": {"motive": [gettext("Este campo es obligatorio.")]}})
    policy = policy_for(account.institution)
    refusal = temporary_refusal(account, policy) if temporary else None
    if refusal is not None:
        raise ApplicationError(refusal, code="TEMPORARY_CLOSURE_NOT_ALLOWED",
                               extra={"errors": {"temporary": [refusal]},
                                      "clauses": list(policy.closure.clauses_for("temporary_allowed_for"))})
    closure = ClosureRequest(
        institution=account.institution, account=account, account_label=_label(account), requested_by=actor,
        motive=motive.strip(), content_action=policy.closure.content_action, is_temporary=bool(temporary),
    )
    return procedure_create(obj=closure, actor=actor, submit="submit" if submit else None)


def closure_acknowledge(*, closure: ClosureRequest, actor: Any, reason: str = "") -> ClosureRequest:
    """Communications acknowledges the notice and informs IT (`closure.notify`)."""
    return procedure_transition(obj=closure, action="acknowledge", actor=actor, reason=reason)


def closure_attest_deleted(*, closure: ClosureRequest, actor: Any, reason: str = "") -> ClosureRequest:
    """The area attests it deleted the contents (rosarito:10.8); refused where deleting is forbidden (pasto:3.17)."""
    return procedure_transition(obj=closure, action="attest_deleted", actor=actor, reason=reason)


def closure_export_history(*, closure: ClosureRequest, actor: Any, reason: str = "") -> ClosureRequest:
    """Exports the account's history to the archive (file + SHA-256 in the ledger) before closing (pasto:3.17)."""
    return procedure_transition(obj=closure, action="export_history", actor=actor, reason=reason)


def closure_close(*, closure: ClosureRequest, actor: Any, reason: str = "") -> ClosureRequest:
    """Closes the account in the registry once its contents were handled as the policy says."""
    return procedure_transition(obj=closure, action="close", actor=actor, reason=reason)


# ------------------------------------------------------------------------------------------------ system starts


def _system_start(obj: ProcedureModel, action: str) -> ProcedureModel | None:
    """Saves a procedure in its initial state and fires the SYSTEM `action` (one ledger event), in one
    transaction; None when a concurrent run already created it (the partial unique constraints say so)."""
    obj.policy_version = policy_for(obj.institution).version
    try:
        with transaction.atomic():
            obj.save()
            procedure_transition(obj=obj, action=action, actor=None)
    except IntegrityError:
        return None
    except ApplicationError as exc:
        logger.warning("%s: %s not started (%s)", obj.workflow_name, obj, exc)
        return None
    return obj


# ------------------------------------------------------------------------------------------------ abandonment


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
            due = compute_due(calendar, _start_of(_baseline(account), institution.timezone), limit).due_at
            if due > now:
                continue
            flag = AbandonmentFlag(institution=institution, account=account, account_label=_label(account),
                                   last_activity_on=account.last_activity_on, threshold=str(limit))
            if _system_start(flag, "flag") is not None:
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


def abandonment_dismiss(*, flag: AbandonmentFlag, actor: Any, reason: str) -> AbandonmentFlag:
    return procedure_transition(obj=flag, action="dismiss", actor=actor, reason=reason)


# ------------------------------------------------------------------------------------------------ re-certification


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
            item = Recertification(institution=institution, account=account, account_label=_label(account),
                                   period=period)
            if _system_start(item, "open") is not None:
                opened += 1
    return opened


def recertification_confirm(*, recertification: Recertification, actor: Any, reason: str = "") -> Recertification:
    """The area head confirms the account and its administrators (refused while they break the policy)."""
    return procedure_transition(obj=recertification, action="confirm", actor=actor, reason=reason)


def recertification_report_changes(*, recertification: Recertification, actor: Any, reason: str) -> Recertification:
    return procedure_transition(obj=recertification, action="report_changes", actor=actor, reason=reason)


# ------------------------------------------------------------------------------------------------ incident


def incident_report(*, account: Any, actor: Any, kind: str, description: str) -> Incident:
    """Reports a hijacked account, an unauthorised operator or lost credentials (rosarito:9.21,
    iee-sonora:6.XXVI, guadalajara:15ª): the account becomes compromised, `incidents.notify` is told at once and
    the containment plan starts (one deadline per step). One `incident.opened` event (plus `account.status_changed`)."""
    if not (description or "").strip():
        raise ApplicationError(gettext("Describa lo que se detectó."), code="INVALID_DATA",
                               extra={"errors": {"description": [gettext("Este campo es obligatorio.")]}})
    incident = Incident(institution=account.institution, account=account, account_label=_label(account), kind=kind,
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


def incident_dismiss(*, incident: Incident, actor: Any, reason: str) -> Incident:
    return procedure_transition(obj=incident, action="dismiss", actor=actor, reason=reason)


# ------------------------------------------------------------------------------------------------ regularisation


def preexisting_account_register(*, actor: Any, institution: Institution, **fields: Any) -> Regularisation:
    """Registers an account that existed before the norm as `pending_regularisation` and starts its
    regularisation (deadline `transitional.regularisation_deadline`), in one transaction: `account.registered`
    then `regularisation.started`."""
    from pregon.institutions.access import require_role
    from pregon.registry.services import account_register_preexisting

    require_role(actor, institution, "comms", write=True)
    with transaction.atomic():
        account = account_register_preexisting(actor=actor, institution=institution, **fields)
        return Regularisation.objects.get(account=account, status=RegularisationStatus.PENDING)


def regularisation_start(*, account: Any, actor: Any) -> Regularisation:
    item = Regularisation(institution=account.institution, account=account, account_label=_label(account))
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
            item = Regularisation(institution=institution, account=account, account_label=_label(account))
            if _system_start(item, "start_auto") is not None:
                started += 1
    return started


def regularisation_regularise(*, regularisation: Regularisation, actor: Any, reason: str = "") -> Regularisation:
    """Communications declares the account regularised (it meets the policy): the account becomes active."""
    return procedure_transition(obj=regularisation, action="regularise", actor=actor, reason=reason)


# ------------------------------------------------------------------------------------------------ tick


@dataclass
class LifecycleTickResult:
    flagged: int = 0
    recertifications: int = 0
    regularisations: int = 0


def lifecycle_tick(*, now: datetime | None = None) -> LifecycleTickResult:
    """The account checks `pregon tick` runs after expiring deadlines: abandonment flags, the period's
    re-certifications, regularisations of pre-existing accounts. Each is idempotent."""
    return LifecycleTickResult(
        flagged=abandonment_check(now=now),
        recertifications=recertifications_open(now=now),
        regularisations=regularisations_start_missing(now=now),
    )


__all__ = [
    "ClosureStatus",
    "IncidentStatus",
    "RegularisationStatus",
    "abandonment_check",
    "closure_request_create",
    "incident_report",
    "lifecycle_tick",
]
