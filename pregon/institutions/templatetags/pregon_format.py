"""How dates, times, durations and handles are shown: one place for every page, e-mail, notice and feed.

Times are shown in the time zone of the institution they belong to (Rosarito: America/Tijuana, Pasto:
America/Bogota), never in the server's or the viewer's: a live stream authorised for 18:00 in Pasto reads 18:00
to everyone. Dates are written in words, as people write them: "5 de diciembre de 2026" in Spanish,
"December 5, 2026" in English (the active language decides). Durations keep the policy's own unit:
"4 horas hábiles", "1 día hábil", "3 días naturales" — never "0 días hábiles" for a 4-hour term.

Templates (`{% load pregon_format %}`)::

    {{ deadline.due_at|local_datetime:institution }}   5 de diciembre de 2026, 18:00
    {{ deadline.due_at|local_date:institution }}       5 de diciembre de 2026
    {{ deadline.due_at|local_time:institution }}       18:00
    {{ day.date|local_date }}                          a date needs no time zone
    {{ day.date|weekday_date }}                        sábado, 5 de diciembre de 2026
    {{ deadline|duration }}                            4 horas hábiles (anything with duration_amount/unit,
                                                       a policy Duration, or "4 business_hours")
    {{ item.left|time_left }}                          what is left of a term, in its unit, or "vencido"
    {{ account.handle|at_handle }}                     @rosarito (YouTube's "@canal" stays "@canal")
    {{ obj.decided_by|person:_("sistema") }}           Ana López (or "sistema" when nobody: the tick decided)

The `institution` argument may be an Institution, anything with an `.institution` (a notification, a procedure)
or an IANA zone name; without one the project's TIME_ZONE is used.

Python (messages, e-mails, the ICS feed)::

    from pregon.institutions.templatetags.pregon_format import duration_label, local_datetime
    local_datetime(deadline.due_at, institution)   # same text as the filter
    duration_label(4, "business_hours")            # "4 horas hábiles"

These functions only format; they decide nothing (STYLE §2.14).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.utils import dateformat, timezone
from django.utils.translation import get_language, gettext, ngettext

register = template.Library()

# Django date-format strings per language (prefix of the language code). Month and weekday names come from
# Django's own catalogue in the active language ("diciembre", "December").
_DATE_FORMATS = {
    "es": {"date": r"j \d\e F \d\e Y", "weekday": r"l, j \d\e F \d\e Y", "time": "H:i"},
    "en": {"date": "F j, Y", "weekday": "l, F j, Y", "time": "H:i"},
}


def _language() -> str:
    language = (get_language() or "es").split("-", 1)[0].lower()
    return language if language in _DATE_FORMATS else "es"


def _format(value: dt.date, kind: str) -> str:
    text = dateformat.format(value, _DATE_FORMATS[_language()][kind])
    # Spanish writes month and weekday names in lower case; Django's es-MX catalogue capitalises them.
    return text.lower() if _language() == "es" else text


def zone_of(where: Any) -> dt.tzinfo:
    """The time zone of `where`: an Institution, an object with `.institution`, an IANA name, or None (the
    project's TIME_ZONE). An unknown name falls back to the project's zone rather than failing a page."""
    name = where
    if where is not None and not isinstance(where, str):
        name = getattr(where, "timezone", None)
        if name is None and getattr(where, "institution", None) is not None:
            name = getattr(where.institution, "timezone", None)
    if isinstance(name, str) and name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return timezone.get_default_timezone()


def _localize(value: dt.datetime, where: Any) -> dt.datetime:
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    return timezone.localtime(value, zone_of(where))


def local_datetime(value: Any, where: Any = None) -> str:
    """"5 de diciembre de 2026, 18:00" in `where`'s time zone ("December 5, 2026, 18:00" in English)."""
    if not isinstance(value, dt.datetime):
        return local_date(value)
    value = _localize(value, where)
    return f"{_format(value, 'date')}, {_format(value, 'time')}"


def local_date(value: Any, where: Any = None) -> str:
    """"5 de diciembre de 2026" ("December 5, 2026"); a datetime is first taken to `where`'s time zone."""
    if isinstance(value, dt.datetime):
        value = _localize(value, where)
    elif not isinstance(value, dt.date):
        return "" if value in (None, "") else str(value)
    return _format(value, "date")


def weekday_date(value: Any, where: Any = None) -> str:
    """"sábado, 5 de diciembre de 2026" ("Saturday, December 5, 2026")."""
    if isinstance(value, dt.datetime):
        value = _localize(value, where)
    elif not isinstance(value, dt.date):
        return "" if value in (None, "") else str(value)
    return _format(value, "weekday")


def local_time(value: Any, where: Any = None) -> str:
    """"18:00" in `where`'s time zone."""
    if not isinstance(value, dt.datetime):
        return ""
    return _format(_localize(value, where), "time")


def duration_label(amount: int, unit: str) -> str:
    """A term in the policy's own unit, with the right plural: "1 día hábil", "4 horas hábiles",
    "3 días naturales", "24 horas". An unknown unit is shown as given rather than hidden."""
    n = int(amount)
    if unit == "business_days":
        return ngettext("%(n)s día hábil", "%(n)s días hábiles", n) % {"n": n}
    if unit == "calendar_days":
        return ngettext("%(n)s día natural", "%(n)s días naturales", n) % {"n": n}
    if unit == "business_hours":
        return ngettext("%(n)s hora hábil", "%(n)s horas hábiles", n) % {"n": n}
    if unit == "hours":
        return ngettext("%(n)s hora", "%(n)s horas", n) % {"n": n}
    return f"{n} {unit}"


def duration_of(value: Any) -> str:
    """`duration_label` of a Deadline-like object (duration_amount, duration_unit), a policy Duration (amount,
    unit) or a text such as "3 business_days"."""
    if value is None or value == "":
        return ""
    if hasattr(value, "duration_amount"):
        return duration_label(value.duration_amount, value.duration_unit)
    if hasattr(value, "amount") and hasattr(value, "unit"):
        return duration_label(value.amount, value.unit)
    parts = str(value).split()
    if len(parts) == 2 and parts[0].isdigit():
        return duration_label(int(parts[0]), parts[1])
    return str(value)


def time_left_label(left: Any) -> str:
    """What is left of a term, counted in the term's own unit: the dict of `procedures.deadlines.time_left`
    ({"overdue", "unit", "business_time", "business_days", "calendar_time"}). Business hours are counted in
    business hours (a 4-hour term never reads "0 días hábiles"); business days in whole business days, and on
    the last day in the office hours still left ("vence hoy" once they are over); calendar terms in days, or
    hours on the last day."""
    if not left:
        return ""
    if left.get("overdue"):
        return gettext("vencido")
    unit = left.get("unit")
    if unit in ("business_days", "business_hours"):
        business: dt.timedelta = left.get("business_time") or dt.timedelta()
        hours = int(business.total_seconds() // 3600)
        days = int(left.get("business_days") or 0)
        if unit == "business_days" and days >= 1:
            return duration_label(days, "business_days")
        if hours >= 1:
            return duration_label(hours, "business_hours")
        if unit == "business_days":
            return gettext("vence hoy")  # the last business day, after office hours: the term ends at midnight
        minutes = max(1, int(business.total_seconds() // 60))
        return ngettext("%(n)s minuto hábil", "%(n)s minutos hábiles", minutes) % {"n": minutes}
    calendar: dt.timedelta = left.get("calendar_time") or dt.timedelta()
    if unit == "calendar_days" and calendar.days >= 1:
        return duration_label(calendar.days, "calendar_days")
    hours = int(calendar.total_seconds() // 3600)
    if hours >= 1:
        return duration_label(hours, "hours")
    minutes = max(1, int(calendar.total_seconds() // 60))
    return ngettext("%(n)s minuto", "%(n)s minutos", minutes) % {"n": minutes}


def at_handle(handle: Any) -> str:
    """A handle as people write it: one "@" in front ("@rosarito"), never two ("@@canal" for YouTube handles
    stored with their "@"), and none before a path-like handle ("company/ayuntamiento", "channel/UC…")."""
    text = str(handle or "").strip()
    if not text or text.startswith("@") or "/" in text:
        return text
    return f"@{text}"


def person(user: Any, nobody: Any = "") -> str:
    """A user as the pages name them: the full name, else the user name; `nobody` (e.g. "sistema") when there is
    none (a step the tick decided, a deleted user)."""
    if user is None or not getattr(user, "pk", None):
        return str(nobody or "—")
    return user.get_full_name() or user.get_username()


register.filter("person", person)
register.filter("local_datetime", local_datetime)
register.filter("local_date", local_date)
register.filter("weekday_date", weekday_date)
register.filter("local_time", local_time)
register.filter("duration", duration_of)
register.filter("time_left", time_left_label)
register.filter("at_handle", at_handle)
