"""The canonical form of a ledger event and its SHA-256. Shared by event_record() and verify_chain()."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Event

GENESIS_HASH = "0" * 64

# The fields that make up an event's hash, in the canonical document. `actor_id` is not hashed (it may be set to
# NULL when a user is deleted); its frozen `actor_label` is.
HASHED_FIELDS = (
    "chain",
    "seq",
    "prev_hash",
    "policy_version",
    "occurred_at",
    "actor_label",
    "institution",
    "action",
    "target_type",
    "target_object_id",
    "target_label",
    "request_id",
    "reason",
    "changes",
)


def canonical_time(value: dt.datetime) -> str:
    """ISO-8601 in UTC with microseconds, e.g. 2026-03-01T17:05:00.000000+00:00."""
    if value.tzinfo is None:
        raise ValueError("ledger times must be timezone-aware")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def canonical_document(
    *,
    chain: str,
    seq: int,
    prev_hash: str,
    policy_version: str,
    occurred_at: dt.datetime,
    actor_label: str,
    institution: str | None,
    action: str,
    target_type: str,
    target_object_id: str,
    target_label: str,
    request_id: str,
    reason: str,
    changes: Any,
) -> dict[str, Any]:
    return {
        "chain": chain,
        "seq": seq,
        "prev_hash": prev_hash,
        "policy_version": policy_version,
        "occurred_at": canonical_time(occurred_at),
        "actor_label": actor_label,
        "institution": institution,
        "action": action,
        "target_type": target_type,
        "target_object_id": target_object_id,
        "target_label": target_label,
        "request_id": request_id,
        "reason": reason,
        "changes": changes,
    }


def canonical_json(document: dict[str, Any]) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def hash_document(document: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


def event_document(event: Event, *, target_type: str, institution_slug: str | None) -> dict[str, Any]:
    """The canonical document of a stored event (the caller resolves the content type and institution)."""
    return canonical_document(
        chain=event.chain,
        seq=event.seq,
        prev_hash=event.prev_hash,
        policy_version=event.policy_version,
        occurred_at=event.occurred_at,
        actor_label=event.actor_label,
        institution=institution_slug,
        action=event.action,
        target_type=target_type,
        target_object_id=event.target_object_id,
        target_label=event.target_label,
        request_id=str(event.request_id),
        reason=event.reason,
        changes=event.changes,
    )
