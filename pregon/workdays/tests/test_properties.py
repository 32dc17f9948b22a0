"""Property tests: the laws the arithmetic obeys, over random calendars and instants.

What holds for end-of-day day terms (``add = add_business_days``, ``between = business_days_between``):

* ``add(t, n)`` is 23:59:59.999999 local of a business day, and ``add(t, n) <= add(t, m)`` when ``n <= m``;
* for ``n >= 1``: ``between(t, add(t, n)) == n`` and no earlier day has ``n`` (the deadline is the n-th);
* additivity: ``add(add(t, a), b) == add(t, a + b)`` when ``a >= 1`` or ``t``'s day is a business day;
  when ``a == 0`` and ``t``'s day is not, ``add(t, 0)`` already moved to the next business day, so
  ``add(add(t, 0), b) == add(t, b + 1)``;
* ``between`` is antisymmetric and additive: ``between(a, b) + between(b, c) == between(a, c)``.

Business hours (``addh = add_business_hours``, ``time = business_time_between``):

* ``time(t, addh(t, h)) == h`` exactly, and ``addh`` returns the *earliest* such instant;
* ``addh(addh(t, a), b) == addh(t, a + b)`` for all ``a, b >= 0`` (no end-of-day rounding for hours);
* ``time`` is antisymmetric, additive, and never more than the wall-clock time.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pregon.workdays import Calendar, ElectoralPeriod

ZONES = ["America/Mexico_City", "America/Tijuana", "America/Bogota", "America/Hermosillo"]
# 50 examples keep the module under ~10 s; WORKDAYS_HYPOTHESIS_EXAMPLES=2000 for a deeper search.
FAST = settings(
    max_examples=int(os.environ.get("WORKDAYS_HYPOTHESIS_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LO, HI = date(2025, 12, 1), date(2028, 1, 31)
ONE_US = timedelta(microseconds=1)

days_in_range = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def electoral_periods(draw: st.DrawFn) -> tuple[ElectoralPeriod, ...]:
    cuts = sorted(draw(st.lists(days_in_range, min_size=0, max_size=4, unique=True)))
    pairs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return tuple(ElectoralPeriod(a, b, f"p{i}") for i, (a, b) in enumerate(pairs))


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    start_hour = draw(st.integers(0, 20))
    end_hour = draw(st.integers(start_hour + 1, 23))
    non_working = draw(st.frozensets(days_in_range, max_size=25))
    working = draw(st.frozensets(days_in_range, max_size=5)) - non_working
    return Calendar(
        country=draw(st.sampled_from(["MX", "CO"])),
        timezone=draw(st.sampled_from(ZONES)),
        office_start=time(start_hour, draw(st.sampled_from([0, 30]))),
        office_end=time(end_hour, draw(st.sampled_from([0, 15]))),
        workweek=draw(st.frozensets(st.integers(0, 6), min_size=1)),
        non_working_days=non_working,
        working_days=working,
        electoral_periods=draw(electoral_periods()),
        electoral_all_business=draw(st.booleans()),
    )


instants = st.datetimes(
    min_value=datetime(2025, 12, 1),
    max_value=datetime(2027, 12, 31),
    timezones=st.sampled_from([ZoneInfo(z) for z in ZONES + ["UTC", "Europe/Madrid"]]),
    allow_imaginary=False,
)
small_n = st.integers(0, 30)
durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=200))


def local_day(cal: Calendar, t: datetime) -> date:
    return t.astimezone(cal.tz).date()


# --------------------------------------------------------------------------- business days

@FAST
@given(calendars(), instants, small_n, small_n)
def test_add_days_is_monotonic_and_lands_on_a_business_day_end(cal: Calendar, t: datetime, n: int, m: int) -> None:
    n, m = min(n, m), max(n, m)
    a, b = cal.add_business_days(t, n), cal.add_business_days(t, m)
    assert a <= b
    for r in (a, b):
        assert r.tzinfo == cal.tz
        assert r.time() == time.max
        assert cal.is_business_day(r.date())
        assert r.date() >= local_day(cal, t)


@FAST
@given(calendars(), instants, st.integers(1, 30))
def test_add_days_is_the_nth_business_day(cal: Calendar, t: datetime, n: int) -> None:
    due = cal.add_business_days(t, n)
    assert cal.business_days_between(t, due) == n
    the_day_before = due - timedelta(days=1)
    assert cal.business_days_between(t, the_day_before) == n - 1
    # Exactly n business days in (day of t, due day], counted one by one.
    d, counted = local_day(cal, t), 0
    while d < due.date():
        d += timedelta(days=1)
        counted += cal.is_business_day(d)
    assert counted == n


@FAST
@given(calendars(), instants, small_n, small_n)
def test_add_days_is_additive(cal: Calendar, t: datetime, a: int, b: int) -> None:
    composed = cal.add_business_days(cal.add_business_days(t, a), b)
    if a >= 1 or cal.is_business_day(local_day(cal, t)):
        assert composed == cal.add_business_days(t, a + b)
    else:
        assert composed == cal.add_business_days(t, b + 1)


@FAST
@given(calendars(), instants)
def test_zero_days(cal: Calendar, t: datetime) -> None:
    zero = cal.add_business_days(t, 0)
    if cal.is_business_day(local_day(cal, t)):
        assert zero.date() == local_day(cal, t)
    else:
        assert zero == cal.add_business_days(t, 1)


@FAST
@given(calendars(), instants, instants, instants)
def test_days_between_is_antisymmetric_and_additive(cal: Calendar, a: datetime, b: datetime, c: datetime) -> None:
    ab, bc, ac = cal.business_days_between(a, b), cal.business_days_between(b, c), cal.business_days_between(a, c)
    assert ab == -cal.business_days_between(b, a)
    assert ab + bc == ac


# --------------------------------------------------------------------------- business hours

@FAST
@given(calendars(), instants, durations)
def test_hours_round_trip_and_earliest(cal: Calendar, t: datetime, h: timedelta) -> None:
    due = cal.add_business_hours(t, h)
    assert due.tzinfo == cal.tz
    assert due >= t
    assert cal.business_time_between(t, due) == h
    if h:
        # The earliest such instant: one microsecond earlier is not enough, and that microsecond is business time.
        assert cal.business_time_between(t, due - ONE_US) == h - ONE_US
        assert cal.is_business_time(due - ONE_US)


@FAST
@given(calendars(), instants, st.floats(min_value=0, max_value=300, allow_nan=False))
def test_float_hours_round_trip(cal: Calendar, t: datetime, hours: float) -> None:
    assert cal.business_time_between(t, cal.add_business_hours(t, hours)) == timedelta(hours=hours)


@FAST
@given(calendars(), instants, durations, durations)
def test_hours_are_monotonic_and_additive(cal: Calendar, t: datetime, a: timedelta, b: timedelta) -> None:
    ta, tb = cal.add_business_hours(t, min(a, b)), cal.add_business_hours(t, max(a, b))
    assert ta <= tb
    assert cal.add_business_hours(cal.add_business_hours(t, a), b) == cal.add_business_hours(t, a + b)


@FAST
@given(calendars(), instants, instants, instants)
def test_time_between_laws(cal: Calendar, a: datetime, b: datetime, c: datetime) -> None:
    ab = cal.business_time_between(a, b)
    assert ab == -cal.business_time_between(b, a)
    assert ab + cal.business_time_between(b, c) == cal.business_time_between(a, c)
    assert abs(ab) <= abs(b - a)


@FAST
@given(calendars(), instants, st.integers(1, 20))
def test_a_day_term_is_never_earlier_than_the_opening_of_its_first_day(cal: Calendar, t: datetime, n: int) -> None:
    # Consistency between the two families: the day deadline leaves at least the business time of its last day.
    due = cal.add_business_days(t, n)
    assert cal.business_time_between(t, due) > timedelta(0)


# --------------------------------------------------------------------------- electoral periods

@FAST
@given(calendars(), days_in_range, st.integers(0, 60))
def test_electoral_period_makes_every_day_and_hour_business(cal: Calendar, start: date, length: int) -> None:
    period = ElectoralPeriod(start, start + timedelta(days=length), "process")
    electoral = Calendar(
        country=cal.country,
        timezone=cal.timezone,
        office_start=cal.office_start,
        office_end=cal.office_end,
        workweek=cal.workweek,
        non_working_days=cal.non_working_days,
        working_days=cal.working_days,
        electoral_periods=(period,),
        electoral_all_business=True,
    )
    tz = electoral.tz
    for k in range(length + 1):
        d = start + timedelta(days=k)
        assert electoral.is_business_day(d)
        assert electoral.is_business_time(datetime.combine(d, time(3, 33), tzinfo=tz))
    # Every day counts: n days from the eve of the period is the n-th calendar day.
    eve = datetime.combine(start - timedelta(days=1), time(12), tzinfo=tz)
    for n in range(1, length + 2):
        assert electoral.add_business_days(eve, n).date() == start + timedelta(days=n - 1)
    # Every hour counts: whole-period business time is its wall-clock duration.
    first = datetime.combine(start, time.min, tzinfo=tz)
    after = datetime.combine(period.ends_on + timedelta(days=1), time.min, tzinfo=tz)
    assert electoral.business_time_between(first, after) == after.astimezone(ZoneInfo("UTC")) - first.astimezone(
        ZoneInfo("UTC")
    )


# --------------------------------------------------------------------------- fingerprint

@FAST
@given(calendars())
def test_fingerprint_is_stable_and_round_trips(cal: Calendar) -> None:
    again = Calendar.from_dict(cal.to_dict())
    assert again == cal
    assert again.fingerprint == cal.fingerprint
    assert len(cal.fingerprint) == 16
    reordered = Calendar(
        country=cal.country.lower(),
        timezone=cal.timezone,
        office_start=cal.office_start,
        office_end=cal.office_end,
        workweek=frozenset(sorted(cal.workweek, reverse=True)),
        non_working_days=frozenset(sorted(cal.non_working_days, reverse=True)),
        working_days=cal.working_days,
        electoral_periods=tuple(reversed(cal.electoral_periods)),
        electoral_all_business=cal.electoral_all_business,
    )
    assert reordered.fingerprint == cal.fingerprint


@FAST
@given(calendars(), days_in_range)
def test_fingerprint_changes_with_any_input(cal: Calendar, extra: date) -> None:
    assume(extra not in cal.non_working_days and extra not in cal.working_days)
    data = cal.to_dict()
    variants = [
        Calendar.from_dict({**data, "non_working_days": [*data["non_working_days"], extra.isoformat()]}),
        Calendar.from_dict({**data, "working_days": [*data["working_days"], extra.isoformat()]}),
        Calendar.from_dict({**data, "electoral_all_business": not cal.electoral_all_business}),
        Calendar.from_dict({**data, "subdivision": "JAL"}),
        Calendar.from_dict({**data, "timezone": "America/Merida"}),
        Calendar.from_dict({**data, "office_end": "23:59:00"}),
        Calendar.from_dict({**data, "country": "CO" if cal.country == "MX" else "MX"}),
    ]
    prints = {v.fingerprint for v in variants if v != cal}
    assert cal.fingerprint not in prints
