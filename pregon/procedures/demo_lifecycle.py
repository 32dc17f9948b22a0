"""Demo data of the lifecycle procedures (called by `manage.py demo_load`, idempotent): an open security incident
on one Rosarito account, and a Pasto account closed through its closure procedure (history exported first,
pasto:3.17)."""

from __future__ import annotations

from typing import Any

from pregon.institutions.models import Institution, Membership
from pregon.procedures.flows.closure import (
    closure_acknowledge,
    closure_close,
    closure_export_history,
    closure_request_create,
)
from pregon.procedures.flows.incident import incident_report, incident_step_complete
from pregon.registry.choices import AccountStatus
from pregon.registry.models import SocialAccount

from .models import ClosureRequest, Incident


def _user(institution: Institution, role: str) -> Any:
    membership = Membership.objects.filter(institution=institution, role=role).select_related("user").order_by("id").first()
    return membership.user if membership else None


def _account(institution: Institution, skip: int = 0) -> SocialAccount | None:
    return (SocialAccount.objects.filter(institution=institution, status=AccountStatus.ACTIVE)
            .order_by("id")[skip:skip + 1].first())


def lifecycle_demo_load() -> int:
    """Returns how many procedures it created (0 when they were already there)."""
    created = 0
    rosarito = Institution.objects.filter(slug="rosarito").first()
    if rosarito is not None and not Incident.objects.filter(institution=rosarito).exists():
        account, reporter = _account(rosarito), _user(rosarito, "account_admin")
        if account is not None and reporter is not None:
            incident = incident_report(
                account=account, actor=reporter, kind="hijacked",
                description="Se publicaron mensajes que nadie del área escribió; la contraseña ya no funciona.")
            incident_step_complete(incident=incident, actor=reporter, step="recover_access",
                                            note="Acceso recuperado con el correo institucional.")
            created += 1
    pasto = Institution.objects.filter(slug="pasto").first()
    if pasto is not None and not ClosureRequest.objects.filter(institution=pasto).exists():
        account, head, comms = _account(pasto, skip=1), _user(pasto, "area_head"), _user(pasto, "comms")
        if account is not None and head is not None and comms is not None:
            closure = closure_request_create(account=account, actor=head,
                                                      motive="El programa terminó; la cuenta deja de usarse.")
            closure_acknowledge(closure=closure, actor=comms)
            closure_export_history(closure=closure, actor=comms)
            closure_close(closure=closure, actor=head)
            created += 1
    return created
