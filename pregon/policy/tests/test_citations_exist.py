"""Every clause a preset cites exists in its norm's text (/work/shared/seeds, indexed by the preset's
`meta.document`): a citation names a clause of the document, numbered as the document numbers it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pregon.checker.config import OPT_IN_RULES
from pregon.policy import POLICY_CHOICE, load_preset, preset_names
from pregon.policy.schema import SECTION_NAMES

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
ROMAN = r"([IVXL]+)\."
ORDINALS = {"tercera": "3ª", "cuarta": "4ª", "quinta": "5ª", "sexta": "6ª", "séptima": "7ª", "octava": "8ª",
            "décima quinta": "15ª", "décima novena": "19ª"}
TRANSITORIOS = {"PRIMERO": 1, "SEGUNDO": 2, "TERCERO": 3, "CUARTO": 4}


def _clause_ids(name: str, text: str) -> set[str]:
    """The clause numbers a document has, in the citation style of seeds/README.md."""
    ids: set[str] = set()
    section = ""
    for raw in text.splitlines():
        line = raw.strip().lstrip("-* ").strip()
        for word, n in TRANSITORIOS.items():
            if line.startswith(f"{word}.-"):
                ids.add(f"Transitorio {n}")
        if name == "rosarito":
            if m := re.match(r"^(\d+)\.-?\s*[A-ZÁÉÍÓÚ]", line):
                ids.add(m.group(1))
            if m := re.match(r"^(\d+\.\d+)\s", line):
                ids.add(m.group(1))
        elif name == "iee-sonora":
            if (m := re.match(r"^(\d+)\.\s*[A-ZÁÉÍÓÚ]", line)) or (m := re.match(r"^(\d+\.\d+)\.-", line)):
                section = m.group(1)
                ids.add(section)
            elif m := re.match(ROMAN + r"\s", line):
                ids.add(f"{section.split('.')[0]}.{m.group(1)}")
            elif (m := re.match(r"^([a-g])\)\s", line)) and section:
                ids.add(f"{section}{m.group(1)}")
        elif name == "ine":
            if m := re.match(r"^Artículo (\d+)\.", line):
                section = m.group(1)
                ids.add(section)
            elif m := re.match(r"^([IVXLivxl]+)\.\s", line):
                ids.add(f"{section}.{m.group(1).upper()}")
        elif name == "pasto":
            if m := re.match(r"^(\d+)\. [A-ZÁÉÍÓÚ]{3,}\b", line):
                section = m.group(1)
                ids.add(section)
            elif (m := re.match(r"^(\d+)\. ", line)) and section:
                ids.add(f"{section}.{m.group(1)}")
        elif name == "guadalajara":
            lowered = line.lower().lstrip('*"…. ')
            for word, ordinal in ORDINALS.items():
                if lowered.startswith(word + "."):
                    ids.add(ordinal)
            ids.add("circular")
    return ids


def _cited(policy) -> set[str]:
    refs = {r for s in SECTION_NAMES for rs in getattr(policy, s).clauses.values() for r in rs}
    refs |= {r for s in policy.checker.categories.values() for r in s.clauses}
    refs |= {r for s in policy.checker.rules.values() for r in s.clauses}
    refs |= {r for rs in policy.checker.options.clauses.values() for r in rs}
    return refs - {POLICY_CHOICE}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed norms are not on this machine")
@pytest.mark.parametrize("name", preset_names())
def test_every_cited_clause_exists_in_the_norm(name):
    policy = load_preset(name)
    ids = _clause_ids(name, (SEEDS / policy.meta.document).read_text(encoding="utf-8"))
    missing = sorted(ref for ref in _cited(policy) if ref.split(":", 1)[1] not in ids)
    assert not missing, f"{name} cites clauses its norm does not have: {missing}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed norms are not on this machine")
def test_the_opt_in_rules_name_existing_clauses():
    policy = load_preset("iee-sonora")
    ids = _clause_ids("iee-sonora", (SEEDS / policy.meta.document).read_text(encoding="utf-8"))
    for clause in OPT_IN_RULES.values():
        assert clause.split(":", 1)[1] in ids
