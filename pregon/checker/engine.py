"""The checker engine: run the detectors the policy enables and turn their hits into findings.

The registry maps each category to the module holding its detector, `detect(text, ctx, options) -> list[Hit]`
(STYLE §2.5: rule types registered by name in code, never by a dotted path in a file). Detectors are
imported on first use, so `pregon check` starts fast. Every category has its module: a missing or broken one is an
error, never a silently skipped category.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

from pregon.checker.config import CATEGORIES, CheckerConfig, CheckerOptions, RuleSetting
from pregon.checker.types import CheckContext, Finding, Hit

Detector = Callable[[str, CheckContext, CheckerOptions], list[Hit]]

# category -> module with its `detect` function
REGISTRY: dict[str, str] = {
    "personal_data": "pregon.checker.rules.personal_data",  # detect(text, ctx): written separately
    "reserved_information": "pregon.checker.rules.reserved_information",
    "style": "pregon.checker.rules.style",
    "spelling": "pregon.checker.rules.spelling",
    "clarity": "pregon.checker.rules.clarity",
    "hashtag": "pregon.checker.rules.hashtag",
    "link": "pregon.checker.rules.link",
    "spam": "pregon.checker.rules.spam",
    "respect": "pregon.checker.rules.respect",
    "relevance": "pregon.checker.rules.relevance",
    "personal": "pregon.checker.rules.personal",
    "electoral": "pregon.checker.rules.electoral",
}
assert set(REGISTRY) == set(CATEGORIES)

EMPTY_CONTEXT = CheckContext()
_detectors: dict[str, Detector] = {}


def detector_for(category: str) -> Detector:
    """The category's detector, adapted to (text, ctx, options)."""
    if category in _detectors:
        return _detectors[category]
    raw: Callable[..., list[Hit]] = importlib.import_module(REGISTRY[category]).detect
    fn: Detector
    if len(inspect.signature(raw).parameters) == 2:  # detect(text, ctx): needs no options

        def fn(text: str, ctx: CheckContext, options: CheckerOptions, _raw: Any = raw) -> list[Hit]:
            return _raw(text, ctx)

    else:
        fn = raw
    _detectors[category] = fn
    return fn


class _Plan:
    """What one CheckerConfig runs: the detectors of its categories and a memo of rule settings."""

    __slots__ = ("config", "detectors", "settings")

    def __init__(self, config: CheckerConfig) -> None:
        self.config = config
        self.detectors: list[tuple[str, Detector]] = []
        for category in CATEGORIES:
            if config.category_may_run(category):
                self.detectors.append((category, detector_for(category)))
        self.settings: dict[str, RuleSetting] = {}

    def setting(self, rule: str) -> RuleSetting:
        s = self.settings.get(rule)
        if s is None:
            s = self.settings[rule] = self.config.setting_for(rule)
        return s


_plans: dict[int, _Plan] = {}


def _plan_for(config: CheckerConfig) -> _Plan:
    plan = _plans.get(id(config))
    if plan is None or plan.config is not config:
        if len(_plans) > 64:
            _plans.clear()
        plan = _plans[id(config)] = _Plan(config)
    return plan


def config_of(policy: Any) -> CheckerConfig:
    """A CheckerConfig itself, or the `.checker` of a Policy (or anything shaped like one)."""
    if isinstance(policy, CheckerConfig):
        return policy
    checker = getattr(policy, "checker", None)
    if isinstance(checker, CheckerConfig):
        return checker
    raise TypeError("policy debe ser un CheckerConfig o un objeto con atributo .checker: CheckerConfig")


def check(text: str, policy: Any, context: CheckContext | None = None) -> list[Finding]:
    """Check one post. Findings are sorted by (start, end, rule) and deterministic for the same inputs.

    `policy` is a Policy (its `.checker` is used) or a CheckerConfig. `context` carries the institution's data
    (domains, allow-list, campaigns, archive, publication instant); rules that need a date (campaigns, electoral
    periods, the spam window) use `context.now` and are skipped or unbounded without it.
    """
    if not isinstance(text, str):
        raise TypeError(f"text debe ser str, no {type(text).__name__}")
    config = config_of(policy)
    if not text.strip():
        return []
    ctx = context if context is not None else EMPTY_CONTEXT
    plan = _plan_for(config)
    options = config.options
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for category, fn in plan.detectors:
        for hit in fn(text, ctx, options):
            setting = plan.setting(hit.rule)
            if not setting.enabled:
                continue
            key = (hit.rule, hit.start, hit.end)
            if key in seen:
                continue
            seen.add(key)
            findings.append(
                Finding(
                    rule=hit.rule,
                    category=hit.rule.split(".", 1)[0] if "." in hit.rule else category,
                    severity=setting.severity or "warn",
                    start=hit.start,
                    end=hit.end,
                    message=hit.message,
                    clauses=setting.clauses,
                )
            )
    findings.sort(key=lambda f: (f.start, f.end, f.rule, f.message))
    return findings
