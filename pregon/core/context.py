"""The request id that groups every ledger event written while serving one HTTP request or task."""

from __future__ import annotations

import contextvars
import uuid

_request_id: contextvars.ContextVar[uuid.UUID | None] = contextvars.ContextVar("pregon_request_id", default=None)


def current_request_id() -> uuid.UUID:
    value = _request_id.get()
    if value is None:
        value = uuid.uuid4()
        _request_id.set(value)
    return value


def new_request_id() -> contextvars.Token:
    return _request_id.set(uuid.uuid4())


def reset_request_id(token: contextvars.Token) -> None:
    _request_id.reset(token)
