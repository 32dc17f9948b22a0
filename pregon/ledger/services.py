"""Writing to the bitácora. `event_record()` is the only way an Event is created."""

from __future__ import annotations

import json
import re
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from pregon.core.context import current_request_id

from .hashing import GENESIS_HASH, canonical_document, hash_document
from .models import SYSTEM_CHAIN, ChainHead, Event

ACTION_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
FIELD_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class LedgerError(RuntimeError):
    """event_record() was misused (outside a transaction, malformed action or changes). A programming error, not a
    user one: it fails the caller's tests at write time."""


def _is_flat(value: Any) -> bool:
    """A JSON scalar, or a list of JSON scalars (clauses, check keys…)."""
    if value is None or isinstance(value, str | int | float | bool):
        return True
    return isinstance(value, list) and all(v is None or isinstance(v, str | int | float | bool) for v in value)


def changes_normalize(changes: dict[str, Any] | None) -> dict[str, list[Any]]:
    """The `changes` of an event in its one shape, `{field: [before, after]}`, as stored (JSON).

    Every key is a snake_case field name; every value a two-item list or tuple `[before, after]` whose items are
    JSON scalars or lists of scalars once dates, times, decimals and UUIDs become strings. A fact that is not a
    change of a field (which deadline expired, which file was imported) is written as `{"deadline": [None, id]}`.
    Anything else — a bare value, a nested dict, a list of another length — raises LedgerError naming the field.
    """
    if changes is None:
        return {}
    if not isinstance(changes, dict):
        raise LedgerError(f"ledger changes must be a dict {{field: [before, after]}}, not {type(changes).__name__}")
    for key, value in changes.items():
        if not isinstance(key, str) or not FIELD_RE.match(key):
            raise LedgerError(f"ledger changes: field name {key!r} is not snake_case")
        if not isinstance(value, list | tuple) or len(value) != 2:
            raise LedgerError(
                f"ledger changes[{key!r}] must be a [before, after] pair, not {value!r}; "
                f"write a fact that is not a change as [None, value]"
            )
    try:
        normalized = json.loads(json.dumps(changes, cls=DjangoJSONEncoder))
    except TypeError as exc:
        raise LedgerError(f"ledger changes are not JSON-serialisable: {exc}") from None
    for key, (before, after) in normalized.items():
        if not (_is_flat(before) and _is_flat(after)):
            raise LedgerError(
                f"ledger changes[{key!r}] = {[before, after]!r}: before and after must be JSON scalars or lists of "
                f"scalars; give each part of a compound value its own field (e.g. {key}_due_at)"
            )
    return normalized


def actor_label_for(actor: Any) -> str:
    """The frozen, human-readable name of whoever acted, kept even if the user is later deleted."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return "sistema"
    full_name = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    username = actor.get_username()
    return f"{full_name} ({username})" if full_name else username


def _chain_of(institution: models.Model | None) -> str:
    if institution is None:
        return SYSTEM_CHAIN
    slug = getattr(institution, "slug", "")
    if not slug or institution.pk is None:
        raise LedgerError("the institution of a ledger event must be saved and have a slug")
    return str(slug)


def _locked_head(chain: str) -> ChainHead:
    """The chain's head row, locked until the caller's transaction ends (PostgreSQL: SELECT … FOR UPDATE;
    SQLite: the IMMEDIATE write transaction already serializes writers)."""
    head = ChainHead.objects.select_for_update().filter(chain=chain).first()
    if head is None:
        try:
            with transaction.atomic():
                ChainHead.objects.create(chain=chain, seq=0, hash="")
        except IntegrityError:
            pass  # another writer created it first; lock theirs
        head = ChainHead.objects.select_for_update().get(chain=chain)
    return head


def event_record(
    *,
    action: str,
    actor: Any = None,
    institution: models.Model | None = None,
    target: models.Model | None = None,
    reason: str = "",
    changes: dict[str, Any] | None = None,
    policy_version: str = "",
) -> Event:
    """Appends one event to the institution's chain (or the "system" chain) and returns it.

    Must run inside the transaction that makes the change it records, so the change and its event commit or roll
    back together; raises LedgerError otherwise. `action` is `<entity>.<past-tense-verb>`; `changes` holds the
    before/after of the changed fields only, `{field: [before, after]}` (see changes_normalize(), which refuses
    any other shape), and is stored as JSON (dates and decimals become strings).
    """
    if not transaction.get_connection().in_atomic_block:
        raise LedgerError("event_record() must be called inside the caller's transaction.atomic() block")
    if not ACTION_RE.match(action):
        raise LedgerError(f"ledger action {action!r} is not of the form '<entity>.<past-tense-verb>'")
    if target is not None and target.pk is None:
        raise LedgerError("the target of a ledger event must be saved first")

    chain = _chain_of(institution)
    normalized_changes = changes_normalize(changes)
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=False) if target is not None else None
    target_type = f"{content_type.app_label}.{content_type.model}" if content_type else ""

    head = _locked_head(chain)
    event = Event(
        chain=chain,
        seq=head.seq + 1,
        prev_hash=head.hash or GENESIS_HASH,
        policy_version=policy_version,
        occurred_at=timezone.now(),
        actor=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
        actor_label=actor_label_for(actor)[:255],
        institution=institution,
        action=action,
        target_content_type=content_type,
        target_object_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:255] if target is not None else "",
        request_id=current_request_id(),
        reason=reason,
        changes=normalized_changes,
    )
    event.hash = hash_document(
        canonical_document(
            chain=chain,
            seq=event.seq,
            prev_hash=event.prev_hash,
            policy_version=policy_version,
            occurred_at=event.occurred_at,
            actor_label=event.actor_label,
            institution=chain if institution is not None else None,
            action=action,
            target_type=target_type,
            target_object_id=event.target_object_id,
            target_label=event.target_label,
            request_id=str(event.request_id),
            reason=reason,
            changes=normalized_changes,
        )
    )
    event.save()
    ChainHead.objects.filter(pk=head.pk).update(seq=event.seq, hash=event.hash)
    return event
