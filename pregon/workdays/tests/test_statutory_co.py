"""Colombia's holidays 2026–2027, written from the law, not from the package's output.

Fixed: 1 Jan, 1 May, 20 Jul, 7 Aug, 8 Dec, 25 Dec; Holy Thursday and Good Friday (Easter − 3, − 2).
Ley 51 de 1983 ("Ley Emiliani"): these move to the following Monday when they do not fall on a Monday:
6 Jan (Epiphany), 19 Mar (St Joseph), 29 Jun (Sts Peter and Paul), 15 Aug (Assumption), 12 Oct (Race Day),
1 Nov (All Saints), 11 Nov (Independence of Cartagena); and the movable feasts are celebrated on Monday:
Ascension (Easter + 43), Corpus Christi (Easter + 64), Sacred Heart (Easter + 71).
Ley 2578 de 2026 adds 9 Jul (Our Lady of the Rosary of Chiquinquirá) from 2026, also moved to Monday.

Easter: 2026-04-05, 2027-03-28 (Gregorian computus).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pregon.workdays import Calendar
from pregon.workdays.statutory import holidays_for

EASTER = {2026: date(2026, 4, 5), 2027: date(2027, 3, 28)}
EMILIANI_FIXED = [(1, 6), (3, 19), (6, 29), (7, 9), (8, 15), (10, 12), (11, 1), (11, 11)]
FIXED = [(1, 1), (5, 1), (7, 20), (8, 7), (12, 8), (12, 25)]


def next_monday(d: date) -> date:
    """Ley 51 de 1983: a holiday not on a Monday moves to the following Monday."""
    return d + timedelta(days=(7 - d.weekday()) % 7)


def co_holidays_from_the_law(year: int) -> set[date]:
    easter = EASTER[year]
    days = {date(year, m, d) for m, d in FIXED}
    days |= {easter - timedelta(days=3), easter - timedelta(days=2)}
    days |= {next_monday(date(year, m, d)) for m, d in EMILIANI_FIXED}
    days |= {easter + timedelta(days=k) for k in (43, 64, 71)}
    return days


# The same, spelt out by hand for review (weekday of the original date -> Monday it moves to).
CO_2026 = [
    date(2026, 1, 1),  # Thu, New Year
    date(2026, 1, 12),  # Epiphany: Tue 6 Jan -> Mon 12
    date(2026, 3, 23),  # St Joseph: Thu 19 Mar -> Mon 23
    date(2026, 4, 2),  # Holy Thursday
    date(2026, 4, 3),  # Good Friday
    date(2026, 5, 1),  # Fri, Labour Day
    date(2026, 5, 18),  # Ascension: Easter + 43
    date(2026, 6, 8),  # Corpus Christi: Easter + 64
    date(2026, 6, 15),  # Sacred Heart: Easter + 71
    date(2026, 6, 29),  # Sts Peter and Paul: already a Monday
    date(2026, 7, 13),  # Chiquinquirá (Ley 2578/2026): Thu 9 Jul -> Mon 13
    date(2026, 7, 20),  # Mon, Independence
    date(2026, 8, 7),  # Fri, Battle of Boyacá
    date(2026, 8, 17),  # Assumption: Sat 15 Aug -> Mon 17
    date(2026, 10, 12),  # Race Day: already a Monday
    date(2026, 11, 2),  # All Saints: Sun 1 Nov -> Mon 2
    date(2026, 11, 16),  # Cartagena: Wed 11 Nov -> Mon 16
    date(2026, 12, 8),  # Tue, Immaculate Conception
    date(2026, 12, 25),  # Fri, Christmas
]
CO_2027 = [
    date(2027, 1, 1),  # Fri
    date(2027, 1, 11),  # Epiphany: Wed 6 Jan -> Mon 11
    date(2027, 3, 22),  # St Joseph: Fri 19 Mar -> Mon 22
    date(2027, 3, 25),  # Holy Thursday
    date(2027, 3, 26),  # Good Friday
    date(2027, 5, 1),  # Sat (not moved: fixed holiday)
    date(2027, 5, 10),  # Ascension: Easter + 43
    date(2027, 5, 31),  # Corpus Christi: Easter + 64
    date(2027, 6, 7),  # Sacred Heart: Easter + 71
    date(2027, 7, 5),  # Sts Peter and Paul: Tue 29 Jun -> Mon 5 Jul
    date(2027, 7, 12),  # Chiquinquirá: Fri 9 Jul -> Mon 12
    date(2027, 7, 20),  # Tue, Independence (fixed)
    date(2027, 8, 7),  # Sat, Boyacá (fixed)
    date(2027, 8, 16),  # Assumption: Sun 15 Aug -> Mon 16
    date(2027, 10, 18),  # Race Day: Tue 12 Oct -> Mon 18
    date(2027, 11, 1),  # All Saints: already a Monday
    date(2027, 11, 15),  # Cartagena: Thu 11 Nov -> Mon 15
    date(2027, 12, 8),  # Wed
    date(2027, 12, 25),  # Sat
]


@pytest.fixture(scope="module")
def co() -> Calendar:
    return Calendar("CO", timezone="America/Bogota")


@pytest.mark.parametrize("year,table", [(2026, CO_2026), (2027, CO_2027)])
def test_hand_table_agrees_with_the_rule(year: int, table: list[date]) -> None:
    assert set(table) == co_holidays_from_the_law(year)


@pytest.mark.parametrize("year,table", [(2026, CO_2026), (2027, CO_2027)])
def test_package_agrees_with_the_law(year: int, table: list[date]) -> None:
    assert set(holidays_for("CO", None, year)) == set(table)


@pytest.mark.parametrize("day", CO_2026 + CO_2027)
def test_holidays_are_not_business_days(co: Calendar, day: date) -> None:
    assert not co.is_business_day(day)
    assert co.holiday_name(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 6),  # Epiphany's date, a Tuesday: business (moved to the 12th)
        date(2026, 3, 19),  # St Joseph's date, Thursday: business
        date(2026, 5, 14),  # Ascension Thursday itself: business (moved to Monday)
        date(2026, 7, 9),  # Chiquinquirá's date, Thursday: business
        date(2027, 6, 29),  # Sts Peter and Paul's date, Tuesday: business
        date(2027, 10, 12),  # Race Day's date, Tuesday: business
        date(2027, 11, 11),  # Cartagena's date, Thursday: business
    ],
)
def test_original_dates_of_moved_holidays_are_business(co: Calendar, day: date) -> None:
    assert day.weekday() < 5
    assert co.is_business_day(day)


def test_moved_holiday_is_named_as_observed(co: Calendar) -> None:
    assert co.holiday_name(date(2026, 1, 12)) == "Día de los Reyes Magos (observado)"
