"""Rules that only one norm states run only where the policy names them (iee-sonora:6.V, 6.X)."""

from __future__ import annotations

import pytest

from pregon.checker import CheckerConfig, RuleSetting, check
from pregon.checker.config import OPT_IN_RULES
from pregon.policy import load_preset, preset_names

DELIBERATION = "Aún no se decide el nuevo horario; se está discutiendo en el Consejo."
PRESS_NOTE = "Lee el boletín de prensa sobre la sesión del Consejo."


def _rules(text: str, policy) -> list[str]:
    return [f.rule for f in check(text, policy)]


def test_iee_sonora_flags_internal_deliberation_citing_6_v():
    findings = [f for f in check(DELIBERATION, load_preset("iee-sonora")) if f.rule == "reserved_information.deliberation"]
    assert len(findings) == 2
    assert all(f.clauses == ("iee-sonora:6.V",) and f.severity == "block" for f in findings)


def test_iee_sonora_asks_for_the_press_note_link_citing_6_x():
    (finding,) = [f for f in check(PRESS_NOTE, load_preset("iee-sonora")) if f.rule == "link.press_note_without_link"]
    assert finding.clauses == ("iee-sonora:6.X",)


@pytest.mark.parametrize("name", [n for n in preset_names() if n != "iee-sonora"])
def test_other_norms_do_not_run_the_iee_sonora_rules(name):
    policy = load_preset(name)
    assert "reserved_information.deliberation" not in _rules(DELIBERATION, policy)
    assert "link.press_note_without_link" not in _rules(PRESS_NOTE, policy)


def test_a_listed_category_does_not_switch_an_opt_in_rule_on():
    config = CheckerConfig(categories={"reserved_information": RuleSetting(clauses=("x:1",))})
    assert not config.setting_for("reserved_information.deliberation").enabled
    assert config.setting_for("reserved_information.marker").enabled
    named = CheckerConfig(
        categories={"reserved_information": RuleSetting(clauses=("x:1",))},
        rules={"reserved_information.deliberation": RuleSetting(clauses=("x:2",))},
    )
    assert named.setting_for("reserved_information.deliberation").clauses == ("x:2",)


def test_every_opt_in_rule_is_named_only_by_the_norm_that_states_it():
    for name in preset_names():
        rules = load_preset(name).checker.rules
        for rule_id, clause in OPT_IN_RULES.items():
            if rule_id in rules and rules[rule_id].enabled:
                assert clause.split(":")[0] == name and clause in rules[rule_id].clauses
