from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .context import new_request_id, reset_request_id


class ContentSecurityPolicyMiddleware:
    """Sends the Content-Security-Policy header from settings (Django 5.2 has no built-in CSP)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response


class RequestIdMiddleware:
    """Gives each request one id, so its ledger events can be grouped."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = new_request_id()
        try:
            return self.get_response(request)
        finally:
            reset_request_id(token)


class SpanishFirstLocaleMiddleware:
    """Spanish (settings.LANGUAGE_CODE, es-MX) unless the user chose another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so an office machine set up in English
    would show Pregón in English. The institutions work in Spanish: only an explicit choice (the language cookie
    written by set_language) changes it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = settings.LANGUAGE_CODE
        if chosen:
            try:
                language = translation.get_supported_language_variant(chosen)
            except LookupError:
                language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        patch_vary_headers(response, ("Cookie",))
        return response


NUL = "\x00"


class RefuseNulMiddleware:
    """Refuses with a Spanish 400 any request whose query string, form fields or JSON body carry a NUL character.

    PostgreSQL cannot store or even compare text containing NUL, so such a value reaching a query is a server
    error there (SQLite would store it silently). No text a person types contains one: the request is refused as
    a whole and nothing is changed. Django's form fields refuse NUL too, but not the values a view reads from
    `request.GET` directly or an API schema. Uploaded files are not looked at (a spreadsheet holds NUL bytes).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._carries_nul(request):
            return self._refuse(request)
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request: HttpRequest) -> bool:
        if NUL in request.META.get("QUERY_STRING", "") or _any_nul(request.GET):
            return True
        if request.method not in ("POST", "PUT", "PATCH"):
            return False
        if request.content_type == "application/json":
            return b"\\u0000" in request.body or b"\x00" in request.body
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            return _any_nul(request.POST)
        return False

    @staticmethod
    def _refuse(request: HttpRequest) -> HttpResponse:
        message = translation.gettext(
            "La solicitud contiene un carácter nulo (\\0), que no se admite en ningún campo. No se cambió nada: "
            "escriba el texto de nuevo sin ese carácter."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"error": {"code": "NUL_CHARACTER", "message": message, "field": None}}, status=400)
        return render(request, "400.html", {"message": message}, status=400)


def _any_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())
