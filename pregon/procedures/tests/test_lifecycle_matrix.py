"""Table-driven: every state × action × actor of the five lifecycle procedures (closure, abandonment flag,
re-certification, incident, regularisation), for each of the five presets.

The expected table is written here by hand (not read from the engine). Refused actions raise the right error and
change nothing (procedure status, account status, ledger, deadlines, notifications); allowed ones reach the
target state with exactly one event of the procedure (rolled back afterwards). The buttons agree with the table.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from pregon.core.errors import InvalidTransition, NotFound, PermissionDenied
from pregon.institutions.choices import Role
from pregon.institutions.models import Membership
from pregon.ledger.models import Event
from pregon.notifications.models import Notification
from pregon.procedures.models import (
    AbandonmentFlag,
    ClosureRequest,
    Deadline,
    Incident,
    IncidentStep,
    Recertification,
    Regularisation,
)
from pregon.procedures.models.abandonment import AbandonmentStatus
from pregon.procedures.models.closure import ClosureStatus
from pregon.procedures.models.incident import IncidentStatus
from pregon.procedures.models.recertification import RecertificationStatus
from pregon.procedures.models.regularisation import RegularisationStatus
from pregon.procedures.services import procedure_transition
from pregon.procedures.workflows import available_transitions, workflow_named
from pregon.registry.choices import AccountStatus

from .conftest import PRESETS, make_user, make_world
from .lifecycle_helpers import lifecycle_account

SYS = "system"
ACTORS = [*Role.values, "owner", "outsider", "nobody"]

# workflow -> action -> (source states, roles allowed; "owner" = who started it, SYS = only the tick)
TABLE: dict[str, dict[str, tuple[set[str], set[str]]]] = {
    "closure": {
        "submit": ({"draft"}, {"area_head"}),
        "propose": ({"draft"}, {"comms"}),
        "accept": ({"proposed"}, {"area_head"}),
        "decline": ({"proposed"}, {"area_head"}),
        "acknowledge": ({"submitted"}, {"comms"}),
        "attest_deleted": ({"acknowledged"}, {"area_head", "account_admin"}),
        "export_history": ({"acknowledged"}, {"area_head", "comms", "account_admin"}),
        "close": ({"contents_deleted", "history_archived"}, {"area_head", "comms"}),
        "suspend": ({"acknowledged"}, {"area_head", "comms"}),  # temporary closures only (pasto:3.20)
        "reopen": ({"suspended"}, {"area_head", "comms"}),
        "make_definitive": ({"suspended"}, {"area_head", "comms"}),
        "withdraw": ({"draft", "proposed", "submitted", "acknowledged"}, {"owner"}),
    },
    "abandonment": {
        "flag": ({"new"}, {SYS}),
        "propose_closure": ({"open"}, {"comms"}),
        "dismiss": ({"open"}, {"comms", "area_head"}),
        "resolve": ({"open"}, {SYS}),
    },
    "recertification": {
        "open": ({"new"}, {SYS}),
        "confirm": ({"pending", "escalated"}, {"area_head"}),
        "report_changes": ({"pending", "escalated"}, {"area_head"}),
        "escalate": ({"pending"}, {SYS}),
    },
    "incident": {
        "open": ({"new"}, {"account_admin", "area_head", "comms", "it"}),
        "complete_step": ({"open"}, {"account_admin", "it", "comms"}),
        "step_overdue": ({"open"}, {SYS}),
        "close": ({"open"}, {"comms", "it"}),
        "dismiss": ({"open"}, {"comms", "it"}),
    },
    "regularisation": {
        "start": ({"new"}, {"comms"}),
        "start_auto": ({"new"}, {SYS}),
        "regularise": ({"pending"}, {"comms"}),
        "expire": ({"pending"}, {SYS}),
        "expire_close": ({"pending"}, {SYS}),
        "cancel": ({"pending"}, {"comms"}),
    },
}
OWNER_ROLE = {"closure": "area_head", "incident": "account_admin"}
STATES = {"closure": ClosureStatus, "abandonment": AbandonmentStatus, "recertification": RecertificationStatus,
          "incident": IncidentStatus, "regularisation": RegularisationStatus}
HAS_CONTAINMENT = {"rosarito", "iee-sonora", "pasto", "guadalajara"}
REGULARISATION = {"rosarito", "iee-sonora"}


def _guard_refuses(workflow: str, preset: str, action: str, state: str) -> bool:
    """Where the norm (through the preset) refuses an otherwise allowed action."""
    preserve = preset == "pasto"
    if workflow == "closure":
        if action == "attest_deleted":
            return preserve  # pasto:3.17
        if action == "export_history":
            return not preserve  # rosarito:10.8 & co. delete
        if action == "close":
            return (state == "contents_deleted") == preserve
        if action == "suspend":
            return True  # the rows here are definitive closures
    if workflow == "abandonment" and action == "flag":
        return preset in ("ine", "guadalajara")  # no abandonment term in the policy
    if workflow == "recertification" and action == "open":
        return preset in ("ine", "guadalajara")
    if workflow == "incident":
        if action == "complete_step":
            return preset not in HAS_CONTAINMENT  # nothing to check off
        if action == "close":
            return preset in HAS_CONTAINMENT  # a step is still pending
    if workflow == "regularisation" and action in ("start", "start_auto"):
        return preset not in REGULARISATION
    return False


def _expected(workflow: str, preset: str, action: str, state: str, actor: str) -> type[Exception] | None:
    sources, allowed = TABLE[workflow][action]
    if actor in ("outsider", "nobody"):
        return NotFound
    held = {actor} | ({OWNER_ROLE.get(workflow, "comms")} if actor == "owner" else set())
    if actor == Role.AUDITOR or SYS in allowed or not (held & allowed):
        return PermissionDenied
    if state not in sources:
        return InvalidTransition
    if _guard_refuses(workflow, preset, action, state):
        return InvalidTransition
    return None


def _make(workflow: str, world, account, state: str, owner) -> object:
    inst = world.institution
    preset = inst.policy_preset
    common = {"institution": inst, "account": account, "account_label": str(account), "status": state,
              "policy_version": "test"}
    if workflow == "closure":
        obj = ClosureRequest.objects.create(
            **common, requested_by=owner, motive="Ya no se usa.",
            content_action="preserve" if preset == "pasto" else "delete",
            contents_deleted_at=timezone.now() if state == "contents_deleted" else None,
            export_sha256="0" * 64 if state == "history_archived" else "",
        )
    elif workflow == "abandonment":
        obj = AbandonmentFlag.objects.create(**common, threshold="90 calendar_days")
    elif workflow == "recertification":
        obj = Recertification.objects.create(**common, period="2026-P1")
    elif workflow == "incident":
        obj = Incident.objects.create(**common, kind="hijacked", description="Publicaciones ajenas.", reported_by=owner)
        if state == "open" and preset in HAS_CONTAINMENT:
            now = timezone.now()
            deadline = Deadline.objects.create(
                institution=inst, subject=obj, subject_label="x", workflow="incident", kind="incident.step.report",
                state="open", on_expiry="step_overdue", responsible_role="account_admin", started_at=now,
                due_at=now + dt.timedelta(days=3), duration_amount=3, duration_unit="business_days",
                calendar_fingerprint="f", policy_version="test")
            IncidentStep.objects.create(incident=obj, key="report", deadline=deadline)
    else:
        obj = Regularisation.objects.create(**common)
    return obj


def _snapshot(obj, account) -> tuple:
    obj.refresh_from_db()
    account.refresh_from_db()
    return (obj.status, account.status, Event.objects.count(), Notification.objects.count(),
            sorted(Deadline.objects.values_list("pk", "status")), ClosureRequest.objects.count())


class _Rollback(Exception):
    pass


@pytest.mark.django_db
@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize("workflow", sorted(TABLE))
def test_every_action_by_every_actor_in_every_state(workflow, preset):
    world = make_world(preset)
    account_status = AccountStatus.PENDING_REGULARISATION if workflow == "regularisation" else AccountStatus.ACTIVE
    account = lifecycle_account(world, status=account_status)
    owner = make_user(f"{preset}-owner")
    Membership.objects.create(user=owner, institution=world.institution, role=OWNER_ROLE.get(workflow, "comms"))
    actors = {**world.users, "owner": owner, "outsider": world.outsider, "nobody": world.nobody}
    table = TABLE[workflow]
    assert set(table) == {t.name for t in workflow_named(workflow).transitions}
    for state in STATES[workflow].values:
        obj = _make(workflow, world, account, state, owner)
        before = _snapshot(obj, account)
        for action in table:
            data = {"step": "report"} if action == "complete_step" else {}
            for actor_name in ACTORS:
                expected = _expected(workflow, preset, action, state, actor_name)
                label = f"{workflow}/{preset}/{state}/{action}/{actor_name}"
                if expected is None:
                    with pytest.raises(_Rollback), transaction.atomic():
                        result = procedure_transition(obj=obj, action=action, actor=actors[actor_name],
                                                      reason="Motivo suficiente.", data=data)
                        assert result.status == workflow_named(workflow).get(action).target, label
                        mine = Event.objects.filter(seq__gt=0, action__startswith=f"{workflow}.").count()
                        assert mine - _count_before(before, workflow) >= 1, label
                        raise _Rollback
                else:
                    with pytest.raises(expected) as exc:
                        procedure_transition(obj=obj, action=action, actor=actors[actor_name],
                                             reason="Motivo suficiente.", data=data)
                    assert exc.value.message, label
            # checked once per action (all actors): a refused call that changed anything would still show here
            assert _snapshot(obj, account) == before, f"{workflow}/{preset}/{state}/{action} changed something"
        for actor_name in ACTORS:
            offered = {t.name for t in available_transitions(obj, actors[actor_name])}
            allowed = {a for a in table if _expected(workflow, preset, a, state, actor_name) is None}
            assert offered == allowed, f"{workflow}/{preset}/{state}/{actor_name}: buttons {offered} != {allowed}"
        obj.delete() if workflow != "incident" else (IncidentStep.objects.filter(incident=obj).delete(),
                                                     Deadline.objects.filter(subject_id=obj.pk).delete(), obj.delete())


def _count_before(before: tuple, workflow: str) -> int:
    return 0  # the procedure's own events are counted from zero: rows are built directly, without events
