"""Every bad input raises CalendarError with a message that names the problem."""

from __future__ import annotations

import ast
import doctest
import pathlib
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest

import pregon.workdays
from pregon.workdays import Calendar, CalendarError, ElectoralPeriod

AWARE = datetime(2026, 10, 9, 12, tzinfo=timezone.utc)
NAIVE = datetime(2026, 10, 9, 12)


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"country": "XX"}, "unknown country code 'XX'"),
        ({"country": ""}, "country must be"),
        ({"country": None}, "country must be"),
        ({"country": "US", "subdivision": "ZZ"}, "unknown subdivision 'ZZ' for country 'US'"),
        ({"country": "MX", "subdivision": ""}, "subdivision must be"),
        ({"country": "MX", "timezone": "America/Mexico_Cty"}, "unknown time zone 'America/Mexico_Cty'"),
        ({"country": "MX", "timezone": "../../etc/passwd"}, "unknown time zone"),
        ({"country": "MX", "timezone": ""}, "timezone must be"),
        ({"country": "MX", "office_start": time(18), "office_end": time(9)}, "office_end 09:00:00 must be later"),
        ({"country": "MX", "office_start": time(9), "office_end": time(9)}, "must be later than"),
        ({"country": "MX", "office_start": time(9, tzinfo=timezone.utc)}, "office_start must be a naive local time"),
        ({"country": "MX", "office_end": "18:00"}, "office_end must be a naive local time"),
        ({"country": "MX", "workweek": frozenset()}, "workweek must be a non-empty set"),
        ({"country": "MX", "workweek": frozenset({0, 7})}, "workweek must be"),
        ({"country": "MX", "workweek": frozenset({-1})}, "workweek must be"),
        ({"country": "MX", "workweek": frozenset({True})}, "workweek must be"),
        ({"country": "MX", "non_working_days": frozenset({AWARE})}, "non_working_days must contain dates only"),
        ({"country": "MX", "non_working_days": "2026-12-12"}, "non_working_days must be a collection of dates"),
        ({"country": "MX", "working_days": frozenset({"2026-12-12"})}, "working_days must contain dates only"),
        (
            {
                "country": "MX",
                "working_days": frozenset({date(2026, 12, 12)}),
                "non_working_days": frozenset({date(2026, 12, 12)}),
            },
            "both working and non-working: 2026-12-12",
        ),
        (
            {
                "country": "MX",
                "electoral_periods": (
                    ElectoralPeriod(date(2026, 9, 1), date(2027, 8, 31), "federal"),
                    ElectoralPeriod(date(2027, 1, 1), date(2027, 6, 30), "local"),
                ),
            },
            "electoral periods overlap",
        ),
        (
            {"country": "MX", "electoral_periods": (ElectoralPeriod(date(2026, 9, 1), date(2026, 9, 30)),) * 2},
            "electoral periods overlap",
        ),
        ({"country": "MX", "electoral_periods": ((date(2026, 9, 1), date(2026, 9, 30)),)}, "ElectoralPeriod objects"),
        ({"country": "MX", "electoral_all_business": 1}, "electoral_all_business must be a bool"),
    ],
)
def test_bad_calendar(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(CalendarError, match=message.replace("(", r"\(").replace(".", r"\.")):
        Calendar(**kwargs)


def test_calendar_error_is_a_value_error() -> None:
    assert issubclass(CalendarError, ValueError)


@pytest.mark.parametrize(
    "args,message",
    [
        ((date(2026, 9, 30), date(2026, 9, 1), "PEF"), "'PEF' ends on 2026-09-01, before it starts on 2026-09-30"),
        ((AWARE, date(2026, 9, 1)), "starts_on must be a date"),
        ((date(2026, 9, 1), "2026-10-01"), "ends_on must be a date"),
        ((date(2026, 9, 1), date(2026, 10, 1), None), "name must be a string"),
    ],
)
def test_bad_electoral_period(args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        ElectoralPeriod(*args)


def test_adjacent_electoral_periods_are_fine() -> None:
    cal = Calendar(
        "MX",
        electoral_periods=(
            ElectoralPeriod(date(2027, 1, 1), date(2027, 6, 30), "b"),
            ElectoralPeriod(date(2026, 9, 1), date(2026, 12, 31), "a"),
        ),
    )
    assert [p.name for p in cal.electoral_periods] == ["a", "b"]  # normalised to date order


CAL = Calendar("MX")


@pytest.mark.parametrize(
    "call",
    [
        lambda: CAL.add_business_days(NAIVE, 1),
        lambda: CAL.add_business_hours(NAIVE, 1),
        lambda: CAL.business_days_between(NAIVE, AWARE),
        lambda: CAL.business_days_between(AWARE, NAIVE),
        lambda: CAL.business_time_between(NAIVE, AWARE),
        lambda: CAL.business_time_between(AWARE, NAIVE),
        lambda: CAL.is_business_time(NAIVE),
        lambda: CAL.is_business_day(NAIVE),
    ],
)
def test_naive_datetimes_are_refused(call: Any) -> None:
    with pytest.raises(CalendarError, match="naive datetime 2026-10-09T12:00:00"):
        call()


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: CAL.add_business_days(date(2026, 10, 9), 1), "expected a timezone-aware datetime"),
        (lambda: CAL.add_business_days("2026-10-09T12:00Z", 1), "expected a timezone-aware datetime"),
        (lambda: CAL.add_business_days(AWARE, -1), "n must be >= 0 business days, got -1"),
        (lambda: CAL.add_business_days(AWARE, 1.5), "n must be an integer"),
        (lambda: CAL.add_business_days(AWARE, True), "n must be an integer"),
        (lambda: CAL.add_business_hours(AWARE, -1), "hours must be >= 0"),
        (lambda: CAL.add_business_hours(AWARE, timedelta(minutes=-1)), "hours must be >= 0"),
        (lambda: CAL.add_business_hours(AWARE, float("nan")), "finite"),
        (lambda: CAL.add_business_hours(AWARE, float("inf")), "finite"),
        (lambda: CAL.add_business_hours(AWARE, "3"), "hours must be a number of hours or a timedelta"),
        (lambda: CAL.add_business_hours(AWARE, 1e300), "out of range"),
        (lambda: CAL.add_business_hours(AWARE, timedelta(days=999_999_999)), "hours must be at most 100000"),
        (lambda: CAL.add_business_hours(AWARE, 100_001), "hours must be at most 100000"),
        (lambda: CAL.add_business_days(AWARE, 10_001), "n must be <= 10000"),
        (lambda: CAL.add_business_days(datetime(9999, 12, 30, tzinfo=timezone.utc), 5), "supported date range"),
        (lambda: CAL.add_business_hours(datetime(9999, 12, 30, tzinfo=timezone.utc), 50), "supported date range"),
        (lambda: CAL.is_business_day("2026-10-09"), "expected a date"),
    ],
)
def test_bad_arguments(call: Any, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        call()


@pytest.mark.parametrize(
    "data,message",
    [
        ({"country": "MX", "colour": "red"}, "unknown calendar keys: colour"),
        ({"country": "MX", "office_start": "nine"}, "malformed calendar data"),
        ({"country": "MX", "non_working_days": ["2026-13-01"]}, "malformed calendar data"),
        ({"country": "MX", "electoral_periods": [{"starts_on": "2026-09-01"}]}, "malformed calendar data"),
        ({"country": "MX", "electoral_periods": [{"starts_on": "2026-09-02", "ends_on": "2026-09-01"}]}, "before"),
    ],
)
def test_bad_stored_calendar(data: dict[str, Any], message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        Calendar.from_dict(data)


# --------------------------------------------------------------------------- purity and docs

PACKAGE_DIR = pathlib.Path(pregon.workdays.__file__).parent


def test_no_django_import_in_the_package() -> None:
    for path in PACKAGE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n == "django" or n.startswith("django.") for n in names), f"{path}: imports {names}"


def test_importing_the_package_loads_no_django() -> None:
    code = "import sys, pregon.workdays; sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_docstring_examples() -> None:
    failures, _ = doctest.testmod(pregon.workdays)
    assert failures == 0
