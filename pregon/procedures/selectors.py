"""Reads of the procedures app, always for an actor (STYLE §2.7)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import gettext

from pregon.institutions.access import require_role, roles_of
from pregon.institutions.models import Institution
from pregon.ledger.models import Event

from .choices import DeadlineStatus
from .models import Consultation, Deadline, ProcedureModel, TransitionRecord

# Who may read consultations of an institution (the auditor reads everything anyway).
CONSULTATION_READERS = ("comms", "account_admin", "area_head")


def consultation_list(*, institution: Institution, actor: Any, status: str | None = None) -> QuerySet[Consultation]:
    """The institution's consultations, newest first, for a reader of the institution."""
    require_role(actor, institution, *CONSULTATION_READERS)
    qs = Consultation.objects.filter(institution=institution).select_related("asked_by", "decided_by", "institution")
    if status:
        qs = qs.filter(status=status)
    return qs


def consultation_get(*, institution: Institution, actor: Any, public_id: Any) -> Consultation:
    """One consultation of the institution; Http404 when it is not there (or not visible)."""
    from django.http import Http404

    require_role(actor, institution, *CONSULTATION_READERS)
    try:
        return Consultation.objects.select_related("asked_by", "decided_by", "institution").get(
            institution=institution, public_id=public_id
        )
    except (Consultation.DoesNotExist, ValueError):
        raise Http404(gettext("No se encontró la consulta.")) from None


def consultation_get_for_user(*, actor: Any, public_id: Any) -> Consultation:
    """A consultation by its public id, for the API: 404 unless its institution is visible to the actor."""
    from pregon.core.errors import NotFound

    consultation = Consultation.objects.select_related("institution").filter(public_id=public_id).first()
    if consultation is None or not roles_of(actor, consultation.institution):
        raise NotFound(gettext("No se encontró la consulta."))
    return consultation


def transition_history(obj: ProcedureModel) -> QuerySet[TransitionRecord]:
    ct = ContentType.objects.get_for_model(obj)
    return TransitionRecord.objects.filter(subject_type=ct, subject_id=obj.pk).select_related("ledger_event")


def ledger_events_of(obj: ProcedureModel) -> QuerySet[Event]:
    ct = ContentType.objects.get_for_model(obj)
    return Event.objects.filter(target_content_type=ct, target_object_id=str(obj.pk)).order_by("seq")


def open_deadlines_of(obj: ProcedureModel) -> QuerySet[Deadline]:
    ct = ContentType.objects.get_for_model(obj)
    return Deadline.objects.filter(subject_type=ct, subject_id=obj.pk, status=DeadlineStatus.OPEN)


# "Mis pendientes" (what each person owes now, across procedures): pregon/procedures/pending.py.


# ---------------------------------------------------------------------------------------------- lifecycle procedures

# Closure, abandonment, re-certification, incident and regularisation are read by any role of the institution
# (the account's people, Communications, IT, transparency, the auditor): they concern the official registry.
LIFECYCLE_KINDS = ("closure", "abandonment", "recertification", "incident", "regularisation")


def _lifecycle_model(kind: str) -> type[ProcedureModel]:
    from .models import AbandonmentFlag, ClosureRequest, Incident, Recertification, Regularisation

    return {"closure": ClosureRequest, "abandonment": AbandonmentFlag, "recertification": Recertification,
            "incident": Incident, "regularisation": Regularisation}[kind]


def lifecycle_get(*, kind: str, institution: Institution, actor: Any, public_id: Any) -> Any:
    """One lifecycle procedure of the institution; Http404 when it is not there (or not visible)."""
    from django.http import Http404

    require_role(actor, institution)
    model = _lifecycle_model(kind)
    try:
        return model.objects.select_related("institution", "account", "account__platform").get(
            institution=institution, public_id=public_id)
    except (model.DoesNotExist, ValueError):
        raise Http404(gettext("No se encontró el trámite.")) from None


def lifecycle_account_get(*, institution: Institution, actor: Any, public_id: Any) -> Any:
    """A registry account the actor may see (the registry's visibility rule: an area head sees their area's
    accounts, an account administrator the accounts they administer), for starting a closure or reporting an
    incident; 404 otherwise, as for any account the actor cannot see."""
    from django.http import Http404

    from pregon.registry.selectors import account_get_visible_to

    require_role(actor, institution)
    account = account_get_visible_to(actor, institution, public_id)
    if account is None:
        raise Http404(gettext("No se encontró la cuenta."))
    return account


OPEN_LIFECYCLE_STATES = {
    "closure": ("draft", "proposed", "submitted", "acknowledged", "contents_deleted", "history_archived"),
    "abandonment": ("open",),
    "recertification": ("pending", "escalated"),
    "incident": ("open",),
    "regularisation": ("pending",),
}


def lifecycle_open_list(*, institution: Institution, actor: Any, account: Any = None) -> list[Any]:
    """Open lifecycle procedures of the institution (or of one account), incidents first, newest first."""
    require_role(actor, institution)
    items: list[Any] = []
    for kind in ("incident", "closure", "abandonment", "regularisation", "recertification"):
        qs = _lifecycle_model(kind).objects.filter(institution=institution, status__in=OPEN_LIFECYCLE_STATES[kind])
        if account is not None:
            qs = qs.filter(account=account)
        items += list(qs.select_related("institution").order_by("-created_at")[:200])
    return items


def account_open_procedures(*, account: Any, actor: Any) -> list[Any]:
    """For the registry's account page: the account's open incidents and procedures (empty when the actor may not
    read the institution)."""
    from pregon.institutions.access import can_read

    if not can_read(actor, account.institution):
        return []
    return lifecycle_open_list(institution=account.institution, actor=actor, account=account)
