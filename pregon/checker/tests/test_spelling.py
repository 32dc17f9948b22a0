from __future__ import annotations

import pytest

from pregon.checker import CheckContext
from pregon.checker.rules.spelling import speller_status
from pregon.checker import CheckerOptions

from ._helpers import rules, run, spans

needs_dictionary = pytest.mark.skipif(speller_status(CheckerOptions()) is not None,
                                      reason="Hunspell es_MX not installed (scripts/system-deps.sh)")


@needs_dictionary
def test_misspelled_words_are_flagged_with_suggestions() -> None:
    text = "La vacunacion sera en el gobiemo"
    f = run("spelling", text)
    assert spans(text, f) == ["vacunacion", "gobiemo"]
    assert "«vacunación»" in f[0].message


@needs_dictionary
def test_hashtags_handles_urls_acronyms_and_numbers_are_skipped() -> None:
    text = "#VacunacionYa @imssmx https://rosarito.gob.mx/vacunacion CURP INE 2do WhatsApp xq"
    assert run("spelling", text) == []


@needs_dictionary
def test_allow_list_from_context_and_policy() -> None:
    text = "El alcalde Zamudiox visitó Tijuanitaz"
    assert len(run("spelling", text)) == 2
    assert run("spelling", text, CheckContext(allow_words=("Zamudiox",)), spelling_allow_words=("tijuanitaz",)) == []


@needs_dictionary
def test_imperatives_with_enclitics_are_accepted_without_accent_they_are_not() -> None:
    assert run("spelling", "Visítanos, inscríbete y vacúnate") == []
    assert rules(run("spelling", "Visitanos")) == ["spelling.unknown_word"]


@needs_dictionary
def test_other_scripts_are_not_judged() -> None:
    assert run("spelling", "Привет 你好 مرحبا") == []


@needs_dictionary
def test_suggestion_budget_is_deterministic() -> None:
    text = "aaxq bbxq ccxq ddxq"
    f = run("spelling", text, spelling_suggest_budget=1)
    assert len(f) == 4 and f == run("spelling", text, spelling_suggest_budget=1)


def test_missing_dictionary_gives_one_clear_finding() -> None:
    f = run("spelling", "Hola mundo sin diccionario", spelling_dictionary="xx_XX")
    assert rules(f) == ["spelling.unavailable"]
    assert "xx_XX" in f[0].message and "hunspell-es" in f[0].message


def test_everyday_administrative_vocabulary_is_not_a_spelling_error() -> None:
    # words of municipal administration the Hunspell dictionaries lack (lexicons/spelling_allow.txt)
    text = "Pago de predial, desazolve del drenaje y señalética nueva; la regiduría abrió un vacunatorio."
    assert run("spelling", text, CheckContext()) == []
    assert [f.rule for f in run("spelling", "Pago de predail", CheckContext())] == ["spelling.unknown_word"]
