from __future__ import annotations

from ._helpers import rules, run


def test_everyday_chat_is_flagged() -> None:
    assert rules(run("relevance", "Jajaja ya es viernes, qué calor hace")) == ["relevance.everyday_chat"] * 3


def test_institutional_activity_is_fine() -> None:
    assert run("relevance", "Este viernes cerramos la convocatoria de becas.") == []
