"""Queue glue only: the periodic twin of `pregon tick` (STYLE §2.8)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .services import tick


@db_periodic_task(crontab(minute="*"))
def tick_periodic() -> dict[str, int]:
    """Every minute: apply due deadlines and retry unsent e-mails. Idempotent (claims with conditional UPDATEs),
    so overlapping runs or a manual `pregon tick` at the same time are harmless."""
    return tick().as_dict()
