"""The policy names its spelling dictionary and the checker loads that one: Pasto's is Colombian Spanish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pregon.checker import check
from pregon.policy import POLICY_CHOICE, PolicyError, load_preset, resolve

HUNSPELL = Path("/usr/share/hunspell")
TEXT = "Mañana habrá vacunación en el centro de salud del barrio."


def test_pasto_names_colombian_spanish_and_the_mexican_norms_mexican_spanish():
    assert load_preset("pasto").checker.options.spelling_dictionary == "es_CO"
    assert load_preset("pasto").checker.options.clauses["spelling_dictionary"] == ("pasto:2",)
    for name in ("rosarito", "iee-sonora", "ine", "guadalajara"):
        options = load_preset(name).checker.options
        assert options.spelling_dictionary == "es_MX" and options.clauses["spelling_dictionary"]


def _only(tmp_path: Path, name: str) -> str:
    for ext in ("dic", "aff"):
        shutil.copyfile(HUNSPELL / f"{name}.{ext}", tmp_path / f"{name}.{ext}")
    return str(tmp_path)


def _with_dirs(preset: str, directory: str):
    return resolve(preset, {"checker": {"options": {
        "dictionary_dirs": [directory], "clauses": {"dictionary_dirs": [POLICY_CHOICE]}}}})


@pytest.mark.skipif(not (HUNSPELL / "es_CO.dic").exists(), reason="hunspell-es is not installed")
def test_the_checker_loads_the_dictionary_the_policy_names(tmp_path):
    directory = _only(tmp_path, "es_CO")
    pasto = [f.rule for f in check(TEXT, _with_dirs("pasto", directory))]
    assert "spelling.unavailable" not in pasto
    (missing,) = [f for f in check(TEXT, _with_dirs("rosarito", directory)) if f.rule == "spelling.unavailable"]
    assert "«es_MX»" in missing.message


def test_a_malformed_dictionary_name_is_refused():
    with pytest.raises(PolicyError, match="diccionario inválido"):
        resolve("pasto", {"checker": {"options": {"spelling_dictionary": "colombiano",
                                                  "clauses": {"spelling_dictionary": ["pasto:2"]}}}})
