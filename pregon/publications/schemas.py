"""API input/output schemas of the publications app (one pair per endpoint, never shared)."""

from __future__ import annotations

import uuid

from ninja import Schema
from pydantic import Field


class CheckIn(Schema):
    institution: str = Field(min_length=1, max_length=64)
    text: str  # its length is checked by the service, which explains the limit in Spanish
    account: uuid.UUID | None = None
    platform: str | None = Field(default=None, min_length=1, max_length=32)


class CheckFindingOut(Schema):
    """One finding, in the shape of the `pregon check --jsonl` contract."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    clauses: list[str]


class CheckOut(Schema):
    findings: list[CheckFindingOut]
    policy_version: str
