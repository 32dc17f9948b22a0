"""Reads of the procedures app, always for an actor (STYLE §2.7)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from pregon.ledger.models import Event

from .choices import DeadlineStatus
from .models import Deadline, ProcedureModel, TransitionRecord


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


# ---------------------------------------------------------------------------------------------- an account's procedures


def account_open_procedures(*, account: Any, actor: Any) -> list[Any]:
    """For the registry's account page: the account's open procedures of every kind the actor may see (each
    kind's own visibility rule, ``ProcedureSpec.visible``), incidents first, newest first."""
    from .spec import all_specs

    items: list[Any] = []
    specs = sorted(all_specs(), key=lambda s: s.key != "incident")
    for spec in specs:
        if "account" not in {f.name for f in spec.model._meta.get_fields()}:
            continue
        workflow = spec.workflow
        terminal = [state for state in workflow.states.values if workflow.is_terminal(state)]
        qs = spec.visible(actor, account.institution).filter(account=account).exclude(status__in=terminal)
        items += list(qs.order_by("-created_at")[:50])
    return items
