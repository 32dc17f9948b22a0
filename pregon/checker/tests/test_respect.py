from __future__ import annotations

from ._helpers import rules, run, spans


def test_insults_are_flagged() -> None:
    text = "Respondan bien, no sean IDIOTAS"
    f = run("respect", text)
    assert rules(f) == ["respect.insult"] and spans(text, f) == ["IDIOTAS"]


def test_discrimination_names_the_group_and_hides_the_nested_insult() -> None:
    text = "Esos chilangos culeros y los chairos de siempre"
    f = run("respect", text)
    assert rules(f) == ["respect.discrimination", "respect.discrimination"]
    assert spans(text, f) == ["chilangos culeros", "chairos"]
    assert "región" in f[0].message and "visión política" in f[1].message


def test_respectful_text_and_neutral_demonyms_are_fine() -> None:
    assert run("respect", "Gracias a los pastusos, a las mujeres y a los pueblos indígenas por participar.") == []
    assert run("respect", "Información de @idiota_oficial no verificada") == []
