"""The archive export of an account's history, made before a closure that must preserve it (pasto:3.17, pasto:3.13).

A plain read: registry data, administrators (past and present), the ledger timeline of the account and of the
closure, and the archived publications when the publications app is installed. The closure table stores the
result as a JSON file and records its SHA-256 in the ledger.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

FORMAT = "pregon.account-history/1"


def _events(obj: Any) -> list[dict[str, Any]]:
    from pregon.ledger.models import Event

    ct = ContentType.objects.get_for_model(obj)
    return [
        {"seq": e.seq, "occurred_at": e.occurred_at, "action": e.action, "actor": e.actor_label, "reason": e.reason,
         "changes": e.changes, "hash": e.hash, "policy_version": e.policy_version}
        for e in Event.objects.filter(target_content_type=ct, target_object_id=str(obj.pk)).order_by("seq")
    ]


def _publications(account: Any) -> dict[str, Any]:
    """Archived publications of the account, when the publications app exists (it is optional here)."""
    if not apps.is_installed("pregon.publications"):
        return {"available": False, "count": 0, "items": []}
    try:
        model = apps.get_model("publications", "Publication")
    except LookupError:
        return {"available": False, "count": 0, "items": []}
    fields = {f.name for f in model._meta.get_fields()}
    if "account" not in fields:
        return {"available": False, "count": 0, "items": []}
    wanted = [n for n in ("public_id", "platform_post_id", "url", "published_at", "text", "content_sha256") if n in fields]
    items = list(model.objects.filter(account=account).values(*wanted))
    return {"available": True, "count": len(items), "items": items}


def account_history_export(account: Any, *, closure: Any = None, now: datetime | None = None) -> dict[str, Any]:
    """A JSON-serialisable snapshot of everything the institution knows about `account`."""
    from pregon.registry.models import Administrator

    admins = Administrator.objects.filter(account=account).select_related("official").order_by("starts_on", "id")
    return {
        "format": FORMAT,
        "generated_at": now,
        "institution": account.institution.slug,
        "account": {
            "public_id": account.public_id, "platform": account.platform.slug, "handle": account.handle,
            "url": account.url, "display_name": account.display_name, "tier": account.tier, "kind": account.kind,
            "status": account.status, "area": account.area.name, "email": account.email,
            "opened_on": account.opened_on, "last_activity_on": account.last_activity_on, "purpose": account.purpose,
        },
        "administrators": [
            {"official": a.official.full_name, "role": a.role, "starts_on": a.starts_on, "ends_on": a.ends_on,
             "end_reason": a.end_reason}
            for a in admins
        ],
        "timeline": _events(account) + (_events(closure) if closure is not None else []),
        "publications": _publications(account),
    }
