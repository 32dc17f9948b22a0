"""Small helpers for the checker tests: run one category and look at rule ids and spans."""

from __future__ import annotations

from typing import Any

from pregon.checker import CheckContext, CheckerConfig, CheckerOptions, Finding, RuleSetting, check
from pregon.checker.config import OPT_IN_RULES


def run(category: str, text: str, ctx: CheckContext | None = None, **options: Any) -> list[Finding]:
    """Runs one category with every rule it has, its opt-in rules (OPT_IN_RULES) included."""
    config = CheckerConfig(
        categories={category: RuleSetting(severity="warn", clauses=(f"test:{category}",))},
        rules={r: RuleSetting() for r in OPT_IN_RULES if r.startswith(category + ".")},
        options=CheckerOptions(**options),
    )
    return check(text, config, ctx)


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def spans(text: str, findings: list[Finding], rule: str | None = None) -> list[str]:
    return [text[f.start : f.end] for f in findings if rule is None or f.rule == rule]
