"""Queue glue only (STYLE §2.8): the big-archive audit runs here, enqueued from `services.audit_request` on commit.

It imports the audit (`audit.py`), not `services.py`, which imports this module to enqueue: no circle.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from huey.contrib.djhuey import db_task

from pregon.registry.models import SocialAccount

from .audit import audit_account


@db_task(retries=2, retry_delay=60)
def audit_account_task(account_id: int, actor_id: int | None) -> int | None:
    """Audits one account's archive; returns the AuditRun id. A duplicate run only adds a newer AuditRun (the page
    shows the newest), so retries are harmless."""
    account = SocialAccount.objects.select_related("institution", "platform").filter(pk=account_id).first()
    if account is None:
        return None
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    return audit_account(account=account, actor=actor).pk
