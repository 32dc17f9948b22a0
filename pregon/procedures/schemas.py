"""API input/output schemas of the procedures app (one pair per endpoint, never shared)."""

from __future__ import annotations

import uuid
from datetime import datetime

from ninja import Schema
from pydantic import Field


class DeadlineOut(Schema):
    id: uuid.UUID
    due_at: datetime
    duration: str
    clauses: list[str]
    on_expiry: str
    responsible_role: str


class ConsultationListOut(Schema):
    id: uuid.UUID
    status: str
    account: str
    text: str
    asked_by: str
    created_at: datetime
    decided_at: datetime | None


class ConsultationCreateIn(Schema):
    text: str = Field(min_length=1, max_length=10000)
    question: str = Field(default="", max_length=4000)
    account: uuid.UUID | None = None
    submit: bool = True


class ConsultationCreateOut(Schema):
    id: uuid.UUID
    status: str
    findings: dict
    deadline: DeadlineOut | None


class ConsultationGetOut(Schema):
    id: uuid.UUID
    institution: str
    status: str
    account: str
    text: str
    question: str
    findings: dict
    asked_by: str
    decided_by: str | None
    decided_at: datetime | None
    reasons: str
    deadline: DeadlineOut | None
    available_actions: list[str]


class ConsultationTransitionIn(Schema):
    action: str = Field(min_length=1, max_length=64)
    reason: str = Field(default="", max_length=4000)


class ConsultationTransitionOut(Schema):
    id: uuid.UUID
    status: str
    deadline: DeadlineOut | None
    available_actions: list[str]
