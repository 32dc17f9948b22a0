"""Deadline arithmetic over an institution's calendar: a policy Duration + the instant of the act -> due instant.

| unit            | due instant                                                                               |
|-----------------|-------------------------------------------------------------------------------------------|
| business_days   | `Calendar.add_business_days`: the term starts the next business day; ends 23:59:59.999999 |
|                 | local of the n-th business day (holidays, declared non-working days, electoral periods)   |
| business_hours  | `Calendar.add_business_hours`: office hours of business days only                         |
| calendar_days   | end (23:59:59.999999 local) of the n-th calendar day after the act's local date — the     |
|                 | same "whole last day" convention as business days, so 5 days from Monday end Saturday    |
| hours           | exactly n × 60 minutes after the act                                                      |

The calendar fingerprint and the holidays data version are returned with the instant and stored on the
Deadline row, so an auditor can rebuild the same calendar and recompute `due_at`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pregon.policy import Duration
from pregon.workdays import HOLIDAYS_VERSION, Calendar


@dataclass(frozen=True)
class ComputedDue:
    due_at: datetime
    calendar_fingerprint: str
    holidays_version: str


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


def compute_due(calendar: Calendar, start: datetime, duration: Duration) -> ComputedDue:
    return ComputedDue(
        due_at=due_at_for(calendar, start, duration),
        calendar_fingerprint=calendar.fingerprint,
        holidays_version=str(HOLIDAYS_VERSION),
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
