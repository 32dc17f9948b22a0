"""A refusal raised anywhere below a page is a Spanish 4xx page, never a 500.

Views catch the errors they expect and re-render their form; this middleware is the net under them for the ones
they don't: an `ApplicationError` (its own status: 403, 404, 409, 422…), a Django `ValidationError` (400) or a
`ValueError` from parsing what the user sent (400). The response is the `4xx.html` page with the message; every
write runs inside its service's transaction, so a refusal leaves nothing half done. The API has its own
handlers (pregon/api/__init__.py) and is left alone here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from .errors import ApplicationError

logger = logging.getLogger(__name__)


def _message(exc: Exception) -> str:
    if isinstance(exc, ApplicationError):
        return str(exc.message)
    if isinstance(exc, ValidationError):
        return " ".join(str(m) for m in exc.messages) or gettext("Los datos enviados no son válidos.")
    return gettext("Los datos enviados no son válidos.")


class ErrorPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if request.path.startswith("/api/") or not isinstance(exc, ApplicationError | ValidationError | ValueError):
            return None
        if isinstance(exc, DjangoPermissionDenied | Http404):
            return None  # Django's own 403.html / 404.html ("acceso denegado", "no encontrada") say it better
        status = exc.status if isinstance(exc, ApplicationError) else 400
        logger.info("%s refused with %s: %s", request.path, status, exc)
        return render(request, "4xx.html", {"message": _message(exc), "status": status}, status=status)
