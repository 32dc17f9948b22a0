"""Table-driven: every state × action × actor of the four account procedures (opening request, administrator
change, credential rotation, live-stream authorisation), for each of the five presets.

The expected table is written here by hand from the norms (not read from the engine). Refused actions raise the
right error with a message and change nothing: status, ledger, transition history, deadlines, notifications, the
account's status. Allowed actions are fired and rolled back; the buttons (`available_transitions`) agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from pregon.core.errors import InvalidTransition, NotFound, PermissionDenied
from pregon.institutions.choices import Role
from pregon.ledger.models import Event
from pregon.notifications.models import Notification
from pregon.procedures.models import (
    AdministratorChange,
    CredentialRotation,
    Deadline,
    LiveStreamAuthorisation,
    OpeningRequest,
    TransitionRecord,
)
from pregon.procedures.models.administrator_change import AdministratorChangeStatus
from pregon.procedures.models.credential_rotation import CredentialRotationStatus
from pregon.procedures.models.live_stream import LiveStreamStatus
from pregon.procedures.models.opening import OpeningRequestStatus
from pregon.procedures.services import procedure_transition
from pregon.procedures.workflows import available_transitions, workflow_named
from pregon.registry.models import SocialAccount

from .account_fixtures import DOMAINS, account, future, owner, platform, setup_area
from .conftest import PRESETS, make_world

OPINION = {"rosarito": True, "iee-sonora": False, "ine": False, "pasto": False, "guadalajara": False}
LIVE_STREAM_REQUIRED = {"rosarito": False, "iee-sonora": False, "ine": False, "pasto": True, "guadalajara": False}
ACTORS = [*Role.values, "owner", "outsider", "nobody"]

# workflow -> the role the owner holds, and per action: (source states, roles that may fire it; "owner" = OWNER).
OWNER_ROLE = {"opening_request": Role.AREA_HEAD, "administrator_change": Role.AREA_HEAD,
              "credential_rotation": Role.IT, "live_stream": Role.ACCOUNT_ADMIN}
_O, _A, _R, _L = OpeningRequestStatus, AdministratorChangeStatus, CredentialRotationStatus, LiveStreamStatus


def table(workflow: str, preset: str) -> dict[str, tuple[set[str], set[str]]]:
    """The norm, by hand: action -> (source states, roles)."""
    if workflow == "opening_request":
        return {
            "sign": ({_O.DRAFT}, {"area_head"}),  # opening.signed_by (rosarito:10.2, iee-sonora:7.II)
            "sign_for_opinion": ({_O.DRAFT}, {"area_head"}),
            "give_opinion": ({_O.AWAITING_OPINION}, {"it"} if OPINION[preset] else set()),  # rosarito:10.4
            "approve": ({_O.SUBMITTED}, {"comms"}),  # rosarito:10.4, iee-sonora:7.III, pasto:3.10
            "reject": ({_O.SUBMITTED}, {"comms"}),
            "report": ({_O.APPROVED}, {"area_head", "account_admin"}),  # rosarito:10.5
            "withdraw": ({_O.DRAFT, _O.AWAITING_OPINION, _O.SUBMITTED}, {"owner"}),
            "expire": ({_O.AWAITING_OPINION, _O.SUBMITTED}, set()),
        }
    if workflow == "administrator_change":
        return {
            "notify": ({_A.DRAFT}, {"area_head", "comms"}),  # rosarito:10.6, iee-sonora:7.IV, pasto:3.15
            "open_on_departure": ({_A.DRAFT}, set()),
            "designate": ({_A.AWAITING_DESIGNATION, _A.OVERDUE}, {"area_head", "comms"}),
            "cancel": ({_A.AWAITING_DESIGNATION, _A.OVERDUE}, {"comms"}),
            "expire": ({_A.AWAITING_DESIGNATION}, set()),
        }
    if workflow == "credential_rotation":
        return {
            "open": ({_R.DRAFT}, {"comms", "it", "area_head"}),
            "open_automatically": ({_R.DRAFT}, set()),
            "attest": ({_R.PENDING, _R.OVERDUE}, {"account_admin"}),  # an administrator attests
            "cancel": ({_R.PENDING, _R.OVERDUE}, {"comms"}),
            "expire": ({_R.PENDING}, set()),
        }
    return {  # live_stream, on a MAIN account: Communications authorises (pasto:3.19)
        "submit": ({_L.DRAFT}, {"account_admin", "area_head"}),
        "approve": ({_L.SUBMITTED}, {"comms", "area_head"}),
        "reject": ({_L.SUBMITTED}, {"comms", "area_head"}),
        "withdraw": ({_L.DRAFT, _L.SUBMITTED, _L.APPROVED}, {"owner"}),
        "expire": ({_L.SUBMITTED}, set()),
    }


def guard_error(workflow: str, preset: str, action: str, actor: str) -> type[Exception] | None:
    """Refusals by the table's guards (right role, right state)."""
    if workflow == "opening_request":
        if action == "sign" and OPINION[preset]:
            return InvalidTransition  # rosarito:10.4: the technical opinion comes first
        if action == "sign_for_opinion" and not OPINION[preset]:
            return InvalidTransition
    if workflow == "live_stream":
        if action == "submit" and not LIVE_STREAM_REQUIRED[preset]:
            return InvalidTransition  # the norm does not require authorisation
        if action in ("approve", "reject") and actor == "area_head":
            return PermissionDenied  # main account: only Communications (pasto:3.19)
    return None


def expected_error(workflow: str, preset: str, action: str, state: str, actor: str) -> type[Exception] | None:
    if actor in ("outsider", "nobody"):
        return NotFound
    if actor == Role.AUDITOR:
        return PermissionDenied
    sources, roles = table(workflow, preset)[action]
    held = {"owner", OWNER_ROLE[workflow]} if actor == "owner" else {actor}
    if not held & roles:
        return PermissionDenied
    if state not in sources:
        return InvalidTransition
    return guard_error(workflow, preset, action, actor)


def make_row(workflow: str, world: Any, state: str, own: Any) -> Any:
    inst = world.institution
    acc = SocialAccount.objects.filter(institution=inst).first() or account(world)
    if workflow == "opening_request":
        return OpeningRequest.objects.create(
            institution=inst, area=world.area, platform=platform("facebook"), proposed_name="Turismo",
            objectives="o", scope="s", coverage_or_benefits="c", justification="j", requested_by=own, status=state,
            policy_version="test")
    if workflow == "administrator_change":
        return AdministratorChange.objects.create(institution=inst, account=acc, started_by=own, status=state,
                                                  policy_version="test")
    if workflow == "credential_rotation":
        if state in (_R.PENDING, _R.OVERDUE):
            CredentialRotation.objects.filter(account=acc, status__in=[_R.PENDING, _R.OVERDUE]).update(status=_R.CANCELLED)
        return CredentialRotation.objects.create(institution=inst, account=acc, trigger="manual", started_by=own,
                                                 status=state, policy_version="test")
    return LiveStreamAuthorisation.objects.create(institution=inst, account=acc, title="Sesión", starts_at=future(),
                                                  requested_by=own, status=state, policy_version="test")


def data_for(preset: str, n: int) -> dict[str, Any]:
    return {
        "graphic_identity": "Logotipo y paleta institucional",
        "agreed_name": "Turismo", "agreed_url": f"https://www.facebook.com/turismo{n}",  # pasto:3.12
        "favourable": True,
        "report": {"name": "Turismo", "url": f"https://www.facebook.com/turismo{n}", "email": f"t@{DOMAINS[preset]}",
                   "purpose": "p", "operation": "o", "administrators": ["A"]},
        "password_changed": True, "sessions_revoked": True, "recovery_email_checked": True,
    }


def snapshot(obj: Any) -> tuple:
    obj.refresh_from_db()
    return (
        obj.status,
        Event.objects.count(),
        TransitionRecord.objects.count(),
        Notification.objects.count(),
        sorted(Deadline.objects.values_list("pk", "status", "due_at")),
        sorted(SocialAccount.objects.values_list("pk", "status")),
    )


class _Rollback(Exception):
    pass


def _deadline(world: Any, obj: Any, workflow: str) -> None:
    now = timezone.now()
    Deadline.objects.create(
        institution=world.institution, subject=obj, subject_label="x", workflow=workflow, kind=f"{workflow}.{obj.status}",
        state=obj.status, on_expiry="expire", responsible_role="comms", started_at=now,
        due_at=now + dt.timedelta(days=3), duration_amount=3, duration_unit="business_days",
        calendar_fingerprint="f", policy_version="test",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize("workflow", ["opening_request", "administrator_change", "credential_rotation", "live_stream"])
def test_every_action_by_every_actor_in_every_state(preset: str, workflow: str) -> None:
    world = make_world(preset)
    setup_area(world)
    own = owner(world, OWNER_ROLE[workflow])
    actors = {**world.users, "owner": own, "outsider": world.outsider, "nobody": world.nobody}
    wf = workflow_named(workflow)
    actions = [t.name for t in wf.transitions]
    assert set(actions) == set(table(workflow, preset)), "the hand-written table covers every action"
    n = 0
    for state in wf.states.values:
        obj = make_row(workflow, world, state, own)
        if not wf.is_terminal(state):
            _deadline(world, obj, workflow)
        before = snapshot(obj)
        for action in actions:
            for actor_name in ACTORS:
                n += 1
                expected = expected_error(workflow, preset, action, state, actor_name)
                label = f"{preset}/{workflow}/{state}/{action}/{actor_name}"
                kwargs = dict(obj=obj, action=action, actor=actors[actor_name], reason="Motivo.",
                              data=data_for(preset, n))
                if expected is None:
                    with pytest.raises(_Rollback), transaction.atomic():
                        result = procedure_transition(**kwargs)
                        assert result.status == wf.get(action).target, label
                        assert Event.objects.count() == before[1] + 1, label
                        raise _Rollback
                else:
                    with pytest.raises(expected) as exc:
                        procedure_transition(**kwargs)
                    assert exc.value.message, label
            assert snapshot(obj) == before, f"{preset}/{workflow}/{state}/{action}: a refused or rolled-back action changed something"
        for actor_name in ACTORS:
            offered = {t.name for t in available_transitions(obj, actors[actor_name])}
            allowed = {a for a in actions if expected_error(workflow, preset, a, state, actor_name) is None}
            assert offered == allowed, f"{preset}/{workflow}/{state}/{actor_name}: buttons {offered} != {allowed}"
