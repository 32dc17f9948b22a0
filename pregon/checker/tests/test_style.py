from __future__ import annotations

from pregon.checker import CheckContext

from ._helpers import rules, run, spans


def test_all_caps_run_is_flagged_with_its_span() -> None:
    text = "Mañana: AVISO IMPORTANTE PARA TODA LA CIUDADANÍA de Rosarito."
    f = run("style", text)
    assert spans(text, f, "style.all_caps") == ["AVISO IMPORTANTE PARA TODA LA CIUDADANÍA"]


def test_capitals_for_emphasis_and_acronyms_are_fine() -> None:
    assert "style.all_caps" not in rules(run("style", "El INE y el IEE informan: la cita es HOY en la oficina."))


def test_textspeak_is_flagged_with_the_word_to_write() -> None:
    text = "Ven a vacunarte xq es gratis, vengan x su folio"
    f = [x for x in run("style", text) if x.rule == "style.textspeak"]
    assert spans(text, f) == ["xq", "x"]
    assert "«porque»" in f[0].message and "«por»" in f[1].message


def test_single_letters_that_are_not_textspeak_are_fine() -> None:
    for text in ("Rayos X en el hospital", "Mide 3 x 4 metros", "El inciso q) del artículo", "Prueba de TB gratuita"):
        assert "style.textspeak" not in rules(run("style", text)), text


def test_emoji_flood_and_moderate_emoji() -> None:
    text = "¡Feria del empleo! 🎉🎉🎉🎉 Te esperamos"
    assert spans(text, run("style", text), "style.emoji_flood") == ["🎉🎉🎉🎉"]
    assert "style.emoji_flood" not in rules(run("style", "Feria del empleo 🎉 te esperamos 👍🏽"))


def test_exclamation_flood() -> None:
    text = "¡¡¡Vacúnate ya!!!"
    assert spans(text, run("style", text), "style.exclamation_flood") == ["¡¡¡", "!!!"]
    assert "style.exclamation_flood" not in rules(run("style", "¡Vacúnate ya!"))


def test_platform_length_limit() -> None:
    text = "a " * 200
    f = run("style", text, CheckContext(platform="x"))
    assert [(x.start, x.end) for x in f if x.rule == "style.length"] == [(280, 400)]
    assert "style.length" not in rules(run("style", text, CheckContext(platform="facebook")))
    assert "style.length" not in rules(run("style", text))
