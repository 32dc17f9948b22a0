"""Mexico's statutory rest days 2026–2027, written from the law, not from the package's output.

Ley Federal del Trabajo, art. 74 (as amended 2006, "lunes" reform):
  I   1 January;           II  first Monday of February (5 Feb, Constitution);
  III third Monday of March (21 Mar, Benito Juárez); IV 1 May;  V 16 September;
  VI  third Monday of November (20 Nov, Revolution);
  VII 1 October every six years (transfer of the Federal Executive: 2024, 2030 — none in 2026–2027);
  VIII 25 December;   IX  federal/local ordinary election days (2027-06-06 is a Sunday, first Sunday of June).

Derivation: 2026-02-01 is a Sunday -> first Monday 02-02. 2026-03-02 is a Monday -> Mondays 2, 9, 16 -> 03-16.
2026-11-02 is a Monday -> 2, 9, 16 -> 11-16. 2027-02-01 is a Monday -> 02-01. 2027-03-01 Monday -> 1, 8, 15 ->
03-15. 2027-11-01 Monday -> 1, 8, 15 -> 11-15.

Not statutory (only if an institution declares them): Holy Thursday/Friday, 2 November, 12 December.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pregon.workdays import Calendar, DayReason
from pregon.workdays.statutory import holidays_for

MX_2026 = {
    date(2026, 1, 1): "Thu",
    date(2026, 2, 2): "Mon",
    date(2026, 3, 16): "Mon",
    date(2026, 5, 1): "Fri",
    date(2026, 9, 16): "Wed",
    date(2026, 11, 16): "Mon",
    date(2026, 12, 25): "Fri",
}
MX_2027 = {
    date(2027, 1, 1): "Fri",
    date(2027, 2, 1): "Mon",
    date(2027, 3, 15): "Mon",
    date(2027, 5, 1): "Sat",
    date(2027, 9, 16): "Thu",
    date(2027, 11, 15): "Mon",
    date(2027, 12, 25): "Sat",
}


@pytest.fixture(scope="module")
def mx() -> Calendar:
    return Calendar("MX")


@pytest.mark.parametrize("table,year", [(MX_2026, 2026), (MX_2027, 2027)])
def test_statutory_set_matches_the_law(table: dict[date, str], year: int) -> None:
    # Both directions: nothing missing, nothing extra.
    assert set(holidays_for("MX", None, year)) == set(table)


@pytest.mark.parametrize("day,weekday", sorted({**MX_2026, **MX_2027}.items()))
def test_each_statutory_day_is_not_business(mx: Calendar, day: date, weekday: str) -> None:
    assert day.strftime("%a") == weekday  # guards the table itself
    assert not mx.is_business_day(day)
    assert mx.holiday_name(day)
    assert mx.explain(day).reason is DayReason.STATUTORY_HOLIDAY


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 2, 5),  # historical date of Constitution Day, now moved to Monday: a Thursday business day
        date(2026, 3, 20),  # Friday before Benito Juárez's date (Sat 21): no bridge, holiday is Monday 16
        date(2026, 4, 2),  # Holy Thursday: not statutory
        date(2026, 4, 3),  # Good Friday: not statutory
        date(2026, 11, 2),  # Day of the Dead: not statutory
        date(2026, 11, 20),  # Revolution's date; moved to Monday 16
        date(2026, 12, 11),  # Friday before 12 December
        date(2027, 10, 1),  # Friday; 1 October is a holiday only in transfer years (2024, 2030)
    ],
)
def test_non_statutory_weekdays_are_business(mx: Calendar, day: date) -> None:
    assert mx.is_business_day(day)
    assert mx.holiday_name(day) is None


def test_names_default_to_spanish_and_can_be_english(mx: Calendar) -> None:
    assert mx.holiday_name(date(2026, 2, 2)) == "Día de la Constitución"
    assert mx.holiday_name(date(2026, 2, 2), language="en_US") == "Constitution Day"


def test_subdivision_is_recorded_but_not_used_for_mexico() -> None:
    bcn = Calendar("MX", subdivision="bcn", timezone="America/Tijuana")
    assert bcn.subdivision == "BCN"
    assert bcn.fingerprint != Calendar("MX", timezone="America/Tijuana").fingerprint
    national = Calendar("MX", timezone="America/Tijuana")
    for offset in range(365):
        d = date(2026, 1, 1) + timedelta(days=offset)
        assert bcn.is_business_day(d) == national.is_business_day(d)
