"""Compliance checker for post texts (pure Python, no Django).

    from pregon.checker import check
    findings = check(text, policy, context)   # policy: a Policy (uses .checker) or a CheckerConfig
"""

from pregon.checker.config import CheckerConfig, CheckerOptions, RuleSetting
from pregon.checker.engine import check
from pregon.checker.types import ArchivedPost, Campaign, CheckContext, Finding, Hit

__all__ = ["ArchivedPost", "Campaign", "CheckContext", "CheckerConfig", "CheckerOptions", "Finding", "Hit",
           "RuleSetting", "check"]
