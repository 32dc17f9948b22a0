"""Deadline arithmetic on real dates and the seed norms' terms."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from pregon.workdays import Calendar, DayReason, ElectoralPeriod

TIJUANA = ZoneInfo("America/Tijuana")
CDMX = ZoneInfo("America/Mexico_City")
BOGOTA = ZoneInfo("America/Bogota")
UTC = ZoneInfo("UTC")
END = time(23, 59, 59, 999999)


def end_of(d: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(d, END, tzinfo=tz)


# --------------------------------------------------------------------------- rosarito:9.7 (3 business days)

# Playas de Rosarito, B.C.: Pacific time with US-style DST (second Sunday of March .. first Sunday of November).
# Its annual agreement (illustrative) declares 12 December and Holy Week 2027 (Mon 22 – Fri 26 March) non-working.
ROSARITO = Calendar(
    "MX",
    subdivision="BCN",
    timezone="America/Tijuana",
    non_working_days=frozenset(
        {date(2026, 12, 12)} | {date(2027, 3, 22) + timedelta(days=k) for k in range(5)}
    ),
)


@pytest.mark.parametrize(
    "submitted,expected,why",
    [
        (
            datetime(2026, 12, 10, 10, 0, tzinfo=TIJUANA),  # Thursday
            end_of(date(2026, 12, 15), TIJUANA),
            "Fri 11 (1), [Sat 12 declared, but a Saturday anyway], Mon 14 (2), Tue 15 (3)",
        ),
        (
            datetime(2026, 12, 10, 23, 30, tzinfo=TIJUANA),  # late at night: still Thursday locally
            end_of(date(2026, 12, 15), TIJUANA),
            "the hour of submission does not matter, only its local date",
        ),
        (
            datetime(2026, 12, 11, 7, 30, tzinfo=UTC),  # = Thu 10 Dec 23:30 in Tijuana
            end_of(date(2026, 12, 15), TIJUANA),
            "an instant given in UTC is read on Tijuana's calendar",
        ),
        (
            datetime(2027, 3, 11, 10, 0, tzinfo=TIJUANA),  # Thursday, PST (-08:00)
            end_of(date(2027, 3, 17), TIJUANA),
            "Fri 12 (1), Mon 15 Benito Juárez (3rd Monday), Tue 16 (2), Wed 17 (3); DST began Sun 14",
        ),
        (
            datetime(2027, 3, 19, 16, 30, tzinfo=TIJUANA),  # Friday before Holy Week
            end_of(date(2027, 3, 31), TIJUANA),
            "Mon 22 – Fri 26 declared, weekend, Mon 29 (1), Tue 30 (2), Wed 31 (3)",
        ),
        (
            datetime(2027, 3, 24, 12, 0, tzinfo=TIJUANA),  # submitted on a declared non-working Wednesday
            end_of(date(2027, 3, 31), TIJUANA),
            "a filing on a non-working day still starts the term the next business day",
        ),
    ],
)
def test_rosarito_consultation_answer_due(submitted: datetime, expected: datetime, why: str) -> None:
    due = ROSARITO.add_business_days(submitted, 3)
    assert due == expected, why
    assert due.tzinfo == TIJUANA
    assert due.utcoffset() == expected.utcoffset()
    assert ROSARITO.business_days_between(submitted, due) == 3


def test_rosarito_due_offsets_follow_dst() -> None:
    assert ROSARITO.add_business_days(datetime(2027, 3, 11, 10, tzinfo=TIJUANA), 3).isoformat() == (
        "2027-03-17T23:59:59.999999-07:00"
    )
    assert ROSARITO.add_business_days(datetime(2026, 12, 10, 10, tzinfo=TIJUANA), 3).isoformat() == (
        "2026-12-15T23:59:59.999999-08:00"
    )


def test_rosarito_without_the_agreement_holy_week_counts() -> None:
    plain = Calendar("MX", subdivision="BCN", timezone="America/Tijuana")
    assert plain.add_business_days(datetime(2027, 3, 19, 16, 30, tzinfo=TIJUANA), 3) == end_of(
        date(2027, 3, 24), TIJUANA
    )


def test_rosarito_explains_skipped_days() -> None:
    assert ROSARITO.explain(date(2027, 3, 25)).reason is DayReason.DECLARED_NON_WORKING
    assert ROSARITO.holiday_name(date(2027, 3, 25)) == "Día inhábil declarado por la institución"
    assert ROSARITO.holiday_name(date(2027, 3, 25), language="en_US") == "Declared non-working day"
    assert ROSARITO.explain(date(2027, 3, 15)).name == "Natalicio de Benito Juárez"
    assert ROSARITO.explain(date(2027, 3, 27)).reason is DayReason.WEEKLY_REST
    assert ROSARITO.explain(date(2027, 3, 29)).reason is DayReason.WORKDAY


def test_winter_vacation_term() -> None:
    # Vacation 21 Dec 2026 – 1 Jan 2027 declared; 25 Dec and 1 Jan are also statutory.
    vacation = frozenset(date(2026, 12, 21) + timedelta(days=k) for k in range(12))
    cal = Calendar("MX", timezone="America/Tijuana", non_working_days=vacation)
    # Thu 17 Dec: Fri 18 (1), vacation, Mon 4 Jan (2), Tue 5 Jan (3).
    assert cal.add_business_days(datetime(2026, 12, 17, 9, tzinfo=TIJUANA), 3) == end_of(date(2027, 1, 5), TIJUANA)


def test_declared_working_day_overrides_weekend_and_holiday() -> None:
    # An institution declares Saturday 12 Dec 2026 and Friday 25 Dec 2026 working days.
    cal = Calendar("MX", working_days=frozenset({date(2026, 12, 12), date(2026, 12, 25)}))
    assert cal.is_business_day(date(2026, 12, 12))
    assert cal.is_business_day(date(2026, 12, 25))
    assert cal.holiday_name(date(2026, 12, 25)) == "Navidad"  # still named, for the explanation
    assert cal.explain(date(2026, 12, 25)).reason is DayReason.DECLARED_WORKING
    assert cal.add_business_days(datetime(2026, 12, 11, 12, tzinfo=CDMX), 1) == end_of(date(2026, 12, 12), CDMX)


# --------------------------------------------------------------------------- zero days

def test_zero_days_on_a_business_day_is_the_end_of_that_day() -> None:
    assert ROSARITO.add_business_days(datetime(2026, 12, 10, 10, tzinfo=TIJUANA), 0) == end_of(
        date(2026, 12, 10), TIJUANA
    )


def test_zero_days_on_a_non_business_day_is_the_end_of_the_next_one() -> None:
    # Saturday 12 Dec 2026 -> Monday 14.
    assert ROSARITO.add_business_days(datetime(2026, 12, 12, 10, tzinfo=TIJUANA), 0) == end_of(
        date(2026, 12, 14), TIJUANA
    )


# --------------------------------------------------------------------------- ine (electoral period)

# Illustrative dates for the 2026–2027 federal electoral process (LGIPE art. 225: it starts in September of the
# year before the election); the real ones come from the Consejo General's agreement.
PEF = ElectoralPeriod(date(2026, 9, 1), date(2027, 8, 31), "Proceso Electoral Federal 2026-2027")
INE = Calendar("MX", timezone="America/Mexico_City", electoral_periods=(PEF,), electoral_all_business=True)


def test_ine_observations_in_electoral_period_count_the_weekend() -> None:
    # ine:14, 2 business days. Notified Friday 9 Oct 2026 17:00: Sat 10 (1), Sun 11 (2).
    due = INE.add_business_days(datetime(2026, 10, 9, 17, tzinfo=CDMX), 2)
    assert due == end_of(date(2026, 10, 11), CDMX)
    assert INE.explain(date(2026, 10, 10)).reason is DayReason.ELECTORAL_PERIOD
    assert INE.explain(date(2026, 10, 10)).name == "Proceso Electoral Federal 2026-2027"


def test_ine_observations_outside_electoral_period_skip_the_weekend() -> None:
    # Friday 10 Jul 2026 (before the process): Mon 13 (1), Tue 14 (2).
    assert INE.add_business_days(datetime(2026, 7, 10, 17, tzinfo=CDMX), 2) == end_of(date(2026, 7, 14), CDMX)


def test_ine_evaluation_counts_independence_day_during_the_process() -> None:
    # ine:13, 10 business days from Thu 10 Sep 2026: 11..20 Sep, 16 Sep and both weekends included.
    assert INE.add_business_days(datetime(2026, 9, 10, 12, tzinfo=CDMX), 10) == end_of(date(2026, 9, 20), CDMX)
    assert INE.is_business_day(date(2026, 9, 16))
    assert INE.holiday_name(date(2026, 9, 16)) == "Día de la Independencia"


def test_ine_term_that_crosses_the_end_of_the_process() -> None:
    # Thu 26 Aug 2027: Fri 27 (1), Sat 28 (2), Sun 29 (3), Mon 30 (4), Tue 31 (5) in the process;
    # Wed 1 Sep (6), Thu 2 (7), Fri 3 (8), Mon 6 (9), Tue 7 (10) after it.
    assert INE.add_business_days(datetime(2027, 8, 26, 12, tzinfo=CDMX), 10) == end_of(date(2027, 9, 7), CDMX)


def test_ine_every_hour_counts_in_the_process() -> None:
    # ine:10: "todas las horas y días son hábiles". Friday 17:00 + 24 h = Saturday 17:00.
    start = datetime(2026, 10, 9, 17, tzinfo=CDMX)
    assert INE.add_business_hours(start, 24) == datetime(2026, 10, 10, 17, tzinfo=CDMX)
    assert INE.business_time_between(start, datetime(2026, 10, 12, 17, tzinfo=CDMX)) == timedelta(hours=72)
    assert INE.is_business_time(datetime(2026, 10, 11, 3, tzinfo=CDMX))


def test_ine_office_hours_outside_the_process() -> None:
    # Fri 10 Jul 2026 17:00 + 24 office hours: Fri 1 h, Mon 9 h, Tue 9 h, Wed 9:00 + 5 h.
    start = datetime(2026, 7, 10, 17, tzinfo=CDMX)
    assert INE.add_business_hours(start, 24) == datetime(2026, 7, 15, 14, tzinfo=CDMX)
    assert not INE.is_business_time(datetime(2026, 7, 10, 18, tzinfo=CDMX))


def test_ine_hours_switch_to_all_day_when_the_process_starts() -> None:
    # Mon 31 Aug 2026 17:00 + 3 h: 1 office hour on Monday, then from Tue 1 Sep 00:00 every hour counts.
    assert INE.add_business_hours(datetime(2026, 8, 31, 17, tzinfo=CDMX), 3) == datetime(2026, 9, 1, 2, tzinfo=CDMX)


def test_electoral_periods_have_no_effect_unless_the_norm_says_so() -> None:
    cal = Calendar("MX", electoral_periods=(PEF,), electoral_all_business=False)
    assert not cal.is_business_day(date(2026, 10, 10))
    assert cal.electoral_period_on(date(2026, 10, 10)) == PEF
    assert cal.add_business_days(datetime(2026, 10, 9, 17, tzinfo=CDMX), 2) == end_of(date(2026, 10, 13), CDMX)


def test_electoral_all_day_follows_dst() -> None:
    # Tijuana's DST starts Sun 14 Mar 2027: that local day is 23 hours long.
    cal = Calendar(
        "MX",
        timezone="America/Tijuana",
        electoral_periods=(ElectoralPeriod(date(2027, 3, 1), date(2027, 3, 31)),),
        electoral_all_business=True,
    )
    day_start = datetime(2027, 3, 14, 0, tzinfo=TIJUANA)
    assert cal.business_time_between(day_start, datetime(2027, 3, 15, 0, tzinfo=TIJUANA)) == timedelta(hours=23)
    assert cal.add_business_hours(day_start, 24) == datetime(2027, 3, 15, 1, tzinfo=TIJUANA)


# --------------------------------------------------------------------------- Colombia

PASTO = Calendar("CO", timezone="America/Bogota")


@pytest.mark.parametrize(
    "start,n,expected",
    [
        (datetime(2026, 1, 9, 10, tzinfo=BOGOTA), 1, date(2026, 1, 13)),  # Mon 12 = Epiphany moved
        (datetime(2026, 4, 1, 10, tzinfo=BOGOTA), 2, date(2026, 4, 7)),  # Holy Thu/Fri, weekend, Mon 6, Tue 7
        (datetime(2026, 8, 14, 10, tzinfo=BOGOTA), 1, date(2026, 8, 18)),  # Mon 17 = Assumption moved
        (datetime(2026, 6, 5, 10, tzinfo=BOGOTA), 5, date(2026, 6, 16)),  # Mon 8 Corpus; 9-12, 15 Sacred Heart, 16
        # 12 Oct 2027 is a Tuesday, so Race Day moves to Mon 18: Mon 11 is an ordinary business day.
        (datetime(2027, 10, 8, 10, tzinfo=BOGOTA), 1, date(2027, 10, 11)),
    ],
)
def test_colombian_terms(start: datetime, n: int, expected: date) -> None:
    assert PASTO.add_business_days(start, n) == end_of(expected, BOGOTA)


def test_colombian_term_over_race_day_2027() -> None:
    # Fri 15 Oct 2027: Mon 18 is Race Day (moved) -> Tue 19 (1), Wed 20 (2).
    assert PASTO.add_business_days(datetime(2027, 10, 15, 10, tzinfo=BOGOTA), 2) == end_of(date(2027, 10, 20), BOGOTA)


# --------------------------------------------------------------------------- business hours

def test_hours_start_at_next_opening_and_end_at_closing() -> None:
    cal = Calendar("MX")
    # Saturday 10:00 + 9 h -> Monday 18:00 (exactly one office day; ends at closing, not next opening).
    assert cal.add_business_hours(datetime(2026, 10, 10, 10, tzinfo=CDMX), 9) == datetime(2026, 10, 12, 18, tzinfo=CDMX)
    # Before opening.
    assert cal.add_business_hours(datetime(2026, 10, 12, 6, tzinfo=CDMX), 1.5) == datetime(
        2026, 10, 12, 10, 30, tzinfo=CDMX
    )
    # Timedelta input, and skipping Mon 16 Nov 2026 (Revolution Day).
    assert cal.add_business_hours(datetime(2026, 11, 13, 17, tzinfo=CDMX), timedelta(hours=2)) == datetime(
        2026, 11, 17, 10, tzinfo=CDMX
    )


def test_zero_hours_is_the_start_itself() -> None:
    sat = datetime(2026, 10, 10, 10, tzinfo=CDMX)
    assert Calendar("MX").add_business_hours(sat, 0) == sat


def test_time_left_counts_only_office_hours_and_goes_negative_when_overdue() -> None:
    cal = Calendar("MX")
    due = cal.add_business_days(datetime(2026, 10, 8, 10, tzinfo=CDMX), 2)  # Thu -> due end of Mon 12
    assert due == end_of(date(2026, 10, 12), CDMX)
    now = datetime(2026, 10, 9, 16, tzinfo=CDMX)  # Friday 16:00
    assert cal.business_time_between(now, due) == timedelta(hours=2 + 9)
    later = datetime(2026, 10, 13, 10, tzinfo=CDMX)
    assert cal.business_time_between(later, due) == -timedelta(hours=1)
    assert cal.business_days_between(later, due) == -1  # one business day (Tue 13) has begun since the due day
    assert cal.business_days_between(datetime(2026, 10, 15, 10, tzinfo=CDMX), due) == -3


def test_results_are_in_the_calendar_zone() -> None:
    start = datetime(2026, 10, 9, 15, tzinfo=UTC)  # 09:00 in Mexico City
    result = Calendar("MX").add_business_hours(start, 1)
    assert result.tzinfo == CDMX
    assert result == datetime(2026, 10, 9, 10, tzinfo=CDMX)
