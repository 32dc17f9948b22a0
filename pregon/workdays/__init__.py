"""Pregón's business-day core: business days, business hours and deadline arithmetic.

PURE: no Django import anywhere in this package (other apps import it; it imports none of them).

    >>> from datetime import datetime, date
    >>> from zoneinfo import ZoneInfo
    >>> cal = Calendar("MX", timezone="America/Mexico_City")
    >>> cal.is_business_day(date(2026, 2, 2))  # Constitution Day, first Monday of February
    False
    >>> cal.add_business_days(datetime(2026, 1, 30, 10, tzinfo=ZoneInfo("America/Mexico_City")), 1).isoformat()
    '2026-02-03T23:59:59.999999-06:00'

Semantics are documented on :class:`Calendar` and in ``docs/decisions/0003-business-day-deadlines.md``.
"""

from .calendars import Calendar, DayExplanation, DayReason, ElectoralPeriod
from .errors import CalendarError
from .statutory import HOLIDAYS_VERSION

__all__ = [
    "HOLIDAYS_VERSION",
    "Calendar",
    "CalendarError",
    "DayExplanation",
    "DayReason",
    "ElectoralPeriod",
]
