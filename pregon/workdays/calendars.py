"""Business days, business hours and deadline arithmetic for one institution's calendar.

Pure Python: no Django import. See ``docs/decisions/0003-business-day-deadlines.md``.

Vocabulary
----------
*Business day*: decided by :meth:`Calendar.explain`, first matching rule wins:

1. inside an electoral period of a calendar with ``electoral_all_business`` -> business (ine:3.VII, ine:10);
2. a declared working day (``working_days``) -> business;
3. a declared non-working day (``non_working_days``: the institution's annual agreement) -> not business;
4. a statutory holiday of the country (``holidays`` package; Colombia's Ley Emiliani moves included) -> not;
5. a day outside ``workweek`` (weekly rest) -> not business;
6. otherwise -> business.

*Business time*: on an ordinary business day, the half-open interval ``[office_start, office_end)`` local time;
on a day of an electoral period with ``electoral_all_business``, the whole local day (every hour counts).
Durations are real elapsed time, so a 24-hour electoral day that crosses a DST change lasts 23 or 25 hours.

All instants must be timezone-aware. They are converted to the calendar's zone; results are aware datetimes in
that zone. Local dates are the dates in the calendar's zone, not in the caller's.
"""

from __future__ import annotations

import enum
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import statutory
from .errors import CalendarError

ONE_DAY = timedelta(days=1)
#: Longest run of consecutive days without business time that a search tolerates before giving up. A valid
#: calendar always has a business day within a few weeks; this only stops a pathological one from spinning.
MAX_CLOSED_RUN_DAYS = 3 * 366
FINGERPRINT_FORMAT = 1
#: Upper bounds on term lengths (about forty years): real terms are far shorter, and the bounds keep a bad input
#: from spinning through the calendar up to year 9999.
MAX_BUSINESS_DAYS = 10_000
MAX_BUSINESS_HOURS = timedelta(hours=100_000)
DECLARED_NON_WORKING_NAMES = {"es": "Día inhábil declarado por la institución", "en": "Declared non-working day"}


@dataclass(frozen=True)
class ElectoralPeriod:
    """An electoral process, inclusive of both dates (local dates of the calendar)."""

    starts_on: date
    ends_on: date
    name: str = ""

    def __post_init__(self) -> None:
        for attr in ("starts_on", "ends_on"):
            value = getattr(self, attr)
            if isinstance(value, datetime) or not isinstance(value, date):
                raise CalendarError(f"electoral period {attr} must be a date, got {value!r}")
        if not isinstance(self.name, str):
            raise CalendarError(f"electoral period name must be a string, got {self.name!r}")
        if self.ends_on < self.starts_on:
            raise CalendarError(
                f"electoral period {self.name or '(unnamed)'!r} ends on {self.ends_on.isoformat()}, "
                f"before it starts on {self.starts_on.isoformat()}"
            )

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.starts_on <= d <= self.ends_on


class DayReason(enum.StrEnum):
    """Why a day is, or is not, a business day. Stable values; callers translate them."""

    ELECTORAL_PERIOD = "electoral_period"
    DECLARED_WORKING = "declared_working"
    DECLARED_NON_WORKING = "declared_non_working"
    STATUTORY_HOLIDAY = "statutory_holiday"
    WEEKLY_REST = "weekly_rest"
    WORKDAY = "workday"


@dataclass(frozen=True)
class DayExplanation:
    """The verdict on one day and the rule that decided it (for "why is this day skipped?" in the UI)."""

    day: date
    is_business: bool
    reason: DayReason
    name: str | None = None  # holiday name or electoral period name, when there is one


def _as_dates(value: Iterable[date], what: str) -> frozenset[date]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise CalendarError(f"{what} must be a collection of dates, got {value!r}")
    days = frozenset(value)
    for d in days:
        if isinstance(d, datetime) or not isinstance(d, date):
            raise CalendarError(f"{what} must contain dates only, got {d!r}")
    return days


@dataclass(frozen=True)
class Calendar:
    """One institution's business calendar. Immutable, hashable and cheap to build; validates on creation.

    ``subdivision`` is always recorded (and part of the fingerprint) but only used for statutory holidays when
    the ``holidays`` package knows subdivisions for the country. It knows none for Mexico or Colombia, so
    Mexican state holidays must be entered as ``non_working_days``.
    """

    country: str
    subdivision: str | None = None
    timezone: str = "America/Mexico_City"
    office_start: time = time(9, 0)
    office_end: time = time(18, 0)
    workweek: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    non_working_days: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()
    electoral_periods: tuple[ElectoralPeriod, ...] = ()
    electoral_all_business: bool = False
    # Derived, not part of equality/hash: the subdivision actually passed to the holidays package.
    _effective_subdivision: str | None = field(default=None, init=False, repr=False, compare=False)

    # ------------------------------------------------------------------ validation

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: normalise in place once

        if not isinstance(self.country, str) or not self.country.strip():
            raise CalendarError(f"country must be an ISO 3166-1 code such as 'MX' or 'CO', got {self.country!r}")
        set_(self, "country", self.country.strip().upper())
        if self.subdivision is not None:
            if not isinstance(self.subdivision, str) or not self.subdivision.strip():
                raise CalendarError(f"subdivision must be a code such as 'BCN' or None, got {self.subdivision!r}")
            set_(self, "subdivision", self.subdivision.strip().upper())
        set_(self, "_effective_subdivision", statutory.resolve_subdivision(self.country, self.subdivision))

        if not isinstance(self.timezone, str) or not self.timezone:
            raise CalendarError(f"timezone must be an IANA time zone name, got {self.timezone!r}")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise CalendarError(
                f"unknown time zone {self.timezone!r}: use an IANA name such as 'America/Mexico_City'"
            ) from None

        for attr in ("office_start", "office_end"):
            value = getattr(self, attr)
            if not isinstance(value, time) or value.tzinfo is not None:
                raise CalendarError(f"{attr} must be a naive local time, got {value!r}")
        if self.office_end <= self.office_start:
            raise CalendarError(
                f"office_end {self.office_end.isoformat()} must be later than "
                f"office_start {self.office_start.isoformat()}"
            )

        workweek = frozenset(self.workweek) if isinstance(self.workweek, Iterable) else None
        if not workweek or any(isinstance(w, bool) or not isinstance(w, int) or not 0 <= w <= 6 for w in workweek):
            raise CalendarError(
                f"workweek must be a non-empty set of weekday numbers 0 (Monday) to 6, got {self.workweek!r}"
            )
        set_(self, "workweek", workweek)

        non_working = _as_dates(self.non_working_days, "non_working_days")
        working = _as_dates(self.working_days, "working_days")
        if both := non_working & working:
            days = ", ".join(d.isoformat() for d in sorted(both))
            raise CalendarError(f"days declared both working and non-working: {days}")
        set_(self, "non_working_days", non_working)
        set_(self, "working_days", working)

        if not isinstance(self.electoral_periods, Iterable):
            raise CalendarError(
                f"electoral_periods must be a sequence of ElectoralPeriod, got {self.electoral_periods!r}"
            )
        periods = tuple(self.electoral_periods)
        for p in periods:
            if not isinstance(p, ElectoralPeriod):
                raise CalendarError(f"electoral_periods must contain ElectoralPeriod objects, got {p!r}")
        periods = tuple(sorted(periods, key=lambda p: (p.starts_on, p.ends_on, p.name)))
        for earlier, later in zip(periods, periods[1:]):
            if later.starts_on <= earlier.ends_on:
                raise CalendarError(
                    f"electoral periods overlap: {earlier.name or '(unnamed)'!r} "
                    f"{earlier.starts_on.isoformat()}..{earlier.ends_on.isoformat()} and "
                    f"{later.name or '(unnamed)'!r} {later.starts_on.isoformat()}..{later.ends_on.isoformat()}"
                )
        set_(self, "electoral_periods", periods)

        if not isinstance(self.electoral_all_business, bool):
            raise CalendarError(f"electoral_all_business must be a bool, got {self.electoral_all_business!r}")

    # ------------------------------------------------------------------ serialisation and fingerprint

    def to_dict(self) -> dict[str, Any]:
        """Every input, in a canonical JSON-ready form. ``Calendar.from_dict(c.to_dict()) == c``."""
        return {
            "country": self.country,
            "subdivision": self.subdivision,
            "timezone": self.timezone,
            "office_start": self.office_start.isoformat(),
            "office_end": self.office_end.isoformat(),
            "workweek": sorted(self.workweek),
            "non_working_days": sorted(d.isoformat() for d in self.non_working_days),
            "working_days": sorted(d.isoformat() for d in self.working_days),
            "electoral_periods": [
                {"starts_on": p.starts_on.isoformat(), "ends_on": p.ends_on.isoformat(), "name": p.name}
                for p in self.electoral_periods
            ],
            "electoral_all_business": self.electoral_all_business,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Calendar:
        """Rebuild a calendar from :meth:`to_dict` output (e.g. the copy stored next to a deadline)."""
        known = {
            "country", "subdivision", "timezone", "office_start", "office_end", "workweek",
            "non_working_days", "working_days", "electoral_periods", "electoral_all_business",
        }  # fmt: skip
        if unknown := set(data) - known:
            raise CalendarError(f"unknown calendar keys: {', '.join(sorted(unknown))}")
        try:
            kwargs: dict[str, Any] = dict(data)
            for key in ("office_start", "office_end"):
                if key in kwargs:
                    kwargs[key] = time.fromisoformat(kwargs[key])
            for key in ("non_working_days", "working_days"):
                if key in kwargs:
                    kwargs[key] = frozenset(date.fromisoformat(d) for d in kwargs[key])
            if "workweek" in kwargs:
                kwargs["workweek"] = frozenset(kwargs["workweek"])
            if "electoral_periods" in kwargs:
                kwargs["electoral_periods"] = tuple(
                    ElectoralPeriod(
                        date.fromisoformat(p["starts_on"]), date.fromisoformat(p["ends_on"]), p.get("name", "")
                    )
                    for p in kwargs["electoral_periods"]
                )
        except (TypeError, ValueError, KeyError) as exc:
            if isinstance(exc, CalendarError):
                raise
            raise CalendarError(f"malformed calendar data: {exc}") from None
        return cls(**kwargs)

    @cached_property
    def fingerprint(self) -> str:
        """Stable 16-hex-digit SHA-256 prefix of every input (see :meth:`to_dict`).

        Equal calendars have equal fingerprints, whatever the order the days or periods were given in. The
        holiday data version is *not* included: store :data:`HOLIDAYS_VERSION` next to it.
        """
        payload = {"format": FINGERPRINT_FORMAT, **self.to_dict()}
        canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    # ------------------------------------------------------------------ days

    @cached_property
    def tz(self) -> ZoneInfo:
        """The calendar's time zone."""
        return ZoneInfo(self.timezone)

    def localize(self, instant: datetime) -> datetime:
        """``instant`` converted to the calendar's zone. Naive datetimes are refused."""
        if not isinstance(instant, datetime):
            raise CalendarError(f"expected a timezone-aware datetime, got {instant!r}")
        if instant.tzinfo is None or instant.utcoffset() is None:
            raise CalendarError(
                f"naive datetime {instant.isoformat()} given: pass a timezone-aware datetime "
                f"(the calendar works in {self.timezone})"
            )
        try:
            return instant.astimezone(self.tz)
        except OverflowError:
            raise CalendarError(f"datetime {instant.isoformat()} is out of the supported range") from None

    def _as_day(self, d: date) -> date:
        if isinstance(d, datetime):
            return self.localize(d).date()
        if not isinstance(d, date):
            raise CalendarError(f"expected a date, got {d!r}")
        return d

    def electoral_period_on(self, d: date) -> ElectoralPeriod | None:
        """The electoral period containing local date ``d``, if any (whatever ``electoral_all_business`` says)."""
        d = self._as_day(d)
        for p in self.electoral_periods:
            if p.starts_on <= d <= p.ends_on:
                return p
            if p.starts_on > d:
                break
        return None

    def _statutory_name(self, d: date, language: str | None = None) -> str | None:
        if language is None:
            return self._holidays_in(d.year).get(d)
        return statutory.holidays_for(self.country, self._effective_subdivision, d.year, language).get(d)

    def explain(self, d: date) -> DayExplanation:
        """Whether local date ``d`` is a business day and which rule decided it (see the module docstring)."""
        d = self._as_day(d)
        if self.electoral_all_business and (period := self.electoral_period_on(d)) is not None:
            return DayExplanation(d, True, DayReason.ELECTORAL_PERIOD, period.name or None)
        if d in self.working_days:
            return DayExplanation(d, True, DayReason.DECLARED_WORKING)
        if d in self.non_working_days:
            return DayExplanation(d, False, DayReason.DECLARED_NON_WORKING)
        if (name := self._statutory_name(d)) is not None:
            return DayExplanation(d, False, DayReason.STATUTORY_HOLIDAY, name)
        if d.weekday() not in self.workweek:
            return DayExplanation(d, False, DayReason.WEEKLY_REST)
        return DayExplanation(d, True, DayReason.WORKDAY)

    def is_business_day(self, d: date) -> bool:
        """True if local date ``d`` is a business day. An aware datetime is taken as its local date."""
        return self._is_business(self._as_day(d))

    @cached_property
    def _holiday_years(self) -> dict[int, Mapping[date, str]]:
        return {}  # per-instance memo in front of the process-wide cache: the hot path is one dict lookup

    def _holidays_in(self, year: int) -> Mapping[date, str]:
        found = self._holiday_years.get(year)
        if found is None:
            found = self._holiday_years[year] = statutory.holidays_for(self.country, self._effective_subdivision, year)
        return found

    def _in_electoral_period(self, d: date) -> bool:
        return any(p.starts_on <= d <= p.ends_on for p in self.electoral_periods)

    def _is_business(self, d: date) -> bool:
        """:meth:`is_business_day` without argument checks (``d`` is a date)."""
        if self.electoral_all_business and self._in_electoral_period(d):
            return True
        if d in self.working_days:
            return True
        if d in self.non_working_days or d.weekday() not in self.workweek:
            return False
        return d not in self._holidays_in(d.year)

    def holiday_name(self, d: date, language: str | None = None) -> str | None:
        """Name of the statutory holiday or declared non-working day on ``d``, else ``None``.

        The name is returned even when an override (declared working day, electoral period) makes the day a
        business day; use :meth:`explain` for the verdict. ``language`` is a ``holidays`` language code
        ("es", "en_US"); by default the country's own language (Spanish for MX and CO).
        """
        d = self._as_day(d)
        if (name := self._statutory_name(d, language)) is not None:
            return name
        if d in self.non_working_days:
            lang = (language or statutory.default_language(self.country) or "en")[:2]
            return DECLARED_NON_WORKING_NAMES.get(lang, DECLARED_NON_WORKING_NAMES["en"])
        return None

    def next_business_day(self, d: date) -> date:
        """The first business day strictly after local date ``d``."""
        d = self._as_day(d)
        for _ in range(MAX_CLOSED_RUN_DAYS):
            try:
                d += ONE_DAY
            except OverflowError:
                raise CalendarError("no business day before the end of the supported date range") from None
            if self._is_business(d):
                return d
        raise CalendarError(f"no business day in the {MAX_CLOSED_RUN_DAYS} days after {d.isoformat()}")

    def end_of_day(self, d: date) -> datetime:
        """The last representable instant of local date ``d`` (23:59:59.999999 local)."""
        return datetime.combine(self._as_day(d), time.max, tzinfo=self.tz)

    # ------------------------------------------------------------------ business days arithmetic

    def add_business_days(self, start: datetime, n: int) -> datetime:
        """Deadline of a term of ``n`` business days started by an act at ``start``.

        Administrative practice in Mexico and Colombia: the term starts running on the business day *following*
        the local date of ``start``, whatever the hour, and expires at the *end* of the n-th business day. The
        result is 23:59:59.999999 local of that day.

        ``n`` is an int from 0 to :data:`MAX_BUSINESS_DAYS`. ``n == 0`` returns the end of ``start``'s day if it is
        a business day, else the end of the next one
        (so it equals ``add_business_days(start, 1)`` on a non-business day).

        For ``n >= 1``: ``business_days_between(start, result) == n``, the result is monotonic in ``n`` and
        ``add_business_days(add_business_days(t, a), b) == add_business_days(t, a + b)``.
        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise CalendarError(f"n must be an integer number of business days, got {n!r}")
        if n < 0:
            raise CalendarError(f"n must be >= 0 business days, got {n}")
        if n > MAX_BUSINESS_DAYS:
            raise CalendarError(f"n must be <= {MAX_BUSINESS_DAYS} business days, got {n}")
        d = self.localize(start).date()
        if n == 0:
            return self.end_of_day(d if self._is_business(d) else self.next_business_day(d))
        for _ in range(n):
            d = self.next_business_day(d)
        return self.end_of_day(d)

    def business_days_between(self, a: datetime, b: datetime) -> int:
        """Number of business days in the local-date interval ``(date(a), date(b)]``.

        This counts the days of a term started at ``a`` that have begun by ``b``: 0 on the day of the act,
        ``n`` on the day ``add_business_days(a, n)`` falls on. Antisymmetric: negative when ``b`` is before ``a``.
        """
        da = self.localize(a).date()
        db = self.localize(b).date()
        if db < da:
            return -self.business_days_between(b, a)
        count = 0
        d = da
        while d < db:
            d += ONE_DAY
            if self._is_business(d):
                count += 1
        return count

    # ------------------------------------------------------------------ business hours arithmetic

    def _window(self, d: date) -> tuple[datetime, datetime] | None:
        """Business time of local date ``d`` as a UTC ``[start, end)`` pair, or ``None``."""
        tz = self.tz
        if self.electoral_all_business and self._in_electoral_period(d):
            start = datetime.combine(d, time.min, tzinfo=tz)
            end = datetime.combine(d + ONE_DAY, time.min, tzinfo=tz)
        elif self._is_business(d):
            start = datetime.combine(d, self.office_start, tzinfo=tz)
            end = datetime.combine(d, self.office_end, tzinfo=tz)
        else:
            return None
        # Convert to UTC: subtracting aware datetimes that share a tzinfo would ignore DST changes.
        return start.astimezone(UTC), end.astimezone(UTC)

    def is_business_time(self, instant: datetime) -> bool:
        """True if ``instant`` falls in business time (office hours of a business day, or any electoral hour)."""
        local = self.localize(instant)
        window = self._window(local.date())
        return window is not None and window[0] <= local.astimezone(UTC) < window[1]

    @staticmethod
    def _as_duration(hours: int | float | timedelta) -> timedelta:
        if isinstance(hours, timedelta):
            duration = hours
        elif isinstance(hours, (int, float)) and not isinstance(hours, bool):
            if not math.isfinite(hours):
                raise CalendarError(f"hours must be a finite number, got {hours!r}")
            try:
                duration = timedelta(hours=hours)
            except OverflowError:
                raise CalendarError(f"hours {hours!r} is out of range") from None
        else:
            raise CalendarError(f"hours must be a number of hours or a timedelta, got {hours!r}")
        if duration < timedelta(0):
            raise CalendarError(f"hours must be >= 0, got {hours!r}")
        if duration > MAX_BUSINESS_HOURS:
            raise CalendarError(f"hours must be at most {MAX_BUSINESS_HOURS.total_seconds() / 3600:.0f}, got {hours!r}")
        return duration

    def add_business_hours(self, start: datetime, hours: int | float | timedelta) -> datetime:
        """The earliest instant by which ``hours`` of business time have elapsed since ``start``.

        Only office hours of business days count; during an electoral period of a calendar with
        ``electoral_all_business`` every hour counts, weekends and nights included. If ``start`` is outside
        business time, counting starts at the next opening. A term that is exhausted exactly at closing time
        ends at closing time (not at the next opening). Zero hours returns ``start`` itself.

        ``hours`` is a number of hours (int or float) or a timedelta, from 0 to :data:`MAX_BUSINESS_HOURS`.
        Exact inverse of :meth:`business_time_between`: ``business_time_between(t, add_business_hours(t, h))
        == h`` (to the microsecond, as ``timedelta(hours=h)`` rounds).
        """
        remaining = self._as_duration(hours)
        local = self.localize(start)
        if not remaining:
            return local
        now = local.astimezone(UTC)
        d = local.date()
        closed_run = 0
        try:
            while True:
                window = self._window(d)
                if window is not None and window[1] > now:
                    closed_run = 0
                    begin = max(window[0], now)
                    available = window[1] - begin
                    if remaining <= available:
                        return (begin + remaining).astimezone(self.tz)
                    remaining -= available
                else:
                    closed_run += 1
                    if closed_run > MAX_CLOSED_RUN_DAYS:
                        raise CalendarError(
                            f"no business time in the {MAX_CLOSED_RUN_DAYS} days before {d.isoformat()}"
                        )
                d += ONE_DAY
        except OverflowError:
            raise CalendarError("the result is beyond the supported date range") from None

    def business_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Business time in ``[a, b)``: "business hours left" until a deadline, or elapsed since an act.

        Antisymmetric: negative when ``b`` is before ``a`` (an overdue deadline shows negative time left).
        """
        la = self.localize(a)
        lb = self.localize(b)
        ua, ub = la.astimezone(UTC), lb.astimezone(UTC)
        if ub < ua:
            return -self.business_time_between(b, a)
        total = timedelta(0)
        d, last = la.date(), lb.date()
        while d <= last:
            window = self._window(d)
            if window is not None:
                begin, end = max(window[0], ua), min(window[1], ub)
                if end > begin:
                    total += end - begin
            d += ONE_DAY
        return total
