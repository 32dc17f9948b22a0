"""The bitácora's events of every procedure: explicit past-tense names, and `changes` as `{field: [before, after]}`.

The names are checked on the declared tables; the shape on the events actually written when every transition of
every procedure is fired once from each of its source states (built with the workflow-matrix tests' helpers, and
rolled back), including the events other apps write on the way (the account's status, the closure an abandonment
flag proposes, the account an opening report registers).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save

from pregon.core.errors import ApplicationError
from pregon.institutions.choices import Role
from pregon.institutions.models import Membership
from pregon.ledger.models import Event
from pregon.procedures.models import Deadline
from pregon.procedures.models.consultation import ConsultationStatus
from pregon.procedures.services import procedure_transition
from pregon.procedures.workflows import Transition, Workflow, registered_workflows, workflow_named
from pregon.registry.choices import AccountStatus

from . import test_account_procedures_matrix as account_matrix
from . import test_lifecycle_matrix as lifecycle_matrix
from . import test_workflow_matrix as consultation_matrix
from .account_fixtures import owner, setup_area
from .conftest import make_user, make_world
from .lifecycle_helpers import lifecycle_account

# Past participles that do not end in -ed.
IRREGULAR = {"given", "done", "sent", "made", "taken", "shown", "written", "begun", "chosen", "held", "paid", "withdrawn"}

# Presets in which each procedure is possible, together covering every transition (guards differ by norm: Rosarito
# asks IT's opinion before the signature, only Pasto requires live-stream authorisation and preserves content on
# closure, INE has no containment plan holding an incident open).
PRESETS_FOR = {
    "consultation": ("rosarito",),
    "opening_request": ("rosarito", "iee-sonora"),
    "administrator_change": ("rosarito",),
    "credential_rotation": ("rosarito",),
    "live_stream": ("pasto",),
    "closure": ("rosarito", "pasto"),
    "abandonment": ("rosarito",),
    "recertification": ("rosarito",),
    "incident": ("rosarito", "ine"),
    "regularisation": ("rosarito",),
}


def _past_tense(event: str) -> bool:
    return any(word.endswith("ed") or word in IRREGULAR for word in event.split("_"))


def _flat(value: Any) -> bool:
    scalar = (str, int, float, bool, type(None))
    return isinstance(value, scalar) or (isinstance(value, list) and all(isinstance(v, scalar) for v in value))


def _shape_errors(changes: Any) -> list[str]:
    if not isinstance(changes, dict):
        return [f"changes is a {type(changes).__name__}"]
    return [
        f"{key}={value!r}"
        for key, value in changes.items()
        if not (isinstance(value, list) and len(value) == 2 and _flat(value[0]) and _flat(value[1]))
    ]


# ------------------------------------------------------------------------------------------------ names


def test_every_procedure_is_in_this_test() -> None:
    assert {w.name for w in registered_workflows()} == set(PRESETS_FOR)


@pytest.mark.parametrize("workflow", sorted(PRESETS_FOR))
def test_every_transition_names_its_event_as_an_explicit_past_tense_verb(workflow: str) -> None:
    wf = workflow_named(workflow)
    for t in wf.transitions:
        assert t.event, f"{workflow}.{t.name} has no event"
        assert wf.ledger_action(t) == f"{workflow}.{t.event}"
        # a state name is acceptable only when it is itself the past-tense verb ("approved", never "pending")
        assert _past_tense(t.event), f"{workflow}.{t.name}: event {t.event!r} is not a past-tense verb"


@pytest.mark.parametrize("workflow", sorted(PRESETS_FOR))
def test_transitions_share_an_event_only_when_they_are_routes_to_the_same_act(workflow: str) -> None:
    """Two transitions may write the same action only when they start from the same states or land in the same
    one (IT's opinion first or not, the area or the system opening a rotation); otherwise each act has its own."""
    wf = workflow_named(workflow)
    for t in wf.transitions:
        for other in wf.transitions:
            if t is not other and t.event == other.event:
                assert set(t.sources) == set(other.sources) or t.target == other.target, (
                    f"{workflow}: {t.name} and {other.name} both write {t.event!r}")


def test_a_table_with_a_transition_without_event_is_refused() -> None:
    with pytest.raises(ValueError, match="event"):
        Workflow(name="broken", states=ConsultationStatus, initial="draft",
                 transitions=(Transition("submit", ("draft",), "submitted", roles=("comms",)),))
    with pytest.raises(ValueError, match="event"):
        Workflow(name="broken", states=ConsultationStatus, initial="draft",
                 transitions=(Transition("submit", ("draft",), "submitted", roles=("comms",), event="Enviada"),))


# ------------------------------------------------------------------------------------------------ shape


class _Rollback(Exception):
    pass


@pytest.fixture
def written() -> Any:
    """Every Event saved while the test runs, also those of transactions rolled back afterwards."""
    events: list[Event] = []

    def collect(sender: Any, instance: Event, created: bool, **kwargs: Any) -> None:
        events.append(instance)

    post_save.connect(collect, sender=Event, weak=False, dispatch_uid="test_ledger_events")
    yield events
    post_save.disconnect(sender=Event, dispatch_uid="test_ledger_events")


def _builder(workflow: str, preset: str) -> tuple[Any, list[Any]]:
    """(state -> a new row of the procedure in that state, the people who might act), from the matrix helpers."""
    world = make_world(preset)
    if workflow in lifecycle_matrix.TABLE:
        status = AccountStatus.PENDING_REGULARISATION if workflow == "regularisation" else AccountStatus.ACTIVE
        account = lifecycle_account(world, handle=f"turismo{preset.replace('-', '')}", status=status)
        own = make_user(f"{preset}-owner")
        Membership.objects.create(user=own, institution=world.institution,
                                  role=lifecycle_matrix.OWNER_ROLE.get(workflow, "comms"))

        def build(state: str) -> Any:
            return lifecycle_matrix._make(workflow, world, account, state, own)
    elif workflow == "consultation":
        own = make_user(f"{preset}-asker")
        Membership.objects.create(user=own, institution=world.institution, role=Role.ACCOUNT_ADMIN)

        def build(state: str) -> Any:
            return consultation_matrix._consultation_in(world, state, own)
    else:
        setup_area(world)
        own = owner(world, account_matrix.OWNER_ROLE[workflow])

        def build(state: str) -> Any:
            row = account_matrix.make_row(workflow, world, state, own)
            if not workflow_named(workflow).is_terminal(state):
                account_matrix._deadline(world, row, workflow)
            return row

    return build, [*world.users.values(), own]


def _fire_once(workflow: str, preset: str, action: str, state: str, build: Any, people: list[Any], n: int) -> bool:
    """Fires `action` on a fresh row in `state` by the first actor allowed (the system for SYSTEM transitions,
    passing the row's open deadline as the tick does), then rolls everything back. True if it was allowed."""
    transition = workflow_named(workflow).get(action)
    data = {**account_matrix.data_for(preset, n), "step": "report"}
    for actor in [None] if transition.is_system else people:
        try:
            with transaction.atomic():
                obj = build(state)
                deadline = None
                if transition.is_system:
                    deadline = Deadline.objects.filter(
                        subject_type=ContentType.objects.get_for_model(obj), subject_id=obj.pk).first()
                procedure_transition(obj=obj, action=action, actor=actor, reason="Motivo suficiente.", data=data,
                                     deadline=deadline)
                raise _Rollback
        except _Rollback:
            return True
        except ApplicationError:
            continue
    return False


def _possible(workflow: str, preset: str, transition: Transition) -> bool:
    """Whether the matrix test's hand-written table expects a person to be able to fire `transition` in some state
    under `preset` (SYSTEM transitions: always expected here). A transition missing from that table is expected."""
    if transition.is_system:
        return True
    actors = account_matrix.ACTORS
    try:
        for state in transition.sources:
            for actor in actors:
                if workflow in lifecycle_matrix.TABLE:
                    error = lifecycle_matrix._expected(workflow, preset, transition.name, state, actor)
                elif workflow == "consultation":
                    error = consultation_matrix._expected_error(preset, transition.name, state, actor)
                else:
                    error = account_matrix.expected_error(workflow, preset, transition.name, state, actor)
                if error is None:
                    return True
    except KeyError:
        return True
    return False


@pytest.mark.django_db
@pytest.mark.parametrize("workflow", sorted(PRESETS_FOR))
def test_every_event_of_a_full_run_has_the_field_before_after_shape(workflow: str, written: list[Event]) -> None:
    wf = workflow_named(workflow)
    fired: set[str] = set()
    expected: set[str] = set()
    n = 0
    for preset in PRESETS_FOR[workflow]:
        build, people = _builder(workflow, preset)
        for t in wf.transitions:
            if _possible(workflow, preset, t):
                expected.add(t.name)
            for state in t.sources:
                n += 1
                if _fire_once(workflow, preset, t.name, state, build, people, n):
                    fired.add(t.name)
    # every transition the matrix expects to be possible in these presets was fired (if one is not, give this test
    # a preset in PRESETS_FOR, or a row in the matrix helpers, in which it is)
    assert expected <= fired, f"not fired: {sorted(expected - fired)}"

    actions = {e.action for e in written}
    assert {wf.ledger_action(wf.get(name)) for name in fired} <= actions
    bad = {f"{e.action}: {', '.join(_shape_errors(e.changes))}" for e in written if _shape_errors(e.changes)}
    assert not bad, bad
    for event in written:
        if event.action.startswith(f"{workflow}."):
            assert event.changes["status"][1] in wf.states.values, event.action
