"""No default invents a rule: every value in force either cites its source (a clause of the norm or
`pregon:choice`) or is the field's "no rule" value. Loading refuses a policy that breaks this."""

from __future__ import annotations

import pytest

from pregon.policy import POLICY_CHOICE, PolicyError, load_preset, loader, preset_names, resolve
from pregon.policy.schema import SECTION_NAMES, is_rule_default

PRESETS = preset_names()


def _uncited(policy) -> list[str]:
    """Independent of the loader's own check: fields in force, holding a rule, citing nothing."""
    out = []
    for name in SECTION_NAMES:
        section = getattr(policy, name)
        model = type(section)
        for field in model.model_fields:
            if field == "clauses" or not section.applies(field) or section.clauses_for(field):
                continue
            value = getattr(section, field)
            if field in section.NEUTRAL:
                holds_rule = value != section.NEUTRAL[field]
            else:
                holds_rule = is_rule_default(model, field) or value not in (None, False, "", (), {})
            if holds_rule:
                out.append(f"{name}.{field}")
    for category, setting in policy.checker.categories.items():
        if setting.enabled and not setting.clauses:
            out.append(f"checker.{category}")
    options = policy.checker.options
    out += [f"checker.options.{o}" for o in options.model_fields_set - {"clauses"} if not options.clauses.get(o)]
    return out


@pytest.mark.parametrize("name", PRESETS)
def test_every_value_in_force_cites_a_clause_or_the_institutions_choice(name):
    assert _uncited(load_preset(name)) == []


def test_ine_and_guadalajara_fix_no_number_of_administrators():
    for name in ("ine", "guadalajara"):
        admins = load_preset(name).administrators
        assert admins.count is None and admins.clauses_for("count") == ()
    assert load_preset("pasto").administrators.count == 1
    assert load_preset("pasto").administrators.clauses_for("count") == ("pasto:3.15",)


def test_guadalajara_preserves_a_closed_accounts_content_under_its_3rd_and_4th_clauses():
    closure = load_preset("guadalajara").closure
    assert closure.content_action == "preserve"
    assert closure.clauses_for("content_action") == ("guadalajara:3ª", "guadalajara:4ª")


def test_ine_content_action_is_the_institutions_explicit_choice():
    closure = load_preset("ine").closure
    assert closure.content_action == "preserve" and closure.clauses_for("content_action") == (POLICY_CHOICE,)


@pytest.mark.parametrize("name", ["rosarito", "iee-sonora"])
def test_the_regularisation_term_is_a_choice_and_its_outcome_cites_transitorio_2(name):
    t = load_preset(name).transitional
    assert str(t.regularisation_deadline) == "30 business_days"
    assert t.clauses_for("regularisation_deadline") == (POLICY_CHOICE,)
    assert t.outcome == "reclassify_personal" and t.clauses_for("outcome") == (f"{name}:Transitorio 2",)


def test_a_rule_default_that_nothing_cites_is_refused_naming_the_field():
    data = loader.preset_data("guadalajara")
    del data["closure"]["content_action"]
    del data["closure"]["clauses"]["content_action"]
    with pytest.raises(PolicyError, match=r"regla sin cláusula de origen: closure\.content_action"):
        loader._validate(data, "preset guadalajara")


def test_a_switched_off_section_needs_no_citations():
    # Consultation is off in Pasto: its answerer and silence rule are not in force, so they need no clause.
    consultation = load_preset("pasto").consultation
    assert not consultation.enabled and not consultation.applies("answered_by")
    switched_on = {"consultation": {"enabled": True, "clauses": {"enabled": [POLICY_CHOICE]}}}
    with pytest.raises(PolicyError, match=r"consultation\.answered_by.*consultation\.silence_outcome"):
        resolve("pasto", switched_on)
    switched_on["consultation"].update(
        answered_by="comms", silence_outcome="rejected", deadline="3 business_days",
        clauses={"enabled": [POLICY_CHOICE], "answered_by": [POLICY_CHOICE], "silence_outcome": [POLICY_CHOICE],
                 "deadline": [POLICY_CHOICE]},
    )
    assert resolve("pasto", switched_on).consultation.enabled


def test_a_checker_option_set_without_a_clause_is_refused():
    with pytest.raises(PolicyError, match=r"checker\.options\.max_emoji"):
        resolve("rosarito", {"checker": {"options": {"max_emoji": 2}}})
    ok = resolve("rosarito", {"checker": {"options": {"max_emoji": 2, "clauses": {"max_emoji": [POLICY_CHOICE]}}}})
    assert ok.checker.options.max_emoji == 2


def test_recertification_is_not_cited_to_the_semester_evaluation():
    for name in PRESETS:
        closure = load_preset(name).closure
        assert f"{name}:11.1" not in closure.clauses_for("recertification_months")
        assert f"{name}:8.I" not in closure.clauses_for("recertification_months")
        if closure.recertification_months is not None:
            assert closure.clauses_for("recertification_deadline") == (POLICY_CHOICE,)


def test_clauses_that_do_not_say_it_are_not_cited():
    cited = {
        name: {ref for section in SECTION_NAMES for refs in getattr(load_preset(name), section).clauses.values()
               for ref in refs}
        | {ref for s in load_preset(name).checker.categories.values() for ref in s.clauses}
        for name in PRESETS
    }
    assert "guadalajara:6ª" not in cited["guadalajara"]  # personal accounts' posts are not public information
    assert "ine:7.I" not in cited["ine"]  # refers to Criterios the seed does not contain
    ine_checker = load_preset("ine").checker.categories
    assert [c for c, s in ine_checker.items() if "ine:7.IV" in s.clauses] == ["relevance"]


def test_pasto_3_20_closure_fields_apply_to_alternate_accounts_only():
    closure = load_preset("pasto").closure
    assert closure.temporary_allowed_for == ("alternate",)
    assert closure.abandonment_tiers == ("alternate",)
    assert closure.unattended_alternate_may_close
    for field in ("temporary_allowed_for", "abandonment_tiers", "unattended_alternate_may_close"):
        assert "pasto:3.20" in closure.clauses_for(field)
    for name in ("rosarito", "iee-sonora", "ine", "guadalajara"):
        assert load_preset(name).closure.temporary_allowed_for == ()
