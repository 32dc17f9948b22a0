"""The checker section of a Policy: which rules run, how severe each is, which clauses each enforces,
and the thresholds and word lists the rules use. Loaded from the `[checker]` table of a preset TOML.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["block", "warn", "suggest"]

CATEGORIES = (
    "personal_data",
    "reserved_information",
    "style",
    "spelling",
    "clarity",
    "hashtag",
    "link",
    "spam",
    "respect",
    "relevance",
    "personal",
    "electoral",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RuleSetting(_Frozen):
    """Severity and clauses of a category, or of one rule ("<category>.<name>") overriding its category."""

    enabled: bool = True
    severity: Severity | None = None
    clauses: tuple[str, ...] = ()


class CheckerOptions(_Frozen):
    """Thresholds and word lists. Each option documents the rule that reads it."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class CheckerConfig(_Frozen):
    """categories: per-category default; rules: per-rule overrides; options: what the rules read."""

    categories: dict[str, RuleSetting] = Field(default_factory=dict)
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    options: CheckerOptions = Field(default_factory=CheckerOptions)
