"""Personas shared by every test (STYLE §2.12). Keep this file small.

Institution A is Playas de Rosarito (MX), institution B is Pasto (CO). Each persona is a User holding one role.
Log one in with `client.force_login(comms_a)`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pregon.institutions.choices import Role
from pregon.institutions.policies import clear_policy_cache
from pregon.institutions.tests.factories import InstitutionFactory, MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_policy_cache() -> Iterator[None]:
    clear_policy_cache()
    yield
    clear_policy_cache()


@pytest.fixture(autouse=True, scope="session")
def _sqlite_flush_lifts_ledger_guard() -> Iterator[None]:
    """SQLite has no TRUNCATE: Django's flush (after transactional tests, live_server) DELETEs every row, which the
    ledger's append-only trigger refuses. In the test process only, the flush drops the triggers, deletes, and
    re-creates them, using the migration's own SQL."""
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    from django.db.backends.sqlite3.base import DatabaseOperations

    triggers = importlib.import_module("pregon.ledger.migrations.0002_append_only_triggers")
    original = DatabaseOperations.sql_flush

    def sql_flush(self: Any, style: Any, tables: Any, **kwargs: Any) -> list[str]:
        statements = original(self, style, tables, **kwargs)
        if "ledger_event" not in tables:
            return statements
        return [*triggers.SQLITE_DROP, *statements, *triggers.SQLITE_CREATE]

    DatabaseOperations.sql_flush = sql_flush  # type: ignore[method-assign]
    yield
    DatabaseOperations.sql_flush = original  # type: ignore[method-assign]


@pytest.fixture
def institution_a(db: None) -> Any:
    return InstitutionFactory(
        slug="rosarito",
        name="H. Ayuntamiento de Playas de Rosarito",
        short_name="Rosarito",
        country="MX",
        subdivision="BCN",
        timezone="America/Tijuana",
        policy_preset="rosarito",
    )


@pytest.fixture
def institution_b(db: None) -> Any:
    return InstitutionFactory(
        slug="pasto",
        name="Alcaldía de Pasto",
        short_name="Pasto",
        country="CO",
        subdivision="NAR",
        timezone="America/Bogota",
        policy_preset="pasto",
    )


def _persona(username: str, institution: Any, role: str) -> Any:
    user = UserFactory(username=username)
    MembershipFactory(user=user, institution=institution, role=role)
    return user


@pytest.fixture
def comms_a(institution_a: Any) -> Any:
    """Comunicación Social of A."""
    return _persona("comunicacion_a", institution_a, Role.COMMS)


@pytest.fixture
def admin_a(institution_a: Any) -> Any:
    """An account administrator of A."""
    return _persona("admin_a", institution_a, Role.ACCOUNT_ADMIN)


@pytest.fixture
def admin_b(institution_b: Any) -> Any:
    """An account administrator of B (sees nothing of A)."""
    return _persona("admin_b", institution_b, Role.ACCOUNT_ADMIN)


@pytest.fixture
def auditor_a(institution_a: Any) -> Any:
    """Contraloría of A: reads everything of A, changes nothing."""
    return _persona("auditor_a", institution_a, Role.AUDITOR)


@pytest.fixture
def anonymous(client: Any) -> Any:
    """A Django test client with nobody logged in."""
    return client


@pytest.fixture
def get_queries() -> Callable[..., int]:
    """`get_queries(client, url, **headers)`: the number of queries of a GET of `url` that answers 200, after a
    warm-up GET (session and per-process caches as on any later request)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(client: Any, url: str, **headers: Any) -> int:
        client.get(url, **headers)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, **headers)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    return count
