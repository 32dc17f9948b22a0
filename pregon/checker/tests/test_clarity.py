from __future__ import annotations

import pytest

from pregon.checker.syllables import count_syllables, inflesz_band, readability

from ._helpers import rules, run, spans

# word -> syllables, by the RAE orthographic rules (Ortografía 2010): hiatus, diphthongs, triphthongs, silent u,
# h between vowels
SYLLABLES = {
    "país": 2, "baúl": 2, "reír": 2, "oír": 2, "día": 2, "María": 3, "Raúl": 2, "maíz": 2, "leído": 3,
    "ahí": 2, "búho": 2, "rehúso": 3, "vehículo": 4, "prohíbe": 3,
    "ahumado": 3, "prohibir": 2, "rehusar": 2,
    "alcohol": 3, "ahora": 3, "zanahoria": 4, "cohete": 3, "deshacer": 3,
    "buey": 1, "Uruguay": 3, "limpiáis": 2, "averigüéis": 4, "miau": 1,
    "hoy": 1, "rey": 1, "muy": 1, "y": 1, "yo": 1, "mayo": 2, "ayer": 2, "leyes": 2,
    "que": 1, "queso": 2, "quien": 1, "quiénes": 2, "guerra": 2, "guiso": 2, "guía": 2, "aguinaldo": 4,
    "pingüino": 3, "vergüenza": 3, "agua": 2, "cigüeña": 3,
    "ciudad": 2, "cuidado": 3, "huevo": 2, "hielo": 2, "fluido": 2,
    "poeta": 3, "aéreo": 4, "leer": 2, "caos": 2, "teatro": 3, "océano": 4, "creer": 2,
    "también": 2, "acción": 2, "después": 2, "ciudadanía": 5, "información": 4, "comunicación": 5,
    "transparencia": 4, "Ayuntamiento": 5, "institucional": 5, "vacunación": 4, "gobierno": 3,
    "participación": 5, "electoral": 4, "bienvenidos": 4, "lingüística": 4, "murciélago": 4,
    "paraguas": 3, "náutico": 3, "aire": 2, "euro": 2, "estadounidense": 6,
}


@pytest.mark.parametrize(("word", "expected"), sorted(SYLLABLES.items()))
def test_syllable_count(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_the_table_is_large_enough() -> None:
    assert len(SYLLABLES) >= 60


def test_readability_formulas() -> None:
    text = "El perro come. La casa es azul."  # 7 words, 2 sentences, 11 syllables
    r = readability(text)
    assert r is not None and (r.words, r.sentences, r.syllables) == (7, 2, 11)
    assert r.fernandez_huerta == round(206.84 - 0.60 * (100 * 11 / 7) - 1.02 * (100 * 2 / 7), 2)
    assert r.szigriszt_pazos == round(206.835 - 62.3 * 11 / 7 - 7 / 2, 2)
    assert inflesz_band(r.szigriszt_pazos) == "muy fácil"
    assert inflesz_band(50) == "algo difícil" and inflesz_band(30) == "muy difícil"


HARD = (
    "La implementación institucional de procedimientos administrativos correspondientes a la regularización "
    "patrimonial constituye una responsabilidad interinstitucional indispensable, considerando las "
    "especificaciones reglamentarias establecidas, las determinaciones jurisdiccionales aplicables y la "
    "coordinación intergubernamental permanente entre dependencias municipales, estatales y federales "
    "involucradas en la administración."
)


def test_hard_text_gets_a_readability_finding_short_text_does_not() -> None:
    f = run("clarity", HARD, readability_min_words=20)
    assert "clarity.readability" in rules(f)
    assert "clarity.readability" not in rules(run("clarity", HARD, readability_min_words=60))  # too short
    easy = "Ven a vacunarte. Es gratis. Trae tu credencial. Te esperamos el sábado en el parque. " * 3
    assert "clarity.readability" not in rules(run("clarity", easy, readability_min_words=20))


def test_long_sentence() -> None:
    f = run("clarity", HARD)
    assert spans(HARD, f, "clarity.long_sentence") == [HARD]


def test_passive_voice() -> None:
    text = "El reglamento fue aprobado por el Cabildo. Los apoyos son entregados por la Secretaría."
    assert spans(text, run("clarity", text), "clarity.passive_voice") == ["fue aprobado por", "son entregados por"]
    assert "clarity.passive_voice" not in rules(run("clarity", "El trámite es gratuito y fue todo un éxito."))


def test_jargon_with_plain_alternative() -> None:
    text = "Se coadyuvará en virtud de lo acordado."
    f = [x for x in run("clarity", text) if x.rule == "clarity.jargon"]
    assert spans(text, f) == ["en virtud de"] or spans(text, f) == ["coadyuvará", "en virtud de"]
    assert any("«por»" in x.message for x in f)
