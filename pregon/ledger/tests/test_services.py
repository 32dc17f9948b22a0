"""event_record(): chaining, canonical hashing and the transaction rule."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from django.db import transaction

from pregon.core.context import current_request_id
from pregon.institutions.tests.factories import InstitutionFactory, UserFactory
from pregon.ledger.hashing import GENESIS_HASH
from pregon.ledger.models import SYSTEM_CHAIN, ChainHead, Event
from pregon.ledger.services import LedgerError, event_record

pytestmark = pytest.mark.django_db


def record(**kwargs):  # type: ignore[no-untyped-def]
    with transaction.atomic():
        return event_record(**kwargs)


def expected_hash(event: Event) -> str:
    ct = event.target_content_type
    document = {
        "chain": event.chain,
        "seq": event.seq,
        "prev_hash": event.prev_hash,
        "policy_version": event.policy_version,
        "occurred_at": event.occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor_label": event.actor_label,
        "institution": event.institution.slug if event.institution else None,
        "action": event.action,
        "target_type": f"{ct.app_label}.{ct.model}" if ct else "",
        "target_object_id": event.target_object_id,
        "target_label": event.target_label,
        "request_id": str(event.request_id),
        "reason": event.reason,
        "changes": event.changes,
    }
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def test_each_event_links_to_the_previous_one_of_its_chain() -> None:
    institution = InstitutionFactory()
    first = record(action="institution.updated", institution=institution, target=institution)
    second = record(action="institution.updated", institution=institution, target=institution, reason="otra vez")

    assert (first.chain, first.seq, first.prev_hash) == (institution.slug, 1, GENESIS_HASH)
    assert (second.seq, second.prev_hash) == (2, first.hash)
    head = ChainHead.objects.get(chain=institution.slug)
    assert (head.seq, head.hash) == (2, second.hash)


def test_hash_is_sha256_of_the_canonical_json_as_stored() -> None:
    institution = InstitutionFactory()
    actor = UserFactory(first_name="Ana", last_name="Pérez", username="ana")
    event = record(
        action="area.created",
        actor=actor,
        institution=institution,
        target=institution,
        reason="acuerdo de cabildo",
        changes={"name": ["", "Dirección de Comunicación Social"], "on": [None, dt.date(2026, 3, 1)]},
        policy_version="rosarito@2026.1#abc",
    )
    stored = Event.objects.select_related("institution", "target_content_type").get(pk=event.pk)
    assert stored.hash == expected_hash(stored) == event.hash
    assert stored.changes == {"name": ["", "Dirección de Comunicación Social"], "on": [None, "2026-03-01"]}
    assert stored.actor_label == "Ana Pérez (ana)"
    assert stored.request_id == current_request_id()
    assert stored.target_label == str(institution)


def test_events_without_institution_form_the_system_chain_and_institutions_have_their_own() -> None:
    a, b = InstitutionFactory(), InstitutionFactory()
    system = record(action="user.created")
    in_a = record(action="institution.updated", institution=a)
    in_b = record(action="institution.updated", institution=b)
    assert (system.chain, system.seq) == (SYSTEM_CHAIN, 1)
    assert (in_a.chain, in_a.seq, in_b.chain, in_b.seq) == (a.slug, 1, b.slug, 1)
    assert system.actor_label == "sistema"


def test_malformed_action_is_refused() -> None:
    with pytest.raises(LedgerError):
        record(action="Created")
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"silence": True}, "silence"),  # a bare value, not a [before, after] pair
        ({"deadline": "3f2a"}, "deadline"),
        ({"status": ["draft", "submitted", "approved"]}, "status"),  # three items
        ({"deadline": [None, {"due_at": "2026-03-01", "clauses": ["rosarito:9.7"]}]}, "deadline_due_at"),  # nested
        ({"plan": [None, [{"step": "a"}]]}, "plan"),  # a list of dicts
        ({"Status": ["a", "b"]}, "snake_case"),
        ({"when": [None, object()]}, "JSON"),
        (["status", "draft"], "dict"),
    ],
)
def test_changes_that_are_not_field_before_after_pairs_are_refused(changes, message) -> None:  # type: ignore[no-untyped-def]
    institution = InstitutionFactory()
    with pytest.raises(LedgerError, match=message):
        record(action="institution.updated", institution=institution, changes=changes)
    assert not Event.objects.exists()
    assert not ChainHead.objects.filter(chain=institution.slug, seq__gt=0).exists()


def test_before_after_pairs_of_scalars_and_lists_are_stored_as_json() -> None:
    institution = InstitutionFactory()
    event = record(
        action="institution.updated",
        institution=institution,
        changes={"status": ("draft", "submitted"), "clauses": [None, ["rosarito:9.7"]], "due_at": [None, None],
                 "at": [None, dt.datetime(2026, 3, 1, 17, 5, tzinfo=dt.UTC)], "late": [False, True]},
    )
    assert Event.objects.get(pk=event.pk).changes == {
        "status": ["draft", "submitted"], "clauses": [None, ["rosarito:9.7"]], "due_at": [None, None],
        "at": [None, "2026-03-01T17:05:00Z"], "late": [False, True],
    }


def test_an_event_rolls_back_with_the_change_it_records() -> None:
    institution = InstitutionFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        event_record(action="institution.updated", institution=institution)
        raise RuntimeError("the change failed")
    assert not Event.objects.exists()
    assert record(action="institution.updated", institution=institution).seq == 1


@pytest.mark.django_db(transaction=True)
def test_event_record_outside_a_transaction_is_refused() -> None:
    with pytest.raises(LedgerError, match="transaction"):
        event_record(action="user.created")
    assert not Event.objects.exists()
