"""The one error type services raise for a refused action, with a stable code.

Views turn it into a message (Spanish in the UI) and its status, the API into {"error": {"code", "message",
"field"}} with its status (pregon/api/__init__.py).
"""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """A refused action: wrong role, wrong state, invalid input. Nothing was changed."""

    code: str = "APPLICATION_ERROR"
    status: int = 400

    def __init__(self, message: str, *, code: str | None = None, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.extra = extra or {}

    def as_dict(self) -> dict[str, Any]:
        return {"message": str(self.message), "code": self.code, "extra": self.extra}


class PermissionDenied(ApplicationError):
    code = "PERMISSION_DENIED"
    status = 403


class NotFound(ApplicationError):
    code = "NOT_FOUND"
    status = 404


class InvalidTransition(ApplicationError):
    code = "INVALID_TRANSITION"
    status = 409
