"""The JSON API at /api/v1/ (django-ninja), OpenAPI at /api/v1/openapi.json.

Each app defines `router` in `<app>/api.py`; ROUTERS below mounts them. Endpoints call selectors and
services only. Errors have one shape, {"error": {"code", "message", "field"}} (+ "details"), always with a
4xx status, produced by the handlers here: nothing raised below an endpoint reaches a client as a 500.
"""

from __future__ import annotations

import importlib
import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import SessionAuth

from pregon.core.errors import ApplicationError

logger = logging.getLogger(__name__)

# (url prefix, module with a `router`) — add one line per app
ROUTERS: list[tuple[str, str]] = [
    ("/checker", "pregon.publications.api"),
    ("/procedures", "pregon.procedures.api"),
    ("/registry", "pregon.registry.api"),
]

api = NinjaAPI(
    title="Pregón API",
    version="1",
    urls_namespace="api",
    auth=SessionAuth(),
    docs_url="/docs",
)


def _error(request: HttpRequest, message: str, code: str, status: int, field: str = "",
           details: dict | None = None) -> HttpResponse:
    """The API's one error shape: {"error": {"code", "message", "field"}} (+ "details" when there is more)."""
    body: dict = {"code": code, "message": message, "field": field or None}
    if details:
        body["details"] = details
    return api.create_response(request, {"error": body}, status=status)


@api.exception_handler(ApplicationError)
def _application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    extra = dict(exc.extra or {})
    field = str(extra.pop("field", "") or "")
    errors = extra.get("errors")
    if not field and isinstance(errors, dict):
        field = next((k for k in errors if k != "__all__"), "")
    return _error(request, str(exc.message), exc.code, exc.status, field, extra)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, str(exc) or gettext("No encontrado."), "NOT_FOUND", 404)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, gettext("Inicie sesión para usar esta API."), "UNAUTHENTICATED", 401)


def _field_of(loc: list) -> str:
    """The input field an error is about: ("body", "payload", "area") -> "area"; ("query", "page") -> "page";
    ("path", "public_id") -> "public_id"."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie", "form"):
        source = parts.pop(0)
        if source == "body" and len(parts) > 1:
            parts.pop(0)  # the endpoint's parameter name
    return parts[0] if parts else ""


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    from pregon.procedures.inputs import spanish_errors

    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        name = _field_of(list(error.get("loc", ()))) or "__all__"
        errors.setdefault(name, []).extend(next(iter(spanish_errors([error]).values())))  # one error, one key
    field = next(iter(errors), "")
    message = errors[field][0] if field else gettext("Datos inválidos.")
    if field == "__all__":
        field = ""
    elif field:
        message = gettext("%(field)s: %(message)s") % {"field": field, "message": message}
    return _error(request, message, "VALIDATION_ERROR", 422, field, {"errors": errors})


@api.exception_handler(DjangoValidationError)
def _model_invalid(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    field = next((k for k in errors if k != "__all__"), "")
    message = " ".join(str(m) for values in errors.values() for m in values)
    return _error(request, message, "VALIDATION_ERROR", 422, field, {"errors": errors})


@api.exception_handler(ValueError)
def _value_error(request: HttpRequest, exc: ValueError) -> HttpResponse:
    logger.info("API input refused by a ValueError: %s", exc)
    return _error(request, gettext("Datos inválidos."), "INVALID_VALUE", 422)


def mount_routers() -> None:
    for prefix, module in ROUTERS:
        api.add_router(prefix, importlib.import_module(module).router)


mount_routers()


def urls() -> tuple[list, str, str]:
    """api.urls with LoginRequiredMiddleware turned off: the API answers 401 JSON itself (SessionAuth),
    and public endpoints declare auth=None."""
    from django.contrib.auth.decorators import login_not_required
    from django.urls import URLPattern, URLResolver

    patterns, app_name, namespace = api.urls

    def _walk(items: list) -> None:
        for item in items:
            if isinstance(item, URLPattern):
                item.callback = login_not_required(item.callback)
            elif isinstance(item, URLResolver):
                _walk(item.url_patterns)

    _walk(patterns)
    return patterns, app_name, namespace
