"""Errors raised by the business-day core."""

from __future__ import annotations


class CalendarError(ValueError):
    """A calendar was built or used with invalid input.

    Messages are in English and name the offending value; callers that show them to users translate them.
    """
