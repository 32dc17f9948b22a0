"""Deadline arithmetic over an institution's calendar: a policy Duration + the instant of the act -> due instant.

| unit            | due instant                                                                               |
|-----------------|-------------------------------------------------------------------------------------------|
| business_days   | `Calendar.add_business_days`: the term starts the next business day; ends 23:59:59.999999 |
|                 | local of the n-th business day (holidays, declared non-working days, electoral periods)   |
| business_hours  | `Calendar.add_business_hours`: office hours of business days only                         |
| calendar_days   | end (23:59:59.999999 local) of the n-th calendar day after the act's local date — the     |
|                 | same "whole last day" convention as business days, so 5 days from Monday end Saturday    |
| hours           | exactly n × 60 minutes after the act                                                      |

`deadline_start` stores the calendar fingerprint and the holidays data version with the instant on the
Deadline row, so an auditor can rebuild the same calendar and recompute `due_at`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pregon.policy import Duration, Policy
from pregon.workdays import HOLIDAYS_VERSION, Calendar

if TYPE_CHECKING:
    from .models import Deadline
    from .workflows import Transition, Workflow


def due_at_for(calendar: Calendar, start: datetime, duration: Duration) -> datetime:
    """The instant a term of `duration` started at `start` expires (see the module table)."""
    if duration.unit == "business_days":
        return calendar.add_business_days(start, duration.amount)
    if duration.unit == "business_hours":
        return calendar.add_business_hours(start, duration.amount)
    if duration.unit == "calendar_days":
        return calendar.end_of_day(calendar.localize(start).date() + timedelta(days=duration.amount))
    if duration.unit == "hours":
        return calendar.localize(start) + timedelta(hours=duration.amount)
    raise ValueError(f"unknown duration unit {duration.unit!r}")


@dataclass(frozen=True)
class Term:
    """A deadline as declared: it runs while the procedure sits in `state`, started by `starts` (the action or act),
    for the policy's `duration` (or until the fixed instant `ends_at`), set by `clauses`; at expiry the tick fires
    the SYSTEM transition `on_expiry`; `responsible_role` is who must act meanwhile (the policy's role for the step).
    `kind` tells apart several terms of one procedure (an incident's steps): `<workflow>.<state>` by default."""

    workflow: str
    state: str
    starts: str
    duration: Duration
    on_expiry: str
    responsible_role: str
    clauses: tuple[str, ...] = ()
    kind: str = ""
    ends_at: datetime | None = None

    @property
    def key(self) -> str:
        return self.kind or f"{self.workflow}.{self.state}"


def term_of_transition(workflow: Workflow, transition: Transition, obj: Any, policy: Policy) -> Term | None:
    """The term a transition table row declares for the state it lands in (None when the policy sets none)."""
    duration = transition.resolve_deadline(policy)
    on_expiry = transition.resolve_on_expiry(policy)
    if duration is None or not on_expiry:
        return None
    workflow.get(on_expiry)  # a misconfigured table fails loudly here, not at expiry
    return Term(
        workflow=workflow.name, state=transition.target, starts=transition.name, duration=duration,
        on_expiry=on_expiry, responsible_role=workflow.responsible_role(transition.target, obj, policy),
        clauses=tuple(transition.resolve_deadline_clauses(policy)),
    )


def term_until(*, workflow: str, state: str, starts: str, ends_at: datetime, now: datetime, on_expiry: str,
               responsible_role: str, clauses: tuple[str, ...]) -> Term:
    """A term that ends at a fixed instant (a live stream's authorisation runs until the stream starts): its
    duration is recorded in whole hours, rounded up, at least one."""
    hours = max(1, math.ceil((ends_at - now).total_seconds() / 3600))
    return Term(workflow=workflow, state=state, starts=starts, duration=Duration(amount=hours, unit="hours"),
                on_expiry=on_expiry, responsible_role=responsible_role, clauses=clauses, ends_at=ends_at)


def deadline_start(*, obj: Any, term: Term, policy: Policy, now: datetime, label: str = "",
                   calendar: Calendar | None = None) -> Deadline:
    """THE builder of Deadline rows: computes `due_at` from the institution's calendar (or takes `ends_at`) and
    records what an auditor needs to recompute it (calendar fingerprint, holidays version, policy version, start,
    duration, clauses). The person waiting is the procedure's owner; who must act is recomputed from current
    roles whenever it is shown ("Mis pendientes"), so a new area head or administrator inherits open steps."""
    from pregon.institutions.policies import calendar_for

    from .models import Deadline

    calendar = calendar or calendar_for(obj.institution)
    due_at = term.ends_at if term.ends_at is not None else due_at_for(calendar, now, term.duration)
    return Deadline.objects.create(
        institution=obj.institution,
        subject=obj,
        subject_label=(label or str(obj))[:255],
        workflow=term.workflow,
        kind=term.key,
        state=term.state,
        on_expiry=term.on_expiry,
        responsible_role=term.responsible_role,
        waiting_user=obj.owner,
        started_at=now,
        due_at=due_at,
        duration_amount=term.duration.amount,
        duration_unit=term.duration.unit,
        clauses=list(term.clauses),
        calendar_fingerprint=calendar.fingerprint,
        holidays_version=str(HOLIDAYS_VERSION),
        policy_version=policy.version,
    )


def time_left(calendar: Calendar, now: datetime, due_at: datetime, unit: str) -> dict[str, object]:
    """What "Mis pendientes" shows: business time left (negative when overdue) and whole business days left."""
    business = calendar.business_time_between(now, due_at)
    return {
        "business_time": business,
        "business_hours": round(business.total_seconds() / 3600, 1),
        "business_days": calendar.business_days_between(now, due_at),
        "calendar_time": due_at - now,
        "overdue": due_at <= now,
        "unit": unit,
    }
