"""Statutory holidays from the ``holidays`` package, cached per (country, subdivision, year, language).

This is the only module that talks to the ``holidays`` package. It knows nothing about institutions: declared
non-working days and electoral periods are applied by :class:`pregon.workdays.Calendar`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from types import MappingProxyType

import holidays

from .errors import CalendarError

#: Version of the holiday data. Statutory calendars change with the law (e.g. Colombia's Ley 2578 de 2026 added
#: the Chiquinquirá holiday), so a stored deadline should record it next to the calendar fingerprint.
HOLIDAYS_VERSION: str = holidays.__version__


@lru_cache(maxsize=64)
def _country_entity(country: str) -> holidays.HolidayBase:
    try:
        return holidays.country_holidays(country)
    except NotImplementedError:
        raise CalendarError(f"unknown country code {country!r}: the holidays package does not support it") from None


def default_language(country: str) -> str | None:
    """The language in which the package names the country's holidays by default (Spanish for MX and CO)."""
    return type(_country_entity(country)).default_language


@lru_cache(maxsize=128)
def resolve_subdivision(country: str, subdivision: str | None) -> str | None:
    """Return the subdivision the package will actually use for ``country``, or ``None``.

    * Countries without subdivisions in the package (Mexico, Colombia): the subdivision is recorded by the
      calendar but not used here, so ``None`` is returned. State holidays come from declared days instead.
    * Countries with subdivisions: an unknown code is an error rather than silently ignored.
    """
    entity = _country_entity(country)
    if subdivision is None or not entity.subdivisions:
        return None
    try:
        holidays.country_holidays(country, subdiv=subdivision)
    except NotImplementedError:
        raise CalendarError(
            f"unknown subdivision {subdivision!r} for country {country!r}; "
            f"known: {', '.join(entity.subdivisions)}"
        ) from None
    return subdivision


def holidays_for(country: str, subdivision: str | None, year: int, language: str | None = None) -> Mapping[date, str]:
    """Statutory holidays of one year as a read-only ``{date: name}`` mapping, cached.

    ``language`` defaults to the country's own language; the locale of the process never matters.
    ``subdivision`` must already be resolved with :func:`resolve_subdivision`.
    """
    return _holidays_for(country, subdivision, year, language or default_language(country))


@lru_cache(maxsize=1024)
def _holidays_for(country: str, subdivision: str | None, year: int, lang: str | None) -> Mapping[date, str]:
    try:
        entity = holidays.country_holidays(country, subdiv=subdivision, years=year, language=lang)
    except NotImplementedError as exc:  # pragma: no cover - country/subdivision are validated before
        raise CalendarError(str(exc)) from None
    return MappingProxyType({d: name for d, name in entity.items() if d.year == year})
