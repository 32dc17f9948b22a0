"""A deadline only touches the holiday years it needs (speed itself is measured in bench/)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
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


def test_a_long_term_reads_each_holiday_year_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Speed is measured in bench/; here: a four-year term walks year tables, not days one by one per lookup.
    calls: list[int] = []
    real = statutory.holidays_for

    def spy(country: str, subdivision: str | None, year: int, language: str | None = None) -> Mapping[date, str]:
        calls.append(year)
        return real(country, subdivision, year, language)

    monkeypatch.setattr(statutory, "holidays_for", spy)
    cal = Calendar("CO", timezone="America/Bogota")
    due = cal.add_business_days(START, 1000)  # about four years of business days
    assert cal.business_days_between(START, due) == 1000
    assert set(calls) == set(range(2026, due.year + 1))
