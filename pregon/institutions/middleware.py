"""Reads answer their role questions from one load of the user's memberships.

A page asks "which roles does this user hold here?" many times — once per procedure kind for the index and the
account page, once per row's guard for "Mis pendientes" —, each a query. For GET and HEAD requests (reads: they
grant or end no role) the whole request runs inside `access_memo()`, so each user's memberships in force are loaded
once. Writes are never memoised, so a role granted or ended in the middle of one is always seen.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .access import access_memo

READS = frozenset({"GET", "HEAD"})


class AccessMemoMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in READS:
            return self.get_response(request)
        with access_memo():
            return self.get_response(request)
