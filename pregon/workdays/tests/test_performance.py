"""A deadline is computed in microseconds and only touches the holiday years it needs."""

from __future__ import annotations

import time as clock
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pregon.workdays import Calendar, statutory

TIJUANA = ZoneInfo("America/Tijuana")
START = datetime(2026, 12, 28, 10, tzinfo=TIJUANA)


def test_ten_business_days_touch_only_the_years_involved(monkeypatch: pytest.MonkeyPatch) -> None:
    years: set[int] = set()
    real = statutory.holidays_for

    def spy(country: str, subdivision: str | None, year: int, language: str | None = None) -> Mapping[date, str]:
        years.add(year)
        return real(country, subdivision, year, language)

    monkeypatch.setattr(statutory, "holidays_for", spy)
    cal = Calendar("MX", timezone="America/Tijuana")
    assert cal.add_business_days(START, 10).date() == date(2027, 1, 12)  # 1 Jan skipped
    # 8 h on Mon 28 Dec, 9 h a day on 29-31 Dec and 4-11 Jan (1 Jan is a holiday) = 89 h, then 1 h on the 12th.
    assert cal.add_business_hours(START, 90) == datetime(2027, 1, 12, 10, tzinfo=TIJUANA)
    assert years == {2026, 2027}


def test_holiday_years_are_cached() -> None:
    first = statutory.holidays_for("CO", None, 2031)
    assert statutory.holidays_for("CO", None, 2031, "es") is first  # default language resolved before caching
    assert statutory.holidays_for("CO", None, 2031, "en_US") is not first


def test_deadline_computation_is_fast() -> None:
    cal = Calendar("MX", timezone="America/Tijuana", non_working_days=frozenset({date(2027, 1, 4)}))
    cal.add_business_days(START, 10)  # warm the holiday cache
    runs = 500
    began = clock.perf_counter()
    for _ in range(runs):
        cal.add_business_days(START, 10)
        cal.add_business_hours(START, 40)
        cal.business_time_between(START, START + timedelta(days=30))
    per_run = (clock.perf_counter() - began) / runs
    # ~0.3 ms on a laptop; a generous bound so a loaded CI machine does not flake.
    assert per_run < 0.01, f"{per_run * 1e3:.2f} ms per deadline computation"


def test_a_long_term_does_not_crawl() -> None:
    cal = Calendar("CO", timezone="America/Bogota")
    began = clock.perf_counter()
    due = cal.add_business_days(START, 1000)  # about four years of business days
    assert clock.perf_counter() - began < 0.5
    assert cal.business_days_between(START, due) == 1000
