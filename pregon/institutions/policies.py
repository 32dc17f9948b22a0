"""The one accessor for an institution's policy and business calendar (STYLE §2.5).

`policy_for(institution, on)` resolves the PolicyRevision in force on that date through the pure policy core and
caches the result per process, keyed by (institution id, revision version): a new revision gets a new key, so the
cache never serves a stale policy. Tests call `clear_policy_cache()`.
"""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

from django.utils import timezone

from pregon.policy import Policy, resolve
from pregon.workdays import Calendar
from pregon.workdays import ElectoralPeriod as CalendarElectoralPeriod

from .models import ElectoralPeriod, Institution, NonWorkingDay, PolicyRevision

_cache: dict[tuple[int, int, str], Policy] = {}
_lock = threading.Lock()


def clear_policy_cache() -> None:
    with _lock:
        _cache.clear()


def local_today(institution: Institution) -> dt.date:
    """Today in the institution's own time zone (a Tijuana office and a Bogotá office differ near midnight)."""
    return timezone.now().astimezone(ZoneInfo(institution.timezone)).date()


def revision_in_force(institution: Institution, on: dt.date | None = None) -> PolicyRevision | None:
    """The revision with the latest effective_on not after `on` (highest version on the same date)."""
    on = on or local_today(institution)
    return (
        PolicyRevision.objects.filter(institution=institution, effective_on__lte=on)
        .order_by("-effective_on", "-version")
        .first()
    )


def policy_for(institution: Institution, on: dt.date | None = None) -> Policy:
    """The institution's Policy in force on `on` (default: today in its time zone).

    Before the first revision takes effect (or if there is none) the institution's preset applies unchanged.
    """
    revision = revision_in_force(institution, on)
    if revision is None:
        key = (institution.pk, 0, institution.policy_preset)
        preset, overrides = institution.policy_preset, {}
    else:
        key = (institution.pk, revision.version, revision.preset)
        preset, overrides = revision.preset, revision.overrides
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    policy = resolve(preset, overrides or {})
    with _lock:
        _cache[key] = policy
    return policy


def calendar_for(institution: Institution, on: dt.date | None = None) -> Calendar:
    """The institution's business calendar: statutory holidays of its country (and subdivision), the days it
    declared non-working, its electoral periods, and the office hours / workweek / electoral rule of its policy.

    Country, subdivision and time zone come from the Institution row, which the institution services keep valid.
    """
    policy = policy_for(institution, on)
    days = frozenset(NonWorkingDay.objects.filter(institution=institution).values_list("date", flat=True))
    periods = tuple(
        CalendarElectoralPeriod(starts_on=p.starts_on, ends_on=p.ends_on, name=p.name)
        for p in ElectoralPeriod.objects.filter(institution=institution).order_by("starts_on")
    )
    return Calendar(
        country=institution.country,
        subdivision=institution.subdivision or None,
        timezone=institution.timezone,
        office_start=policy.calendar.office_start,
        office_end=policy.calendar.office_end,
        workweek=frozenset(policy.calendar.workweek),
        non_working_days=days,
        electoral_periods=periods,
        electoral_all_business=policy.calendar.electoral_all_business,
    )
