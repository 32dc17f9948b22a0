from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from pregon.checker import CheckContext, CheckerConfig, CheckerOptions, RuleSetting, check
from pregon.checker.config import CATEGORIES, ElectoralPeriod
from pregon.checker.engine import REGISTRY, detector_for

TEXT = "Yo creo que la vacunacion es información reservada xq si!!!!"


def test_every_category_has_a_registered_detector() -> None:
    assert set(REGISTRY) == set(CATEGORIES)
    for category in CATEGORIES:
        assert detector_for(category) is not None, category


def test_category_not_listed_does_not_run() -> None:
    config = CheckerConfig(categories={"style": RuleSetting(severity="warn")})
    assert {f.category for f in check(TEXT, config)} == {"style"}


def test_default_severity_is_warn_and_clauses_come_from_the_category() -> None:
    config = CheckerConfig(categories={"style": RuleSetting(clauses=("rosarito:9.19",))})
    findings = check(TEXT, config)
    assert findings and all(f.severity == "warn" and f.clauses == ("rosarito:9.19",) for f in findings)


def test_rule_setting_overrides_its_category() -> None:
    config = CheckerConfig(
        categories={"style": RuleSetting(severity="warn", clauses=("rosarito:9.19",))},
        rules={
            "style.textspeak": RuleSetting(severity="block", clauses=("iee-sonora:6.XXIII",)),
            "style.exclamation_flood": RuleSetting(enabled=False),
        },
    )
    by_rule = {f.rule: f for f in check(TEXT, config)}
    assert by_rule["style.textspeak"].severity == "block"
    assert by_rule["style.textspeak"].clauses == ("iee-sonora:6.XXIII",)
    assert "style.exclamation_flood" not in by_rule


def test_disabled_category_with_an_enabled_rule_runs_only_that_rule() -> None:
    config = CheckerConfig(
        categories={"style": RuleSetting(enabled=False, severity="suggest")},
        rules={"style.textspeak": RuleSetting(enabled=True)},
    )
    findings = check(TEXT, config)
    assert [f.rule for f in findings] == ["style.textspeak"]
    assert findings[0].severity == "suggest"


def test_policy_object_with_checker_attribute_is_accepted() -> None:
    policy = SimpleNamespace(checker=CheckerConfig(categories={"style": RuleSetting(severity="block")}))
    assert check(TEXT, policy)[0].severity == "block"


def test_something_else_is_refused() -> None:
    with pytest.raises(TypeError):
        check(TEXT, object())


def test_findings_are_sorted_offsets_point_at_the_span_and_output_is_deterministic() -> None:
    config = CheckerConfig.all_enabled()
    first = check(TEXT, config)
    assert first == check(TEXT, config)
    assert [(f.start, f.end) for f in first] == sorted((f.start, f.end) for f in first)
    spans = {f.rule: TEXT[f.start : f.end] for f in first}
    assert spans["style.textspeak"] == "xq"
    assert spans["reserved_information.marker"] == "información reservada"
    assert spans["personal.opinion"] == "Yo creo que"
    assert spans["spelling.unknown_word"] == "vacunacion"


def test_empty_text_has_no_findings() -> None:
    assert check("   \n", CheckerConfig.all_enabled()) == []


def test_long_text_and_mixed_scripts_do_not_crash() -> None:
    config = CheckerConfig.all_enabled()
    long_text = ("La vacunación será el lunes en el Centro Comunitario. " * 2000)[:100_000]
    assert isinstance(check(long_text, config), list)
    mixed = "Привет 你好 مرحبا 🙂👍🏽👨‍👩‍👧 İstanbul ß «vacunación» \u200b\ud800 x"
    for f in check(mixed, config):
        assert 0 <= f.start <= f.end <= len(mixed)


def test_finding_as_dict_is_the_public_shape() -> None:
    f = check(TEXT, CheckerConfig(categories={"style": RuleSetting(clauses=("a:1",))}))[0]
    assert list(f.as_dict()) == ["rule", "category", "severity", "start", "end", "message", "clauses"]


def test_config_refuses_unknown_keys_categories_rules_and_lexicons() -> None:
    with pytest.raises(ValidationError):
        CheckerConfig(categories={"nope": RuleSetting()})
    with pytest.raises(ValidationError):
        CheckerConfig(rules={"nope.rule": RuleSetting()})
    with pytest.raises(ValidationError):
        CheckerOptions(insult_lexicons=("no_such_lexicon",))
    with pytest.raises(ValidationError):
        CheckerOptions(unknown_option=1)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        RuleSetting(severity="fatal")  # type: ignore[arg-type]


def test_spam_window_is_a_typed_duration_never_a_bare_number() -> None:
    assert CheckerOptions(spam_window="14 days").spam_window == dt.timedelta(days=14)
    assert CheckerOptions(spam_window="48 hours").spam_window == dt.timedelta(hours=48)
    assert CheckerOptions(spam_window="P3D").spam_window == dt.timedelta(days=3)
    with pytest.raises(ValidationError):
        CheckerOptions(spam_window=7)


def test_options_round_trip_through_json() -> None:
    options = CheckerOptions(
        spam_window="10 days",
        electoral_periods=(ElectoralPeriod(name="P", kind="blackout", starts_on=dt.date(2027, 6, 3),
                                           ends_on=dt.date(2027, 6, 6)),),
    )
    again = CheckerOptions.model_validate_json(options.model_dump_json())
    assert again == options


def test_context_none_is_an_empty_context() -> None:
    config = CheckerConfig.all_enabled()
    assert check(TEXT, config, None) == check(TEXT, config, CheckContext())
