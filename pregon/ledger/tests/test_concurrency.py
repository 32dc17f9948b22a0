"""Committed events and concurrent writers (transactional tests: real commits, then Django flushes the tables)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from pregon.institutions.tests.factories import InstitutionFactory
from pregon.ledger.models import Event
from pregon.ledger.services import event_record
from pregon.ledger.verify import verify_chain


@pytest.mark.django_db(transaction=True)
def test_committed_events_verify_and_the_test_database_can_still_be_flushed() -> None:
    institution = InstitutionFactory(slug="rosarito")
    for n in range(3):
        with transaction.atomic():
            event_record(action="area.created", institution=institution, changes={"n": [None, n]})
    assert verify_chain("rosarito").count == 3
    # teardown flushes ledger_event: on SQLite the test process lifts the trigger for that (see conftest.py)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks (SELECT … FOR UPDATE) need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_fork_the_chain() -> None:
    institution = InstitutionFactory(slug="rosarito")
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def writer(n: int) -> None:
        try:
            start.wait()
            for i in range(10):
                with transaction.atomic():
                    event_record(action="area.created", institution=institution, changes={"writer": [None, n], "i": [None, i]})
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    result = verify_chain("rosarito")
    assert result.ok and result.count == 40
    assert list(Event.objects.filter(chain="rosarito").values_list("seq", flat=True)) == list(range(1, 41))
