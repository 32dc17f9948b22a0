"""API input/output schemas of the registry: one …In / …Out per endpoint, never shared (STYLE §2.7)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field


class AccountListOut(Schema):
    id: uuid.UUID
    platform: str
    handle: str
    url: str
    display_name: str
    area: str
    tier: str
    kind: str
    status: str
    closed_on: dt.date | None = None


class AccountListFiltersIn(Schema):
    platform: str = ""
    tier: str = ""
    kind: str = ""
    status: str = ""
    area: str = ""
    q: str = ""
    sort: Literal["", "cuenta", "area", "situacion", "recientes"] = Field(
        "", description="Orden: '' (red social y tipo), cuenta, area, situacion o recientes."
    )


class AccountGetAdministratorOut(Schema):
    id: uuid.UUID
    official: str
    role: str
    starts_on: dt.date
    ends_on: dt.date | None = None


class AccountGetViolationOut(Schema):
    code: str
    message: str
    clauses: list[str]


class AccountGetOut(Schema):
    id: uuid.UUID
    platform: str
    handle: str
    url: str
    platform_account_id: str
    display_name: str
    area: str
    tier: str
    kind: str
    status: str
    email: str
    verification: str
    attention_hours: str
    holiday_notice: str
    opened_on: dt.date | None = None
    last_activity_on: dt.date | None = None
    closed_on: dt.date | None = None
    administrators: list[AccountGetAdministratorOut]
    violations: list[AccountGetViolationOut]


class AccountRegisterIn(Schema):
    url: str = Field(max_length=500, description="URL del perfil o @usuario (con `platform`)")
    platform: str = Field("", description="slug de la red social; sólo hace falta con @usuario")
    display_name: str = Field(max_length=255)
    area: uuid.UUID
    tier: str = "main"
    kind: str = "official"
    email: str = ""
    platform_account_id: str = ""
    opened_on: dt.date | None = None
    attention_hours: str = ""
    holiday_notice: str = ""
    purpose: str = ""


class AccountRegisterOut(Schema):
    id: uuid.UUID
    platform: str
    handle: str
    url: str
    status: str


class AdministratorAssignIn(Schema):
    official: uuid.UUID
    role: str = Field(description="primary | alternate")
    starts_on: dt.date | None = None
    reason: str = ""


class AdministratorAssignOut(Schema):
    id: uuid.UUID
    account: uuid.UUID
    official: str
    role: str
    starts_on: dt.date
    violations: list[AccountGetViolationOut]
