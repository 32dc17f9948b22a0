"""Errors below a page or an endpoint reach the user as a Spanish 4xx, never a 500 (the net under the views)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import RequestFactory

from pregon.core.error_pages import ErrorPageMiddleware
from pregon.core.errors import InvalidTransition


def _middleware_answer(exc: Exception, path: str = "/i/rosarito/tramites/") -> HttpResponse | None:
    request = RequestFactory().get(path)
    request.user = get_user_model().objects.get_or_create(username="error-pages")[0]
    from django.contrib.messages.storage.fallback import FallbackStorage

    request.session = {}
    request._messages = FallbackStorage(request)
    return ErrorPageMiddleware(lambda r: HttpResponse())(request) and ErrorPageMiddleware(
        lambda r: HttpResponse()).process_exception(request, exc)


@pytest.mark.django_db
@pytest.mark.parametrize(("exc", "status", "text"), [
    (ValueError("invalid literal for int() with base 10: 'x'"), 400, "Los datos enviados no son válidos."),
    (ValidationError("La fecha no existe."), 400, "La fecha no existe."),
    (InvalidTransition("El trámite ya está cerrado."), 409, "El trámite ya está cerrado."),
])
def test_a_refusal_below_a_page_is_a_spanish_4xx_page(exc: Exception, status: int, text: str) -> None:
    response = _middleware_answer(exc)
    assert response is not None and response.status_code == status
    body = response.content.decode()
    assert text in body and "No se cambió nada" in body
    assert "invalid literal" not in body  # no Python internals on the page


@pytest.mark.django_db
def test_other_errors_and_the_api_are_left_to_their_own_handlers() -> None:
    from pregon.institutions.access import InstitutionNotFound, RoleRequired

    assert _middleware_answer(KeyError("x")) is None
    # a wrong role or an unknown institution keep Django's 403 / 404 pages ("Acceso denegado", "no encontrada")
    assert _middleware_answer(RoleRequired("Su rol no le permite esta acción.")) is None
    assert _middleware_answer(InstitutionNotFound("No existe.")) is None
    assert _middleware_answer(ValueError("x"), path="/api/v1/registry/x/accounts") is None
