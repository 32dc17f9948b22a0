"""The one pagination of Pregón: every list page and every API list goes through this module.

HTML pages — `paginate(request, queryset)` returns a `Paged`: the Django `Page` of the rows to show, plus the
request's other GET parameters (filters, sort) so that the links to other pages keep them. The template includes
the shared partial, which shows "Página N de M · T resultados" and the first / previous / next / last links::

    paged = paginate(request, selectors.account_list_visible_to(...))
    render(..., {"paged": paged, "accounts": paged.items})

    {% include "partials/_pagination.html" %}          {# reads `paged` from the context #}

A malformed or out-of-range `?page=` is not an error on a page: it shows the first page (not a whole number, or
below 1) or the last one (beyond the end).

API lists — the envelope, the same for every list endpoint::

    GET /api/v1/…?page=2&page_size=50        (both optional: page 1, 50 rows; page_size at most 200)

    200 {"items": [...], "count": 5000, "page": 2, "pages": 100, "page_size": 50}

`count` is the number of rows matching the filters (all pages), `pages` the number of pages (at least 1: an empty
list is page 1 of 1 with no items). A `page` or `page_size` that is not a whole number, is below 1, or a
`page_size` above 200, is refused by the schema (422, the API's validation error); a `page` beyond the last one
is refused with 422 and code `INVALID_PAGE` (field `page`). Nothing is ever a 500. In an endpoint::

    @router.get("/…", response=PageOut[ThingOut])
    def thing_list(request, filters: Query[ThingFiltersIn], paging: Query[PageIn]) -> dict:
        return api_page(selectors.thing_list_visible_to(...), paging, _thing_out)

The queryset must be ordered (a stable order makes pages disjoint) and must already join what `serialize` reads
(`select_related` / `prefetch_related`): the number of queries of a page is then three whatever the number of
rows — the count, the primary keys of the page, and those rows. Reading the keys first ("deferred join") keeps a
late page cheap: the database sorts and skips narrow rows (often straight from an index) and builds full rows,
joins included, for the 50 shown only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

from .errors import ApplicationError

PER_PAGE = 50
MAX_PAGE_SIZE = 200
PAGE_PARAM = "page"

T = TypeVar("T")


@dataclass(frozen=True)
class Paged:
    """One page of a list and the query string of the request without `page` (filters and sort to keep)."""

    page: Page
    query: str
    param: str = PAGE_PARAM

    @property
    def items(self) -> Sequence[Any]:
        return self.page.object_list

    @property
    def count(self) -> int:
        return self.page.paginator.count

    @property
    def number(self) -> int:
        return self.page.number

    @property
    def pages(self) -> int:
        return self.page.paginator.num_pages

    def url_for(self, number: int) -> str:
        """A relative URL ("?filters&page=N") to page `number` of the same list."""
        return f"?{self.query}&{self.param}={number}" if self.query else f"?{self.param}={number}"

    @property
    def first_url(self) -> str:
        return self.url_for(1)

    @property
    def last_url(self) -> str:
        return self.url_for(self.pages)

    @property
    def previous_url(self) -> str:
        return self.url_for(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self.url_for(self.page.next_page_number()) if self.page.has_next() else ""


class _KeysFirst:
    """A QuerySet seen by Paginator as a sequence whose slices read the page's primary keys first, then only
    those rows (in the same order)."""

    def __init__(self, queryset: QuerySet[Any]) -> None:
        self.queryset = queryset
        self.ordered = queryset.ordered

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Any]:
        keys = list(self.queryset.values_list("pk", flat=True)[key])
        if not keys:
            return []
        rows = {row.pk: row for row in self.queryset.order_by().filter(pk__in=keys)}
        return [rows[pk] for pk in keys if pk in rows]


def _sequence(rows: Any) -> Any:
    return _KeysFirst(rows) if isinstance(rows, QuerySet) else rows


def paginate(request: HttpRequest, queryset: Any, per_page: int = PER_PAGE, *, param: str = PAGE_PARAM) -> Paged:
    """The page of `queryset` the request asks for (`?page=N`), lenient: a malformed number or one below 1 shows
    the first page, one beyond the end the last page. Three queries (count, keys, rows). A page with two lists
    gives the second its own `param` (each list's links keep the other's page)."""
    paginator = Paginator(_sequence(queryset), per_page)
    try:
        number = max(int(request.GET.get(param, "")), 1)
    except ValueError:
        number = 1
    page = paginator.get_page(number)
    params = request.GET.copy()
    params.pop(param, None)
    return Paged(page=page, query=params.urlencode(), param=param)


class InvalidPage(ApplicationError):
    """An API page number beyond the last page."""

    code = "INVALID_PAGE"
    status = 422


class PageIn(Schema):
    """The paging query parameters of every API list."""

    page: int = Field(1, ge=1, description="Número de página, desde 1.")
    page_size: int = Field(PER_PAGE, ge=1, le=MAX_PAGE_SIZE, description="Filas por página (1 a 200).")


class PageOut(Schema, Generic[T]):
    """The envelope of every API list (see the module docstring)."""

    items: list[T]
    count: int
    page: int
    pages: int
    page_size: int


def api_page(queryset: Any, params: PageIn, serialize: Callable[[Any], T]) -> dict[str, Any]:
    """The envelope of page `params.page` of `queryset`, each row turned into its output schema by `serialize`.
    A page beyond the last raises InvalidPage (422) before any row is read."""
    paginator = Paginator(_sequence(queryset), params.page_size)
    if params.page > paginator.num_pages:
        raise InvalidPage(
            f"La página {params.page} no existe: la lista tiene {paginator.num_pages}.",
            extra={"field": "page", "pages": paginator.num_pages},
        )
    page = paginator.page(params.page)
    return {
        "items": [serialize(row) for row in page.object_list],
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "page_size": params.page_size,
    }
