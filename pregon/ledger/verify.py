"""Recomputing the bitácora: proves that no event was edited, removed, reordered or inserted."""

from __future__ import annotations

from dataclasses import dataclass

from .hashing import GENESIS_HASH, canonical_document, hash_document
from .models import SYSTEM_CHAIN, ChainHead, Event


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of verifying one chain. When not ok, `first_broken_seq` is the first sequence number that does not
    check out and `reason` says why (in Spanish, for operators)."""

    chain: str
    ok: bool
    head_hash: str
    count: int
    first_broken_seq: int | None = None
    reason: str = ""


_COLUMNS = (
    "seq",
    "prev_hash",
    "hash",
    "policy_version",
    "occurred_at",
    "actor_label",
    "institution__slug",
    "action",
    "target_content_type__app_label",
    "target_content_type__model",
    "target_object_id",
    "target_label",
    "request_id",
    "reason",
    "changes",
)


def verify_chain(chain: str | None = None) -> VerifyResult:
    """Verifies one chain: an institution's slug, or None / "system" for the events without an institution.

    Walks the events in seq order and checks, for each: its seq follows the previous one (a gap = a removed row),
    its prev_hash is the previous event's hash, and its hash is the SHA-256 of its canonical JSON (an edited,
    swapped or forged row fails here). Finally it compares the last event with the chain head written by
    event_record(), which notices rows removed from, or appended to, the end.
    """
    chain = chain or SYSTEM_CHAIN
    expected_seq = 1
    prev_hash = GENESIS_HASH
    count = 0

    def broken(seq: int, reason: str) -> VerifyResult:
        return VerifyResult(chain, False, prev_hash if count else "", count, seq, reason)

    rows = Event.objects.filter(chain=chain).order_by("seq").values_list(*_COLUMNS)
    for row in rows.iterator(chunk_size=2000):
        seq, stored_prev, stored_hash = row[0], row[1], row[2]
        if seq != expected_seq:
            if seq > expected_seq:
                return broken(expected_seq, f"falta el evento {expected_seq} (la secuencia salta a {seq})")
            return broken(seq, f"secuencia {seq} fuera de orden")
        if stored_prev != prev_hash:
            return broken(seq, "el enlace con el evento anterior (prev_hash) no coincide")
        document = canonical_document(
            chain=chain,
            seq=seq,
            prev_hash=stored_prev,
            policy_version=row[3],
            occurred_at=row[4],
            actor_label=row[5],
            institution=row[6],
            action=row[7],
            target_type=f"{row[8]}.{row[9]}" if row[8] else "",
            target_object_id=row[10],
            target_label=row[11],
            request_id=str(row[12]),
            reason=row[13],
            changes=row[14],
        )
        if hash_document(document) != stored_hash:
            return broken(seq, "el contenido del evento no corresponde a su huella (fue modificado)")
        prev_hash = stored_hash
        expected_seq += 1
        count += 1

    head = ChainHead.objects.filter(chain=chain).first()
    head_seq = head.seq if head else 0
    head_hash = (head.hash if head else "") or ""
    if head_seq > count:
        return broken(count + 1, f"faltan eventos al final: la cabeza registrada es la secuencia {head_seq}")
    if head_seq < count:
        return broken(head_seq + 1, f"hay eventos después de la cabeza registrada (secuencia {head_seq})")
    if count and head_hash != prev_hash:
        return broken(count, "la huella del último evento no coincide con la cabeza registrada")
    return VerifyResult(chain, True, prev_hash if count else "", count)


def chain_names() -> list[str]:
    """Every chain that has a head or at least one event, "system" first."""
    names = set(ChainHead.objects.values_list("chain", flat=True)) | set(
        Event.objects.values_list("chain", flat=True).distinct()
    )
    return sorted(names, key=lambda name: (name != SYSTEM_CHAIN, name))


def verify_all() -> list[VerifyResult]:
    """verify_chain() for every chain."""
    return [verify_chain(name) for name in chain_names()]
