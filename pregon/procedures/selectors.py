"""Reads of the procedures app, always for an actor (STYLE §2.7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from pregon.institutions.access import institution_for_user_or_404, require_role, roles_of
from pregon.institutions.choices import READ_ONLY_ROLES
from pregon.institutions.models import Institution, Membership
from pregon.institutions.policies import calendar_for
from pregon.ledger.models import Event

from .choices import DeadlineStatus
from .deadlines import time_left
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


@dataclass
class PendingItem:
    """One open deadline as "Mis pendientes" and the ICS feed show it."""

    deadline: Deadline
    institution: Institution
    mine_to_act: bool  # the user holds the responsible role (else: the user is waiting for someone else)
    left: dict[str, Any]
    link: str


def deadline_list_for_user(*, user: Any, now: datetime | None = None) -> list[PendingItem]:
    """Open deadlines the user must act on (holds the responsible role in that institution) or is waiting for
    (started the procedure), across institutions and procedures, soonest first, with business time left."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    now = now or timezone.now()
    if user.is_superuser:
        role_filter = Q(responsible_role__gt="")
    else:
        by_institution: dict[int, set[str]] = {}
        for inst_id, role in Membership.objects.filter(user=user).values_list("institution_id", "role"):
            if role not in READ_ONLY_ROLES:
                by_institution.setdefault(inst_id, set()).add(role)
        role_filter = Q(pk__in=[])
        for inst_id, roles in by_institution.items():
            role_filter |= Q(institution_id=inst_id, responsible_role__in=sorted(roles))
    visible = Membership.objects.filter(user=user).values("institution_id")
    waiting = Q(waiting_user=user) & (Q(institution_id__in=visible) if not user.is_superuser else Q())
    deadlines = (
        Deadline.objects.filter(status=DeadlineStatus.OPEN)
        .filter(role_filter | waiting)
        .select_related("institution")
        .prefetch_related("subject")
        .order_by("due_at", "id")
    )
    calendars: dict[int, Any] = {}
    held: dict[int, set[str]] = {}
    items = []
    for deadline in deadlines:
        institution = deadline.institution
        if institution.pk not in calendars:
            calendars[institution.pk] = calendar_for(institution)
            held[institution.pk] = roles_of(user, institution)
        subject = deadline.subject
        link = subject.get_absolute_url() if subject is not None and hasattr(subject, "get_absolute_url") else ""
        items.append(
            PendingItem(
                deadline=deadline,
                institution=institution,
                mine_to_act=deadline.responsible_role in held[institution.pk],
                left=time_left(calendars[institution.pk], now, deadline.due_at, deadline.duration_unit),
                link=link,
            )
        )
    return items


def pending_for_home(*, request: Any, institution: Institution, roles: list[str]) -> dict[str, Any] | None:
    """Home panel: the user's open deadlines in this institution (None when there are none)."""
    institution_for_user_or_404(request.user, institution.slug)
    items = [i for i in deadline_list_for_user(user=request.user) if i.institution.pk == institution.pk]
    return {"pending": items} if items else None


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
