from __future__ import annotations

from ._helpers import rules, run, spans


def test_personal_opinion_and_benefit() -> None:
    text = "En mi opinión el parque quedó bien; visiten mi negocio enfrente"
    f = run("personal", text)
    assert rules(f) == ["personal.opinion", "personal.benefit"]
    assert spans(text, f) == ["En mi opinión", "mi negocio"]


def test_institutional_voice_is_fine() -> None:
    assert run("personal", "El Ayuntamiento abrió el registro para becas de transporte.") == []
