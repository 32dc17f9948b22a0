"""The ICS writer: RFC 5545 folding, escaping, CRLF, DTSTAMP and stable UIDs — checked by parsing it back."""

from __future__ import annotations

import datetime as dt

from pregon.notifications.ics import IcsEvent, escape_text, fold, render_calendar

NOW = dt.datetime(2026, 3, 12, 18, 0, tzinfo=dt.UTC)


def parse(text: str) -> list[dict[str, str]]:
    """A strict mini-parser: CRLF only, unfold, split VEVENTs, unescape TEXT."""
    assert "\n" not in text.replace("\r\n", ""), "bare LF"
    assert text.endswith("\r\n")
    raw_lines = text.split("\r\n")[:-1]
    for line in raw_lines:
        assert len(line.encode("utf-8")) <= 75, f"line over 75 octets: {line!r}"
    lines: list[str] = []
    for line in raw_lines:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events, current, depth = [], None, 0
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif line == "BEGIN:VALARM":
            depth += 1
        elif line == "END:VALARM":
            depth -= 1
        elif current is not None and depth == 0:
            key, _sep, value = line.partition(":")
            current[key] = (value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
                            .replace("\\\\", "\\"))
    return events


def test_long_lines_fold_at_75_octets_without_splitting_utf8():
    line = "SUMMARY:" + "ñ" * 100
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_text_is_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_calendar_round_trips():
    due = dt.datetime(2026, 3, 19, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-7)))
    event = IcsEvent(uid="abc@pregon", start=due, summary="Vence: consulta «Hola, mundo; sí»",
                     description="Ayuntamiento · 3 días hábiles · rosarito:9.7\nsegunda línea " + "x" * 100,
                     url="https://pregon.example/i/r/")
    text = render_calendar([event], name="Pregón", now=NOW)
    [parsed] = parse(text)
    assert parsed["UID"] == "abc@pregon"
    assert parsed["DTSTAMP"] == "20260312T180000Z"
    assert parsed["DTEND"] == "20260320T065959Z"
    assert parsed["SUMMARY"] == "Vence: consulta «Hola, mundo; sí»"
    assert parsed["DESCRIPTION"].startswith("Ayuntamiento · 3 días hábiles · rosarito:9.7\nsegunda")
