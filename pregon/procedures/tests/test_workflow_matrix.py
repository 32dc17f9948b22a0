"""Table-driven: every consultation state × action × actor, for each of the five presets.

The expected table is written here by hand (not read from the engine), so the engine is tested against the norm.
Refused actions raise the right error and change nothing: status, ledger, deadlines, history, notifications.
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
from pregon.procedures.flows.consultation import CONSULTATION
from pregon.procedures.models import Consultation, Deadline, TransitionRecord
from pregon.procedures.models.consultation import ConsultationStatus
from pregon.procedures.services import procedure_transition
from pregon.procedures.workflows import available_transitions

from .conftest import PRESETS, make_user, make_world

ENABLED = {"rosarito": True, "iee-sonora": True, "ine": False, "pasto": False, "guadalajara": False}
ACTIONS = [t.name for t in CONSULTATION.transitions]
ACTORS = [*Role.values, "owner", "outsider", "nobody"]

# (action, state) -> actors allowed (the norm: the administrator asks, Communications answers, the asker withdraws)
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("submit", "draft"): {"account_admin", "owner"},
    ("approve", "submitted"): {"comms"},
    ("reject", "submitted"): {"comms"},
    ("withdraw", "draft"): {"owner"},
    ("withdraw", "submitted"): {"owner"},
}
ROLE_OF_ACTION = {"submit": {"account_admin", "owner"}, "approve": {"comms"}, "reject": {"comms"},
                  "withdraw": {"owner"}, "expire": set(), "expire_approved": set()}


class _Rollback(Exception):
    pass


def _snapshot(consultation: Consultation) -> tuple:
    consultation.refresh_from_db()
    return (
        consultation.status,
        consultation.decided_at,
        Event.objects.count(),
        TransitionRecord.objects.count(),
        Notification.objects.count(),
        sorted(Deadline.objects.values_list("pk", "status", "due_at")),
    )


def _consultation_in(world, state: str, owner) -> Consultation:
    consultation = Consultation.objects.create(
        institution=world.institution, asked_by=owner, text="Texto de prueba", status=state,
        policy_version="test",
    )
    if state == ConsultationStatus.SUBMITTED:
        now = timezone.now()
        Deadline.objects.create(
            institution=world.institution, subject=consultation, subject_label="x", workflow="consultation",
            kind="consultation.submitted", state=state, on_expiry="expire", responsible_role="comms",
            started_at=now, due_at=now + dt.timedelta(days=3), duration_amount=3, duration_unit="business_days",
            calendar_fingerprint="f", policy_version="test",
        )
    return consultation


def _expected_error(preset: str, action: str, state: str, actor: str) -> type[Exception] | None:
    if actor in ("outsider", "nobody"):
        return NotFound
    if actor == Role.AUDITOR:
        return PermissionDenied  # read-only
    if actor not in ROLE_OF_ACTION[action]:
        return PermissionDenied  # wrong role, or a SYSTEM action fired by a person
    if actor not in ALLOWED.get((action, state), set()):
        return InvalidTransition  # right person, wrong state
    if action == "submit" and not ENABLED[preset]:
        return InvalidTransition  # the norm has no consultation
    return None


@pytest.mark.django_db
@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize("state", ConsultationStatus.values)
def test_every_action_by_every_actor_in_every_state(preset, state):
    world = make_world(preset)
    owner = make_user(f"{preset}-asker")
    Membership.objects.create(user=owner, institution=world.institution, role=Role.ACCOUNT_ADMIN)
    actors = {**world.users, "owner": owner, "outsider": world.outsider, "nobody": world.nobody}
    consultation = _consultation_in(world, state, owner)
    before = _snapshot(consultation)  # allowed actions are rolled back, so this holds for every case

    for action in ACTIONS:
        for actor_name in ACTORS:
            actor = actors[actor_name]
            expected = _expected_error(preset, action, state, actor_name)
            label = f"{preset}/{state}/{action}/{actor_name}"
            if expected is None:
                with pytest.raises(_Rollback), transaction.atomic():
                    result = procedure_transition(obj=consultation, action=action, actor=actor, reason="Motivo.")
                    assert result.status == CONSULTATION.get(action).target, label
                    assert Event.objects.count() == before[2] + 1, label
                    raise _Rollback
            else:
                with pytest.raises(expected) as exc:
                    procedure_transition(obj=consultation, action=action, actor=actor, reason="Motivo.")
                assert exc.value.message, label
            assert _snapshot(consultation) == before, f"{label} changed something"

    # The buttons agree with the table.
    for actor_name in ACTORS:
        offered = {t.name for t in available_transitions(consultation, actors[actor_name])}
        allowed = {a for a in ACTIONS if _expected_error(preset, a, state, actor_name) is None}
        assert offered == allowed, f"{preset}/{state}/{actor_name}: buttons {offered} != {allowed}"


@pytest.mark.django_db
def test_system_transitions_refuse_people_with_a_clear_message(rosarito):
    consultation = _consultation_in(rosarito, ConsultationStatus.SUBMITTED, rosarito["account_admin"])
    with pytest.raises(PermissionDenied) as exc:
        procedure_transition(obj=consultation, action="expire", actor=rosarito["comms"])
    assert exc.value.code == "SYSTEM_ONLY" and "sistema" in exc.value.message


@pytest.mark.django_db
def test_unknown_action_is_refused(rosarito):
    consultation = _consultation_in(rosarito, ConsultationStatus.SUBMITTED, rosarito["account_admin"])
    with pytest.raises(InvalidTransition) as exc:
        procedure_transition(obj=consultation, action="publish", actor=rosarito["comms"])
    assert exc.value.code == "UNKNOWN_ACTION"


def test_wrong_state_message_is_spanish_and_names_the_states():
    from types import SimpleNamespace

    from pregon.procedures.workflows import check_state

    with pytest.raises(InvalidTransition) as exc:
        check_state(CONSULTATION, CONSULTATION.get("approve"), SimpleNamespace(status="approved"))
    assert "procedente" in exc.value.message and "en espera de respuesta" in exc.value.message


def test_a_table_with_an_expiry_that_is_not_a_system_transition_is_refused():
    from pregon.procedures.workflows import Transition, Workflow

    with pytest.raises(ValueError, match="on_expiry"):
        Workflow(
            name="broken", states=ConsultationStatus, initial="draft",
            transitions=(Transition("submit", ("draft",), "submitted", roles=("comms",), deadline="consultation.deadline",
                                    on_expiry="approve", event="submitted"),
                         Transition("approve", ("submitted",), "approved", roles=("comms",), event="approved")),
        )
