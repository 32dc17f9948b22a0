from __future__ import annotations

import datetime as dt

from pregon.checker import ArchivedPost, CheckContext

from ._helpers import rules, run

NOW = dt.datetime(2027, 3, 10, 9)
OLD = "Este sábado jornada de vacunación en el Centro Comunitario de 9 a 14 horas."


def ctx(days_ago: float) -> CheckContext:
    return CheckContext(now=NOW, archive=(ArchivedPost(OLD, NOW - dt.timedelta(days=days_ago), "@RosaritoGob"),))


def test_near_duplicate_within_the_window_is_flagged() -> None:
    text = "¡Este sábado, jornada de vacunación en el Centro Comunitario de 9 a 14 hrs!"
    f = run("spam", text, ctx(2))
    assert rules(f) == ["spam.duplicate"] and "@RosaritoGob" in f[0].message


def test_outside_the_window_or_different_text_is_fine() -> None:
    assert run("spam", OLD, ctx(9)) == []
    assert run("spam", OLD, ctx(9), spam_window="10 days") != []
    assert run("spam", "Abrimos la convocatoria de becas de transporte escolar 2027.", ctx(1)) == []


def test_short_texts_are_not_compared() -> None:
    assert run("spam", "¡Gracias!", CheckContext(now=NOW, archive=(ArchivedPost("¡Gracias!", NOW),))) == []
