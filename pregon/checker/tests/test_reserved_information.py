from __future__ import annotations

from ._helpers import rules, run, spans


def test_reserved_markers_are_flagged() -> None:
    text = "Compartimos el documento CONFIDENCIAL de uso interno del Cabildo"
    assert spans(text, run("reserved_information", text)) == ["documento CONFIDENCIAL", "uso interno"]


def test_harmless_phrases_are_not_flagged() -> None:
    for text in ("Todos los derechos reservados.", "Tu denuncia es anónima y confidencial: llama al 089.",
                 "Habrá lugares reservados para personas con discapacidad."):
        assert run("reserved_information", text) == [], text


def test_internal_deliberation_is_flagged() -> None:
    text = "Aún no se decide el nuevo horario; se está discutiendo en el Consejo."
    f = run("reserved_information", text)
    assert rules(f) == ["reserved_information.deliberation"] * 2
    assert spans(text, f) == ["Aún no se decide", "se está discutiendo"]


def test_words_inside_urls_are_ignored() -> None:
    assert run("reserved_information", "Consulta https://transparencia.gob.mx/informacion-reservada") == []
