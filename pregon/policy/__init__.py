"""Per-institution policies: a typed schema, one preset per norm, overrides, clause references.

Pure Python (no Django). Other code asks `pregon.institutions.policies.policy_for(institution)`,
which calls `resolve()` here; nothing else reads the preset files.
"""

from .loader import PolicyError, check_all, load_preset, merge, parse_overrides, preset_data, preset_names, resolve
from .schema import POLICY_CHOICE, RANK_ORDER, Duration, Policy

__all__ = [
    "POLICY_CHOICE",
    "RANK_ORDER",
    "Duration",
    "Policy",
    "PolicyError",
    "check_all",
    "load_preset",
    "merge",
    "parse_overrides",
    "preset_data",
    "preset_names",
    "resolve",
]
