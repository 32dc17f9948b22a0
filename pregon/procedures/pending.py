""""Mis pendientes": every step a person owes now, across institutions and procedures, built from the tables.

A procedure is pending for a user when, in its current state:

Every procedure is one `ProcedureSpec` (pregon/procedures/spec.py): its model, its table and its visibility rule
(an entry is listed only if its page would open for the user).

- **to act** ("Por atender"): the user may take one of the steps owed there now — IT's opinion, Communications'
  decision, an attestation, a designation, a correction… — as `available_transitions()` answers it (right state,
  right role in force today, the table's guard passes). Optional actions (cancelling) and the owner's withdrawal are
  not steps owed (`Transition.is_owed`);
- **following** ("En seguimiento"): a role of the user follows that state (`Workflow.followed_by`: Informática
  follows every pending credential rotation), or the user started it and waits for someone else.

Each entry carries its deadline when the state has one; an entry whose term ran out stays, marked overdue
("vencido"), until someone resolves it — whether the tick has already applied the expiry (a rotation becomes
`overdue`) or not yet. Who owes a step is computed now, from the roles and assignments in force, never from a
stored person: when an area head or an administrator changes, the open steps follow the new holder, and an
official whose employment has ended stops seeing (and owing) anything there on the day of the baja.

Cost: one query per procedure model for the open rows (plus one for their deadlines), whatever the number of rows;
the guards run with the user's memberships loaded once (`access_memo`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from pregon.institutions.access import access_memo, memberships_in_force, roles_of
from pregon.institutions.models import Area, Institution
from pregon.institutions.policies import calendar_for, policy_for
from pregon.policy import Policy

from .choices import DeadlineStatus
from .deadlines import time_left
from .models import Deadline, ProcedureModel, TransitionRecord
from .spec import all_specs
from .workflows import Transition, Workflow, available_transitions

ROWS_PER_PROCEDURE = 300  # a bound per procedure kind (oldest first), so one page never loads a whole padrón

TO_ACT = "act"
FOLLOWING = "follow"
WAITING = "wait"


@dataclass
class PendingItem:
    """One open procedure as "Mis pendientes", the home panel and the ICS feed show it."""

    obj: ProcedureModel
    workflow: Workflow
    institution: Institution
    relation: str  # TO_ACT | FOLLOWING | WAITING
    actions: list[Transition] = field(default_factory=list)  # the steps the user can take now
    deadline: Deadline | None = None  # the term running (or the one that ran out)
    left: dict[str, Any] | None = None  # business time left (`deadlines.time_left`)
    overdue: bool = False
    link: str = ""

    @property
    def mine_to_act(self) -> bool:
        return self.relation == TO_ACT

    @property
    def title(self) -> str:
        return self.deadline.subject_label if self.deadline is not None and self.deadline.subject_label else str(self.obj)

    @property
    def kind_label(self) -> str:
        return str(self.workflow.label or self.workflow.name)

    @property
    def state_label(self) -> str:
        return self.workflow.state_label(self.obj.status)

    @property
    def action_labels(self) -> list[str]:
        return [str(t.label or t.name) for t in self.actions]

    @property
    def due_at(self) -> datetime | None:
        return self.deadline.due_at if self.deadline is not None else None

    @property
    def clauses(self) -> list[str]:
        return list(self.deadline.clauses) if self.deadline is not None else []


def _related(model: type[ProcedureModel]) -> list[str]:
    names = {f.name for f in model._meta.get_fields() if f.is_relation and f.many_to_one}
    related = ["institution"]
    if "area" in names:
        related.append("area")
    if "account" in names:
        related += ["account", "account__area", "account__platform"]
    return related


def _states_for(workflow: Workflow, policy: Policy, held: set[str]) -> tuple[set[str], set[str]]:
    """The states where `held` roles may owe a step, and those a held role follows."""
    act: set[str] = set()
    follow: set[str] = set()
    for state in workflow.states.values:
        if any(held & set(t.declared_roles(policy)) for t in workflow.owed_transitions(state, policy)):
            act.add(state)
        if held & set(workflow.followers(state)):
            follow.add(state)
    return act, follow


def _open_states(workflow: Workflow) -> list[str]:
    return [s for s in workflow.states.values if not workflow.is_terminal(s)]


def _attach_area_tree(rows: Iterable[Any], areas: dict[int, Area]) -> None:
    """Puts each row's area (and its ancestors) from `areas`, so guards walking the tree query nothing."""
    parent_field = Area._meta.get_field("parent")
    for area in areas.values():
        if area.parent_id is not None and area.parent_id in areas:
            parent_field.set_cached_value(area, areas[area.parent_id])
    for obj in rows:
        for holder in (obj, getattr(obj, "account", None)):
            area_id = getattr(holder, "area_id", None) if holder is not None else None
            if area_id in areas:
                holder._meta.get_field("area").set_cached_value(holder, areas[area_id])


def _deadlines_of(model: type[ProcedureModel], ids: list[int]) -> dict[int, list[Deadline]]:
    if not ids:
        return {}
    ct = ContentType.objects.get_for_model(model)
    by_subject: dict[int, list[Deadline]] = defaultdict(list)
    for deadline in Deadline.objects.filter(
        subject_type=ct, subject_id__in=ids, status__in=[DeadlineStatus.OPEN, DeadlineStatus.EXPIRED]
    ).order_by("due_at", "id"):
        by_subject[deadline.subject_id].append(deadline)
    return by_subject


def _acts_by_role(model: type[ProcedureModel], ids: list[int]) -> dict[int, list[tuple[datetime, set[str]]]]:
    """For expiries that keep the state (an incident's steps): when people acted on each subject, with the roles
    each holds there now — an overdue step is resolved once someone holding its responsible role acted after it
    ran out. Two queries for all the subjects."""
    from pregon.institutions.models import Membership

    ct = ContentType.objects.get_for_model(model)
    records = list(TransitionRecord.objects.filter(subject_type=ct, subject_id__in=ids, actor__isnull=False)
                   .values_list("subject_id", "institution_id", "actor_id", "created_at"))
    roles: dict[tuple[int, int], set[str]] = defaultdict(set)
    actor_ids = sorted({actor for _s, _i, actor, _at in records})
    for user_id, institution_id, role in Membership.objects.filter(user_id__in=actor_ids).values_list(
            "user_id", "institution_id", "role"):
        roles[(user_id, institution_id)].add(role)
    acts: dict[int, list[tuple[datetime, set[str]]]] = defaultdict(list)
    for subject_id, institution_id, actor_id, at in records:
        acts[subject_id].append((at, roles[(actor_id, institution_id)]))
    return acts


def _still_overdue(obj: Any, workflow: Workflow, deadline: Deadline,
                   acts: dict[int, list[tuple[datetime, set[str]]]] | None) -> bool:
    """Whether an expired term still marks the entry overdue: while the procedure sits where the expiry put it
    (a rotation `overdue`); for an expiry that keeps the state (an incident's step), until someone holding the
    term's responsible role acts on the procedure after it ran out."""
    expiry = next((t for t in workflow.transitions if t.name == deadline.on_expiry), None)
    if expiry is None or expiry.target != obj.status:
        return False
    if expiry.target != deadline.state:
        return True
    ran_out = deadline.closed_at or deadline.due_at
    return not any(at >= ran_out and deadline.responsible_role in held
                   for at, held in (acts or {}).get(obj.pk, []))


def _choose_deadline(
    obj: Any, workflow: Workflow, deadlines: list[Deadline], held: set[str], now: datetime,
    acts: dict[int, list[tuple[datetime, set[str]]]] | None,
) -> tuple[Deadline | None, bool]:
    """The term shown with the entry and whether it is overdue.

    The terms still running and those that ran out unresolved (`_still_overdue`); the user's own (their role must
    act) before the others; the overdue one first, else the soonest. An open term past its due instant is overdue
    even before the tick runs.
    """
    candidates = [d for d in deadlines if d.status == DeadlineStatus.OPEN or (
        d.status == DeadlineStatus.EXPIRED and _still_overdue(obj, workflow, d, acts))]
    if not candidates:
        return None, False
    mine = [d for d in candidates if d.responsible_role in held] or candidates
    late = [d for d in mine if d.status == DeadlineStatus.EXPIRED or d.due_at <= now]
    return (late[0], True) if late else (mine[0], False)


def pending_for_user(*, user: Any, now: datetime | None = None, institution: Institution | None = None,
                     to_act_only: bool = False) -> list[PendingItem]:
    """Every open procedure the user owes a step on now, follows or waits for (see the module docstring), overdue
    first, then by due instant (those without a term last), across the institutions where the user's roles are in
    force (or only `institution`). `to_act_only`: only what the user owes (the home panel); procedure kinds where
    the user's roles owe nothing are then not even queried."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    now = now or timezone.now()
    memberships = memberships_in_force(user)
    if institution is not None:
        memberships = memberships.filter(institution=institution)
    institution_ids = set(memberships.values_list("institution_id", flat=True))
    if not institution_ids:
        return []
    institutions = {i.pk: i for i in Institution.objects.filter(pk__in=institution_ids)}
    items: list[PendingItem] = []
    with access_memo():
        held = {pk: roles_of(user, inst) for pk, inst in institutions.items()}
        policies = {pk: policy_for(inst) for pk, inst in institutions.items()}
        areas: dict[int, Area] | None = None
        calendars: dict[int, Any] = {}
        for spec in all_specs():
            workflow, model = spec.workflow, spec.model
            condition = Q(pk__in=[])
            states_by_institution: dict[int, tuple[set[str], set[str]]] = {}
            for pk, inst in institutions.items():
                act, follow = _states_for(workflow, policies[pk], held[pk])
                if to_act_only:
                    follow = set()
                states_by_institution[pk] = (act, follow)
                here = Q(status__in=sorted(act | follow)) if act | follow else Q(pk__in=[])
                if model.owner_field and not to_act_only:
                    here |= Q(status__in=_open_states(workflow), **{model.owner_field: user})
                elif not act:
                    continue
                # the kind's one visibility rule (ProcedureSpec.visible): an entry never links to a 404
                condition |= Q(institution_id=pk) & here & Q(pk__in=spec.visible(user, inst).values("pk"))
            if condition == Q(pk__in=[]):
                continue
            rows = list(model.objects.filter(condition).select_related(*_related(model))
                        .order_by("created_at", "id")[:ROWS_PER_PROCEDURE])
            if not rows:
                continue
            if areas is None:
                areas = {a.pk: a for a in Area.objects.filter(institution_id__in=sorted(institutions))}
            _attach_area_tree(rows, areas)
            ids = [r.pk for r in rows]
            deadlines = _deadlines_of(model, ids)
            keeps_state = any(
                t.is_system and t.target in t.sources for t in workflow.transitions
            )
            acts = _acts_by_role(model, ids) if keeps_state else None
            for obj in rows:
                pk = obj.institution_id
                act, follow = states_by_institution[pk]
                policy = policies[pk]
                actions: list[Transition] = []
                if obj.status in act:
                    actions = [t for t in available_transitions(obj, user, policy) if t.is_owed(policy)]
                if actions:
                    relation = TO_ACT
                elif obj.status in follow:
                    relation = FOLLOWING
                elif not to_act_only and model.owner_field and obj.owner_id == user.pk and \
                        not workflow.is_terminal(obj.status):
                    relation = WAITING
                else:
                    continue
                deadline, overdue = _choose_deadline(obj, workflow, deadlines.get(obj.pk, []), held[pk], now,
                                                     acts)
                left = None
                if deadline is not None:
                    if pk not in calendars:
                        calendars[pk] = calendar_for(institutions[pk])
                    left = time_left(calendars[pk], now, deadline.due_at, deadline.duration_unit)
                    left["overdue"] = overdue
                items.append(PendingItem(
                    obj=obj, workflow=workflow, institution=institutions[pk], relation=relation, actions=actions,
                    deadline=deadline, left=left, overdue=overdue, link=obj.get_absolute_url(),
                ))
    far = datetime.max.replace(tzinfo=now.tzinfo)
    items.sort(key=lambda i: (not i.overdue, i.due_at or far, i.obj.created_at))
    return items


def pending_for_home(*, request: Any, institution: Institution, roles: list[str]) -> dict[str, Any] | None:
    """Home panel: what the user owes in this institution (None when nothing)."""
    items = pending_for_user(user=request.user, institution=institution, to_act_only=True)
    return {"pending": items[:10], "more": max(0, len(items) - 10)} if items else None
