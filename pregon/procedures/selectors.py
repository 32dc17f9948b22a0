"""Reads of the procedures app, always for an actor (STYLE §2.7)."""

from __future__ import annotations

from functools import cache
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


@cache
def _has_account(model: type) -> bool:
    """Whether a procedure model is about one account (a field ``account``); asked once per model."""
    return any(f.name == "account" for f in model._meta.get_fields())


def account_open_procedures(*, account: Any, actor: Any) -> list[Any]:
    """For the registry's account page: the account's open procedures of every kind the actor may see (each
    kind's own visibility rule, ``ProcedureSpec.visible``), incidents first, newest first."""
    from .spec import all_specs

    items: list[Any] = []
    specs = sorted(all_specs(), key=lambda s: s.key != "incident")
    for spec in specs:
        if not _has_account(spec.model):
            continue
        qs = (spec.visible(actor, account.institution).filter(account=account)
              .exclude(status__in=spec.workflow.terminal_states()))
        items += list(qs.order_by("-created_at")[:50])
    return items
