"""verify_chain() and `pregon ledger verify` detect edited, removed, reordered and inserted events.

Each tampering test first drops the append-only trigger with raw SQL, as an attacker with database or file access
would. DDL is transactional on SQLite and PostgreSQL, so the test's rollback restores the triggers.
"""

from __future__ import annotations

import importlib
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from pregon.institutions.tests.factories import InstitutionFactory
from pregon.ledger.hashing import canonical_document, hash_document
from pregon.ledger.models import Event
from pregon.ledger.services import event_record
from pregon.ledger.verify import verify_all, verify_chain

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor not in ("sqlite", "postgresql"), reason="vendor-specific trigger SQL"),
]

triggers = importlib.import_module("pregon.ledger.migrations.0002_append_only_triggers")


def drop_triggers() -> None:
    with connection.cursor() as cursor:
        for sql in triggers.DROP[connection.vendor]:
            cursor.execute(sql)


def raw(sql: str, params: list | None = None) -> None:  # type: ignore[type-arg]
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])


@pytest.fixture
def chain() -> list[Event]:
    """Five events in Rosarito's chain and one in the system chain."""
    institution = InstitutionFactory(slug="rosarito")
    events = []
    with transaction.atomic():
        event_record(action="user.created")
        for n in range(5):
            events.append(
                event_record(action="area.created", institution=institution, changes={"n": [None, n]},
                             reason=f"paso {n}")
            )
    return events


def test_an_untouched_chain_verifies(chain: list[Event]) -> None:
    result = verify_chain("rosarito")
    assert result.ok and result.count == 5 and result.head_hash == chain[-1].hash
    assert result.first_broken_seq is None
    assert [r.chain for r in verify_all()] == ["system", "rosarito"]
    assert all(r.ok for r in verify_all())


def test_edited_payload_is_detected_at_its_sequence(chain: list[Event]) -> None:
    drop_triggers()
    raw("UPDATE ledger_event SET reason = 'otra cosa' WHERE chain = 'rosarito' AND seq = 3")
    result = verify_chain("rosarito")
    assert not result.ok and result.first_broken_seq == 3 and "modificado" in result.reason


def test_edited_payload_with_recomputed_hash_breaks_the_next_link(chain: list[Event]) -> None:
    drop_triggers()
    raw("UPDATE ledger_event SET hash = %s WHERE chain = 'rosarito' AND seq = 2", ["f" * 64])
    result = verify_chain("rosarito")
    # seq 2's own hash no longer matches its content
    assert not result.ok and result.first_broken_seq == 2


def test_removed_event_is_detected_as_a_gap(chain: list[Event]) -> None:
    drop_triggers()
    raw("DELETE FROM ledger_event WHERE chain = 'rosarito' AND seq = 2")
    result = verify_chain("rosarito")
    assert not result.ok and result.first_broken_seq == 2 and "falta" in result.reason


def test_removed_last_event_is_detected_against_the_chain_head(chain: list[Event]) -> None:
    drop_triggers()
    raw("DELETE FROM ledger_event WHERE chain = 'rosarito' AND seq = 5")
    result = verify_chain("rosarito")
    assert not result.ok and result.first_broken_seq == 5


def test_swapped_events_are_detected(chain: list[Event]) -> None:
    drop_triggers()
    raw("UPDATE ledger_event SET seq = 1000 WHERE chain = 'rosarito' AND seq = 2")
    raw("UPDATE ledger_event SET seq = 2 WHERE chain = 'rosarito' AND seq = 3")
    raw("UPDATE ledger_event SET seq = 3 WHERE chain = 'rosarito' AND seq = 1000")
    result = verify_chain("rosarito")
    assert not result.ok and result.first_broken_seq == 2


def test_inserted_event_is_detected(chain: list[Event]) -> None:
    forged = chain[-1]
    raw(
        "INSERT INTO ledger_event (chain, seq, prev_hash, hash, policy_version, occurred_at, actor_label, "
        "institution_id, action, target_object_id, target_label, request_id, reason, changes) "
        "VALUES ('rosarito', 6, %s, %s, '', %s, 'intruso', %s, 'area.created', '', '', %s, '', '{}')",
        [forged.hash, "e" * 64, forged.occurred_at, forged.institution_id, str(forged.request_id).replace("-", "")
         if connection.vendor == "sqlite" else str(forged.request_id)],
    )
    result = verify_chain("rosarito")
    assert not result.ok and result.first_broken_seq == 6


def test_command_prints_heads_and_counts_when_intact(chain: list[Event]) -> None:
    out = StringIO()
    call_command("ledger", "verify", "--institution", "rosarito", stdout=out)
    assert chain[-1].hash in out.getvalue() and "5 eventos" in out.getvalue()
    out = StringIO()
    call_command("ledger", "verify", stdout=out)
    assert "cadena system" in out.getvalue() and "cadena rosarito" in out.getvalue()


def test_command_names_the_first_broken_sequence_and_fails(chain: list[Event]) -> None:
    drop_triggers()
    raw("UPDATE ledger_event SET changes = %s WHERE chain = 'rosarito' AND seq = 4", ['{"n": [null, 99]}'])
    with pytest.raises(CommandError, match="cadena rosarito: primera secuencia rota 4") as excinfo:
        call_command("ledger", "verify", "--institution", "rosarito", stdout=StringIO())
    assert excinfo.value.returncode == 1
    with pytest.raises(CommandError, match="rosarito.*4"):
        call_command("ledger", "verify", stdout=StringIO())


def test_events_stored_before_the_one_changes_shape_still_verify(chain: list[Event]) -> None:
    """Rows written before event_record() refused other shapes (`{"silence": true}`, nested dicts) keep their hash:
    verify_chain() recomputes from what is stored and does not judge the shape."""
    last = chain[-1]
    old_changes = {"silence": True, "deadline": {"due_at": "2026-03-01T00:00:00Z", "clauses": ["rosarito:9.7"]}}
    document = canonical_document(
        chain="rosarito", seq=6, prev_hash=last.hash, policy_version="", occurred_at=last.occurred_at,
        actor_label="sistema", institution="rosarito", action="consultation.rejected_by_silence", target_type="",
        target_object_id="", target_label="", request_id=str(last.request_id), reason="", changes=old_changes,
    )
    digest = hash_document(document)
    raw(
        "INSERT INTO ledger_event (chain, seq, prev_hash, hash, policy_version, occurred_at, actor_label, "
        "institution_id, action, target_object_id, target_label, request_id, reason, changes) "
        "VALUES ('rosarito', 6, %s, %s, '', %s, 'sistema', %s, 'consultation.rejected_by_silence', '', '', %s, '', %s)",
        [last.hash, digest, last.occurred_at, last.institution_id, str(last.request_id).replace("-", "")
         if connection.vendor == "sqlite" else str(last.request_id), json.dumps(old_changes)],
    )
    raw("UPDATE ledger_chainhead SET seq = 6, hash = %s WHERE chain = 'rosarito'", [digest])
    result = verify_chain("rosarito")
    assert result.ok and result.count == 6 and result.head_hash == digest


def test_command_refuses_an_unknown_institution(chain: list[Event]) -> None:
    with pytest.raises(CommandError, match="No existe"):
        call_command("ledger", "verify", "--institution", "atlantida", stdout=StringIO())
