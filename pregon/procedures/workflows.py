"""Procedures as declared state machines: the transition tables, and the engine that reads them.

Each procedure's table is declared in its own module, ``pregon/procedures/flows/<procedure>.py``, with its
services, inputs and spec (``docs/procedures.md`` is the recipe). A ``Transition`` says:

- ``name`` (the action: ``submit``, ``approve``, ``expire``…), ``sources`` and ``target`` states;
- ``roles``: role codes (``"comms"``), ``OWNER`` (the user in ``owner_field``), ``SYSTEM`` (fired only by
  ``pregon tick`` at expiry), or a callable ``policy -> roles`` such as ``policy_attr("closure.notify")``;
- ``guard(obj, ctx) -> str | None``: a refusal message, or None to allow;
- ``deadline``: a policy attribute path (``"consultation.deadline"``, whose clauses are taken from the
  policy section) or a callable ``policy -> Duration | None``; the deadline starts when the transition lands
  in ``target``, and ``on_expiry`` (an action name, or ``policy -> action name``) is fired by the tick;
- ``effect(obj, ctx) -> changes``: sets the action's own fields (``decided_by``…) and returns the
  ``{field: [before, after]}`` it changed, for the ledger; no I/O;
- ``notify(obj, ctx) -> [Message]``: who is told (roles and/or users), with the clause in the text;
- ``event`` (required): the past-tense verb of the ledger action ``<workflow>.<event>`` (``submitted``,
  ``approved``, ``expired``…), written out even when it equals the target state; never derived from it;
- ``requires_reason``: refuse without a reason (rejections).

``procedure_transition()`` (``procedures/services.py``) does the locking, the checks, the status change, the
``TransitionRecord``, the single ledger event, the deadlines and the notifications; the generic
``available_transitions(obj, user)`` gives the pages' buttons. Tests: reuse ``tests/test_workflow_matrix.py``'s
pattern (every state × action × role).

Everything the UI and the API ask ("may this user approve now?") is answered from these tables; never copy the
source states elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext

from pregon.core.errors import ApplicationError, InvalidTransition
from pregon.policy import Duration, Policy

if TYPE_CHECKING:
    from pregon.notifications.services import Message

    from .models import Deadline, ProcedureModel

OWNER = "@owner"
SYSTEM = "@system"
EVENT_RE = re.compile(r"^[a-z][a-z0-9_]*$")

RolesSpec = tuple[str, ...] | Callable[[Policy], Iterable[str]]
DeadlineSpec = str | Callable[[Policy], Duration | None] | None
OnExpirySpec = str | Callable[[Policy], str | None] | None


class GuardRefused(InvalidTransition):
    code = "GUARD_REFUSED"


class ProcedureDisabled(ApplicationError):
    """The institution's norm has no such procedure."""

    code = "PROCEDURE_NOT_IN_NORM"
    status = 409


def policy_attr(path: str) -> Callable[[Policy], Any]:
    """A callable reading ``section.field`` from a policy, e.g. ``policy_attr("consultation.answered_by")``."""

    def read(policy: Policy) -> Any:
        value: Any = policy
        for part in path.split("."):
            value = getattr(value, part)
        return value

    read.policy_path = path  # type: ignore[attr-defined]
    return read


def clauses_of(policy: Policy, path: str) -> tuple[str, ...]:
    """The clauses a policy cites for ``section.field`` (e.g. ``("rosarito:9.7",)``)."""
    section_name, _sep, field_name = path.partition(".")
    section = getattr(policy, section_name)
    return tuple(section.clauses_for(field_name))


@dataclass(frozen=True)
class TransitionContext:
    """What guards, effects and notifications see while a transition is being fired."""

    workflow: Workflow
    transition: Transition
    actor: Any
    policy: Policy
    now: datetime
    reason: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    deadline: Deadline | None = None  # the expired deadline, for SYSTEM transitions fired by the tick
    from_status: str = ""
    started_deadline: Deadline | None = None  # the deadline this transition started (seen by notify)


@dataclass(frozen=True)
class Transition:
    """One row of a transition table. See the module docstring."""

    name: str
    sources: tuple[str, ...]
    target: str
    roles: RolesSpec = ()
    guard: Callable[[Any, TransitionContext], str | None] | None = None
    deadline: DeadlineSpec = None
    deadline_clauses: Callable[[Policy], tuple[str, ...]] | None = None
    on_expiry: OnExpirySpec = None
    label: Any = ""
    event: str = ""
    requires_reason: bool = False
    effect: Callable[[Any, TransitionContext], dict[str, Any]] | None = None
    notify: Callable[[Any, TransitionContext], Iterable[Message]] | None = None
    clauses: Callable[[Policy], tuple[str, ...]] | None = None
    style: str = "primary"  # button style in templates: primary | secondary | danger
    keeps_deadlines: bool = False  # a step inside the state (e.g. an incident's checklist): other deadlines run on
    # Who owes this step (shown in their "Mis pendientes", and the deadline's responsible role): its roles, unless
    # `owed=False` (an optional action such as cancelling) or the roles are only OWNER (withdrawing). `responsible`
    # names the policy's role for one procedure when it depends on the row (e.g. alternate accounts, pasto:3.10).
    owed: bool = True
    responsible: Callable[[Any, Policy], str] | None = None

    @property
    def is_system(self) -> bool:
        return not callable(self.roles) and SYSTEM in self.roles

    @property
    def ledger_verb(self) -> str:
        return self.event

    def resolve_roles(self, policy: Policy) -> frozenset[str]:
        """Role codes (and OWNER/SYSTEM markers) allowed to fire this transition under ``policy``."""
        return frozenset(self.declared_roles(policy))

    def declared_roles(self, policy: Policy) -> tuple[str, ...]:
        """The roles as the table (or the policy) lists them, in that order: the first is the policy's role for
        the step (see ``responsible_role``)."""
        raw = self.roles(policy) if callable(self.roles) else self.roles
        if isinstance(raw, str):
            raw = (raw,)
        return tuple(dict.fromkeys(str(r) for r in raw))

    def is_owed(self, policy: Policy) -> bool:
        """Whether someone owes this step (it appears in "Mis pendientes"): not SYSTEM, not optional, not only
        the owner's (withdrawing)."""
        if self.is_system or not self.owed:
            return False
        return any(not r.startswith("@") for r in self.declared_roles(policy))

    def responsible_role(self, obj: Any, policy: Policy) -> str:
        """The role that owes this step on ``obj``: ``responsible`` when declared, else the first listed role."""
        if self.responsible is not None:
            return self.responsible(obj, policy)
        return next((r for r in self.declared_roles(policy) if not r.startswith("@")), "")

    def resolve_deadline(self, policy: Policy) -> Duration | None:
        if self.deadline is None:
            return None
        if callable(self.deadline):
            return self.deadline(policy)
        return policy_attr(self.deadline)(policy)

    def resolve_deadline_clauses(self, policy: Policy) -> tuple[str, ...]:
        if self.deadline_clauses is not None:
            return tuple(self.deadline_clauses(policy))
        if isinstance(self.deadline, str):
            return clauses_of(policy, self.deadline)
        return ()

    def resolve_on_expiry(self, policy: Policy) -> str | None:
        if self.on_expiry is None or isinstance(self.on_expiry, str):
            return self.on_expiry
        return self.on_expiry(policy)

    def resolve_clauses(self, policy: Policy) -> tuple[str, ...]:
        return tuple(self.clauses(policy)) if self.clauses else ()


@dataclass(frozen=True)
class Workflow:
    """A procedure's transition table. ``enabled`` (a policy path or callable) says whether the institution's
    norm has this procedure at all; ``enabled_clauses`` which clauses say so."""

    name: str
    states: type[models.TextChoices]
    transitions: tuple[Transition, ...]
    initial: str
    label: Any = ""
    enabled: str | Callable[[Policy], bool] | None = None
    enabled_clauses: Callable[[Policy], tuple[str, ...]] | None = None
    disabled_message: Callable[[Policy], str] | None = None
    # Roles that follow a state without a step of their own there: it is listed under "En seguimiento" in their
    # "Mis pendientes" (e.g. Informática follows every pending credential rotation). ((state, roles), ...)
    followed_by: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def followers(self, state: str) -> tuple[str, ...]:
        return tuple(role for followed, roles in self.followed_by if followed == state for role in roles)

    def __post_init__(self) -> None:
        states = set(self.states.values)
        unknown_followed = {state for state, _roles in self.followed_by} - states
        if unknown_followed:
            raise ValueError(f"{self.name}: followed_by names unknown states {sorted(unknown_followed)}")
        names = [t.name for t in self.transitions]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.name}: duplicate transition names {names}")
        if self.initial not in states:
            raise ValueError(f"{self.name}: initial state {self.initial!r} is not a state")
        by_name = {t.name: t for t in self.transitions}
        for t in self.transitions:
            unknown = (set(t.sources) | {t.target}) - states
            if unknown:
                raise ValueError(f"{self.name}.{t.name}: unknown states {sorted(unknown)}")
            if not t.event or not EVENT_RE.match(t.event):
                raise ValueError(f"{self.name}.{t.name}: event must be an explicit past-tense verb in snake_case "
                                 f"(the ledger action {self.name}.<event>), not {t.event!r}")
            if (t.deadline is None) != (t.on_expiry is None):
                raise ValueError(f"{self.name}.{t.name}: a deadline needs on_expiry and vice versa")
            if isinstance(t.on_expiry, str):
                target = by_name.get(t.on_expiry)
                if target is None or not target.is_system or t.target not in target.sources:
                    raise ValueError(f"{self.name}.{t.name}: on_expiry {t.on_expiry!r} must be a SYSTEM transition "
                                     f"leaving {t.target!r}")

    def get(self, name: str) -> Transition:
        for t in self.transitions:
            if t.name == name:
                return t
        raise InvalidTransition(
            gettext("La acción «%(action)s» no existe en este trámite.") % {"action": name},
            code="UNKNOWN_ACTION",
            extra={"action": name, "actions": [t.name for t in self.transitions]},
        )

    def transitions_from(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.sources]

    def is_terminal(self, state: str) -> bool:
        return not self.transitions_from(state)

    def terminal_states(self) -> list[str]:
        """The states no transition leaves (what "open" procedures exclude)."""
        return [state for state in self.states.values if self.is_terminal(state)]

    def owed_transitions(self, state: str, policy: Policy) -> list[Transition]:
        """The steps someone owes while a procedure sits in ``state``, in declaration order."""
        return [t for t in self.transitions_from(state) if t.is_owed(policy)]

    def responsible_role(self, state: str, obj: Any, policy: Policy) -> str:
        """Who must act while ``obj`` sits in ``state`` (a deadline's ``responsible_role``): the policy's role for
        the first step owed there, in the table's order — never the alphabetical order of role codes."""
        for transition in self.owed_transitions(state, policy):
            role = transition.responsible_role(obj, policy)
            if role:
                return role
        return ""

    def is_enabled(self, policy: Policy) -> bool:
        if self.enabled is None:
            return True
        reader = self.enabled if callable(self.enabled) else policy_attr(self.enabled)
        return bool(reader(policy))

    def enabled_clause_refs(self, policy: Policy) -> tuple[str, ...]:
        if self.enabled_clauses is not None:
            return tuple(self.enabled_clauses(policy))
        if isinstance(self.enabled, str):
            return clauses_of(policy, self.enabled)
        return ()

    def ledger_action(self, transition: Transition) -> str:
        return f"{self.name}.{transition.ledger_verb}"

    def state_label(self, state: str) -> str:
        try:
            return str(self.states(state).label)
        except ValueError:
            return state


_WORKFLOWS: dict[str, Workflow] = {}


def register(workflow: Workflow) -> Workflow:
    _WORKFLOWS[workflow.name] = workflow
    return workflow


def workflow_named(name: str) -> Workflow:
    return _WORKFLOWS[name]


def workflow_for(obj: ProcedureModel | type[ProcedureModel]) -> Workflow:
    return _WORKFLOWS[obj.workflow_name]


def registered_workflows() -> list[Workflow]:
    return list(_WORKFLOWS.values())


# ---------------------------------------------------------------------------------------------- permission checks


def _role_labels(roles: Iterable[str]) -> str:
    from pregon.institutions.choices import Role

    labels = []
    for role in sorted(roles):
        if role == OWNER:
            labels.append(gettext("quien inició el trámite"))
        elif role in Role.values:
            labels.append(str(Role(role).label))
    return ", ".join(labels) or gettext("nadie")


def check_actor(workflow: Workflow, transition: Transition, obj: ProcedureModel, actor: Any, policy: Policy) -> None:
    """Raises unless ``actor`` may fire ``transition`` on ``obj`` (state aside).

    - SYSTEM transitions: only the tick (``actor is None``) -> PermissionDenied for anybody else.
    - A user without any role in the procedure's institution -> InstitutionNotFound (404: it does not exist for
      them); an auditor-only user -> RoleRequired (403, read-only); a user without the listed role -> RoleRequired.
    """
    from pregon.institutions.access import RoleRequired, require_role

    if transition.is_system and actor is None:
        return
    if actor is None:
        raise RoleRequired(gettext("Esta acción necesita una persona con sesión iniciada."), code="ACTOR_REQUIRED")
    held = require_role(actor, obj.institution, write=True)  # 404 when no role there, 403 for auditors
    if transition.is_system:
        raise RoleRequired(
            gettext("«%(label)s» la aplica el sistema al vencer el plazo; nadie puede ejecutarla a mano.")
            % {"label": transition.label or transition.name},
            code="SYSTEM_ONLY",
        )
    wanted = transition.resolve_roles(policy)
    if held & wanted:
        return
    if OWNER in wanted and obj.owner_id is not None and obj.owner_id == actor.pk:
        return
    raise RoleRequired(
        gettext("Sólo %(roles)s puede «%(label)s» en este trámite.")
        % {"roles": _role_labels(wanted), "label": transition.label or transition.name},
        extra={"roles": sorted(r for r in wanted if not r.startswith("@")), "action": transition.name},
    )


def check_state(workflow: Workflow, transition: Transition, obj: ProcedureModel) -> None:
    if obj.status in transition.sources:
        return
    raise InvalidTransition(
        gettext("No se puede «%(label)s»: el trámite está «%(state)s»; sólo es posible cuando está «%(allowed)s».")
        % {
            "label": transition.label or transition.name,
            "state": workflow.state_label(obj.status),
            "allowed": "», «".join(workflow.state_label(s) for s in transition.sources),
        },
        extra={"status": obj.status, "action": transition.name, "allowed_from": list(transition.sources)},
    )


def check_guard(transition: Transition, obj: ProcedureModel, ctx: TransitionContext) -> None:
    if transition.requires_reason and not ctx.reason.strip():
        raise GuardRefused(
            gettext("Para «%(label)s» hay que escribir los motivos.") % {"label": transition.label or transition.name},
            code="REASON_REQUIRED",
        )
    if transition.guard is not None:
        refusal = transition.guard(obj, ctx)
        if refusal:
            raise GuardRefused(str(refusal))


def available_transitions(obj: ProcedureModel, user: Any, policy: Policy | None = None) -> list[Transition]:
    """The transitions ``user`` may fire on ``obj`` now (for buttons): right state, right role, guard passes.
    SYSTEM transitions are never offered."""
    from django.utils import timezone

    from pregon.institutions.policies import policy_for

    workflow = workflow_for(obj)
    policy = policy or policy_for(obj.institution)
    result = []
    for t in workflow.transitions_from(obj.status):
        if t.is_system:
            continue
        try:
            check_actor(workflow, t, obj, user, policy)
            ctx = TransitionContext(workflow=workflow, transition=t, actor=user, policy=policy, now=timezone.now(),
                                    reason="-" if t.requires_reason else "", from_status=obj.status)
            check_guard(t, obj, ctx)
        except ApplicationError:
            continue
        result.append(t)
    return result


__all__ = [
    "OWNER",
    "SYSTEM",
    "GuardRefused",
    "ProcedureDisabled",
    "Transition",
    "TransitionContext",
    "Workflow",
    "available_transitions",
    "check_actor",
    "check_guard",
    "check_state",
    "clauses_of",
    "policy_attr",
    "register",
    "workflow_for",
    "workflow_named",
]
