"""The JSON API at /api/v1/ (django-ninja), OpenAPI at /api/v1/openapi.json.

Each app defines `router` in `<app>/api.py`; ROUTERS below mounts them. Endpoints call selectors and
services only. Errors have one shape, {"message", "code", "extra"}, produced by the handlers here.
"""

from __future__ import annotations

import importlib

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import SessionAuth

from pregon.core.errors import ApplicationError

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


def _error(request: HttpRequest, message: str, code: str, status: int, extra: dict | None = None) -> HttpResponse:
    return api.create_response(request, {"message": message, "code": code, "extra": extra or {}}, status=status)


@api.exception_handler(ApplicationError)
def _application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    return _error(request, str(exc.message), exc.code, exc.status, exc.extra)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, "No encontrado.", "NOT_FOUND", 404)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, "Inicie sesión para usar esta API.", "UNAUTHENTICATED", 401)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _error(request, "Datos inválidos.", "VALIDATION_ERROR", 422, {"errors": exc.errors})


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
