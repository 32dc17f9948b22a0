"""Form fields every app's forms share: dates and instants kept inside the years Pregón can compute with.

Django's own fields already refuse dates that do not exist (30 February, 2026-13-45, year 99999). They accept any
year from 1 to 9999, though, and a deadline counted from 31 December 9999, or an instant of that day stored in UTC,
overflows Python's datetime: a 500 instead of a message. These fields refuse years outside EARLIEST_YEAR–LATEST_YEAR
with a Spanish message. The range is an input bound, not a rule of any norm (the calendar page shows the same
years); a form whose norm narrows it (a departure not after today, a policy revision from 2000) adds its own check.
`plausible_date` is the same check for input that is not a Django form (pydantic models, query strings).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext as _

EARLIEST_YEAR = 1990
LATEST_YEAR = 2100


def _out_of_range() -> str:
    return _("Escriba una fecha entre %(first)s y %(last)s.") % {"first": EARLIEST_YEAR, "last": LATEST_YEAR}


def plausible_date(value: Any) -> Any:
    """The date or datetime unchanged, or ValueError (with the Spanish message) when its year is out of range."""
    if isinstance(value, dt.date) and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(_out_of_range())
    return value


class _PlausibleYear:
    """Django's validation, then the year range of `plausible_date` (shared by both fields)."""

    def validate(self, value: Any) -> None:
        super().validate(value)  # type: ignore[misc]
        try:
            plausible_date(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="out_of_range") from None


class DateField(_PlausibleYear, forms.DateField):
    """A date that exists, between EARLIEST_YEAR and LATEST_YEAR."""


class DateTimeField(_PlausibleYear, forms.DateTimeField):
    """A date and time that exist, between EARLIEST_YEAR and LATEST_YEAR (in the active time zone)."""

    def to_python(self, value: Any) -> dt.datetime | None:
        try:
            return super().to_python(value)
        except OverflowError:  # made aware at the edge of datetime's range
            raise forms.ValidationError(_out_of_range(), code="out_of_range") from None
