"""No 500s, ever: every page reachable from the home page, as every demo role of every seed institution, and every
form and filter of those pages fed hostile input.

The demo (`manage.py demo_load`: the five seed institutions with their accounts, procedures and publications) is
loaded once for the module inside a transaction that is rolled back at the end; each test's own writes are rolled
back after it. Each user starts at the home page and follows every same-site link of the pages it gets (GET only,
breadth first). Links to the same view with the same query-string keys are visited once per user, not once per
row, so a long list costs no more than a short one; a hard cap bounds each crawl. Then each form found (POST and
GET) is submitted with hostile values (empty, very long text, impossible dates, huge numbers, choices that do not
exist, malformed ids), each page gets bad values for the usual filter parameters (as a full page and as the htmx
fragment), and each id in a URL is replaced by a malformed one (a 404). A form or page already fuzzed by an earlier
user is not fuzzed again. NUL characters are refused before any view (tests/test_no_server_errors.py). Any 5xx
fails the test with the URL, the user and the exception.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import StringIO
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlsplit

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from pregon.demo.management.commands.demo_load import MULTI_USERNAME, SEEDS, SUPERUSER_USERNAME
from pregon.institutions.choices import Role

# Same view, same query keys: this many instances are visited per user (rows of a list, years of the calendar…).
VISITS_PER_SHAPE = 1
# A hard bound on one user's crawl, whatever the pages link to.
MAX_PAGES_PER_USER = 90
# Links not followed: they act (logout, language).
SKIP_PREFIXES = ("/salir/", "/i18n/")
# The Django admin's own pages (the superuser's): a bounded sample, and its forms are not fuzzed.
ADMIN_PREFIX = "/admin/"
MAX_ADMIN_PAGES = 25
HTML = "text/html"
REDIRECTS = (301, 302, 303, 307, 308)
REFUSED = (403, 404, 405)

# One user per role of each institution, the user with roles in two institutions (the switcher) and a superuser.
USERS = [f"{seed.slug}.{role}" for seed in SEEDS for role in Role.values] + [MULTI_USERNAME, SUPERUSER_USERNAME]

# Hostile values.
LONG = "x" * 100_000
BAD_DATES = ("2026-02-30", "2026-13-45", "99999-01-01", "9999-12-31", "0001-01-01")
BAD_NUMBERS = ("99999999999999999999999999", "-1", "1e309", "abc")
BAD_CHOICE = "no-existe"
BAD_QUERY = {
    "area": "abc", "estado": "no-existe", "status": "no-existe", "page": "-1", "platform": "no-existe",
    "cuenta": "no-es-un-id", "tier": "x", "kind": "x", "sort": "no-existe", "q": "<script>' OR 1=1 --",
    "anio": "99999999999999999999", "format": "exe", "categoria": "x", "gravedad": "x", "token": "x" * 300,
    "start": "9999-12-31T23:59", "amount": "-1", "unit": "x", "dia_fecha": "2026-02-30", "tipo": "x", "rol": "x",
}
HUGE = "99999999999999999999"
HTMX = {"HX-Request": "true", "HX-Target": "main"}
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
BAD_IDS = ("no-es-un-id", "00000000-0000-0000-0000-000000000000", "12345678-1234-1234-1234-12345678")
TEXT_TYPES = {"text", "textarea", "search", "email", "url", "tel", "password", ""}
DATE_TYPES = {"date", "datetime-local", "month", "time"}


@dataclass
class Field:
    name: str
    kind: str  # the input type, "textarea" or "select"
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False


@dataclass
class Form:
    method: str
    action: str
    fields: list[Field] = field(default_factory=list)

    def defaults(self) -> dict[str, Any]:
        """What a person submitting the form unchanged would send (plausible values in the empty fields)."""
        data: dict[str, Any] = {}
        for f in self.fields:
            if f.kind in ("checkbox", "radio"):
                if f.checked or (f.kind == "radio" and f.name not in data):
                    data[f.name] = f.value or "on"
            elif f.kind == "select":
                data[f.name] = f.value or next((o for o in f.options if o), "")
            elif f.kind == "file":
                data[f.name] = "file"
            elif f.kind in ("submit", "button", "reset", "image"):
                continue
            else:
                data[f.name] = f.value or _plausible(f)
        return data


def _plausible(f: Field) -> str:
    return {
        "date": "2026-03-02", "datetime-local": "2026-03-02T10:00", "number": "1", "email": "prueba@example.gob.mx",
        "url": "https://example.org/prueba", "time": "10:00", "month": "2026-03",
    }.get(f.kind, "prueba")


class _Page(HTMLParser):
    """The links (<a href>) and forms of a page."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.hrefs: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        elif tag == "form":
            self._form = Form(method=(a.get("method") or "get").lower(), action=a.get("action") or self.url)
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))
            if "selected" in a:
                self._select.value = a.get("value", "")
        elif self._form is None or not a.get("name"):
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            self._form.fields.append(Field(a["name"], kind, a.get("value", ""), checked="checked" in a))
        elif tag == "textarea":
            self._form.fields.append(Field(a["name"], "textarea"))
        elif tag == "select":
            self._select = Field(a["name"], "select")
            self._form.fields.append(self._select)
        elif tag == "button" and (a.get("type") or "submit") == "submit":
            self._form.fields.append(Field(a["name"], "submit", a.get("value", "")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _same_site(href: str) -> str | None:
    """The path and query of a same-site link, or None for another site, a fragment, mailto: or javascript:."""
    href, _ = urldefrag(href.strip())
    if not href:
        return None
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and parts.netloc != "testserver":
        return None
    if not parts.path.startswith("/"):
        return None  # the pages link with absolute paths; a relative one would be resolved against the page
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _view(path: str) -> str:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return path
    return match.view_name or match.route


def _action(path: str) -> tuple[str, ...]:
    """The view and its arguments other than the institution and ids: the same form in every institution."""
    try:
        match = resolve(path)
    except Resolver404:
        return (path,)
    rest = (f"{k}={v}" for k, v in sorted(match.kwargs.items()) if k != "institution" and not UUID_RE.match(str(v)))
    return (match.view_name, *rest)


def _shape(url: str) -> tuple[str, tuple[str, ...]]:
    """The view a URL resolves to and the names of its query parameters."""
    query = urlsplit(url).query
    return _view(url), tuple(sorted({key for key, _ in parse_qsl(query, keep_blank_values=True)}))


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The whole demo, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo_load", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def server_errors() -> Iterator[list[str]]:
    """The exceptions raised while handling requests during one test."""
    errors: list[str] = []

    def record(sender: Any, request: Any = None, **kwargs: Any) -> None:
        exc = sys.exc_info()[1]
        errors.append(f"  {getattr(request, 'path', '?')}: {type(exc).__name__}: {str(exc)[:300]}")

    got_request_exception.connect(record, weak=False)
    yield errors
    got_request_exception.disconnect(record)


@dataclass
class Crawl:
    client: Client
    failures: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # the HTML pages that answered 200
    forms: list[Form] = field(default_factory=list)

    def get(self, url: str, data: dict[str, Any] | None = None, what: str = "", **headers: str) -> Any:
        response = self.client.get(url, data, headers=headers)
        if response.status_code >= 500:
            self.failures.append(f"{response.status_code} at GET {url} {what}".rstrip())
        return response

    def post(self, url: str, data: dict[str, Any], what: str) -> Any:
        files = {k: SimpleUploadedFile("prueba.csv", b"\x00\xff\xfe basura") for k, v in data.items() if v == "file"}
        response = self.client.post(url, {**data, **files})
        if response.status_code >= 500:
            self.failures.append(f"{response.status_code} at POST {url} ({what})")
        return response


def crawl(client: Client, start: str = "/", visits_per_shape: int = VISITS_PER_SHAPE) -> Crawl:
    """Breadth-first GET crawl from `start`: the 5xx found, the HTML pages and the forms on them."""
    result = Crawl(client)
    seen: set[str] = {start}
    shapes: dict[tuple[str, tuple[str, ...]], int] = {}
    queue: deque[str] = deque([start])
    visited = admin_visited = 0
    while queue and visited < MAX_PAGES_PER_USER:
        url = queue.popleft()
        if url.startswith(ADMIN_PREFIX):
            if admin_visited >= MAX_ADMIN_PAGES:
                continue
            admin_visited += 1
        visited += 1
        response = result.get(url)
        if response.status_code in REDIRECTS:
            location = _same_site(response["Location"])
            if location and location not in seen:
                seen.add(location)
                queue.append(location)
            continue
        if response.status_code != 200 or not response.get("Content-Type", "").startswith(HTML):
            continue  # a download (CSV, ICS, ZIP…), a 4xx or a 5xx (recorded): nothing to follow
        page = _Page(url)
        page.feed(response.content.decode(response.charset or "utf-8", errors="replace"))
        result.pages.append(url)
        if not url.startswith(ADMIN_PREFIX):
            result.forms.extend(f for f in page.forms if not f.action.startswith(SKIP_PREFIXES))
        for href in page.hrefs:
            link = _same_site(href)
            if link is None or link in seen or link.startswith(SKIP_PREFIXES):
                continue
            shape = _shape(link)
            if shapes.get(shape, 0) >= visits_per_shape:
                continue
            shapes[shape] = shapes.get(shape, 0) + 1
            seen.add(link)
            queue.append(link)
    return result


def _variants(form: Form) -> Iterator[tuple[str, dict[str, Any]]]:
    """The form's defaults with one kind of field made hostile at a time (the other fields stay plausible, so the
    hostile value reaches whatever parses it after the form)."""
    defaults = form.defaults()
    by_kind: dict[str, list[str]] = {}
    for f in form.fields:
        by_kind.setdefault(f.kind, []).append(f.name)

    def replace(kinds: set[str], value: Callable[[str], str]) -> dict[str, Any]:
        names = {n for k in kinds for n in by_kind.get(k, [])}
        return {k: (value(k) if k in names else v) for k, v in defaults.items()} | {n: value(n) for n in names}

    yield "sin cambios", defaults
    yield "vacío", {k: "" for k in defaults if k != "csrfmiddlewaretoken"}
    if TEXT_TYPES & by_kind.keys():
        yield "texto larguísimo", replace(TEXT_TYPES, lambda _: LONG)
    dates = DATE_TYPES & by_kind.keys()
    for bad in BAD_DATES if dates else ():
        yield f"fecha {bad}", replace(dates, lambda n, bad=bad: bad + ("T10:00" if n in by_kind.get(
            "datetime-local", []) else ""))
    for bad in BAD_NUMBERS if "number" in by_kind else ():
        yield f"número {bad}", replace({"number"}, lambda _, bad=bad: bad)
    if {"select", "radio", "hidden", "checkbox"} & by_kind.keys():
        yield "opción inexistente", replace({"select", "radio", "hidden", "checkbox"}, lambda _: BAD_CHOICE)
        yield "id mal formado", replace({"select", "radio", "hidden"}, lambda _: BAD_IDS[2])


def _fuzz_forms(result: Crawl, done: set[tuple[Any, ...]]) -> None:
    """Each form (the same action and fields, wherever it appears) is fuzzed once, by the first user it accepts."""
    for form in result.forms:
        path = urlsplit(form.action).path
        key = ("form", form.method, _action(path), tuple(sorted(f.name for f in form.fields)))
        if key in done:
            continue
        accepted = False
        for what, data in _variants(form):
            if form.method == "post":
                response = result.post(form.action, data, what)
            else:
                response = result.get(path, {k: v for k, v in data.items() if v != "file"}, what=f"({what})")
            if what == "sin cambios":
                accepted = response.status_code not in REFUSED
        if accepted:  # else not this user's form: another user will fuzz it again
            done.add(key)


def _fuzz_urls(result: Crawl, done: set[tuple[Any, ...]]) -> None:
    """Bad filter values on every page, and malformed ids in every URL that takes one (once per view)."""
    for url in result.pages:
        if url.startswith(ADMIN_PREFIX):
            continue
        view = _view(url)
        path = urlsplit(url).path
        if ("query", view) not in done:
            response = result.get(path, BAD_QUERY, what="(parámetros inválidos)")
            if response.status_code not in REFUSED:
                done.add(("query", view))
                result.get(path, {"page": HUGE}, what=f"(page={HUGE})")
                # htmx asks for the fragment of the same view (is_htmx_partial): it must render on its own too
                result.get(url, what="(htmx)", **HTMX)
                result.get(path, BAD_QUERY, what="(htmx, parámetros inválidos)", **HTMX)
        if UUID_RE.search(path) and ("id", view) not in done:
            done.add(("id", view))
            for bad in BAD_IDS:
                response = result.get(UUID_RE.sub(bad, path, count=1), what="(id mal formado)")
                if response.status_code != 404:
                    result.failures.append(f"{response.status_code}, not 404, at GET {UUID_RE.sub(bad, path)}")


# What was already fuzzed, by any user of the module: ("form", method, action, fields), ("query", view), ("id", view).
FUZZED: set[tuple[Any, ...]] = set()


@pytest.mark.parametrize("username", USERS)
def test_no_page_reachable_from_the_home_page_answers_a_server_error(
    username: str, demo: None, db: None, server_errors: list[str]
) -> None:
    user = get_user_model().objects.get(username=username)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    result = crawl(client)
    assert len(result.pages) > 3, f"{username}: the crawl reached only {result.pages}"
    _fuzz_urls(result, FUZZED)
    _fuzz_forms(result, FUZZED)
    assert not result.failures, f"{username} got server errors:\n" + "\n".join(result.failures + server_errors)


# Who sees every procedure of the institution, those the tick decided included.
EXPIRY_ROLES = (Role.COMMS,)


@pytest.mark.parametrize("institution", [seed.slug for seed in SEEDS])
def test_after_every_deadline_of_the_demo_expired_no_page_answers_a_server_error(
    institution: str, demo: None, db: None, server_errors: list[str]
) -> None:
    """A year later, after `pregon tick`, every pending step of the demo has been decided by silence or marked
    overdue by nobody (no `decided_by`): the pages that show who decided must still render."""
    with time_machine.travel(timezone.now() + dt.timedelta(days=400), tick=False):
        call_command("tick", stdout=StringIO())
        failures: list[str] = []
        for role in EXPIRY_ROLES:
            client = Client(raise_request_exception=False)
            client.force_login(get_user_model().objects.get(username=f"{institution}.{role}"))
            failures += [f"{role}: {failure}" for failure in crawl(client, visits_per_shape=4).failures]
    assert not failures, f"{institution} after the tick:\n" + "\n".join(failures + server_errors)


def test_nobody_logged_in_meets_no_server_error_on_the_public_pages_and_the_login_form(
    demo: None, db: None, server_errors: list[str]
) -> None:
    result = crawl(Client(raise_request_exception=False))
    assert result.forms, "the login page has its form"
    _fuzz_urls(result, set())
    _fuzz_forms(result, set())
    assert not result.failures, "anonymous visitor got server errors:\n" + "\n".join(result.failures + server_errors)
