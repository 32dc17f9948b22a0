"""Writes of the publications app: importing a platform export into an account's archive, and auditing the archive.

Each service is one transaction with its one ledger event (`publications.imported`, `publications.audited`). The
audit itself is `audit.audit_account`, below both this module and `tasks.py`, so that the queue glue and the service
that enqueues it do not import each other.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pregon.institutions.policies import local_today, policy_for
from pregon.ledger.services import event_record
from pregon.registry.models import SocialAccount
from pregon.registry.services import account_activity_record

from .audit import audit_account
from .models import AuditRun, Publication, PublicationImport
from .parsers import ParseContext, read_export

log = logging.getLogger(__name__)

# Audits of archives bigger than this run in the task queue (enqueued on commit) instead of the request.
AUDIT_SYNC_MAX = 500


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: `record` is None when the file added nothing (every post was already archived)."""

    format: str
    encoding: str
    rows_read: int
    created: int
    existing: int
    skipped: int
    record: PublicationImport | None


def publications_import(*, actor: Any, account: SocialAccount, data: bytes, file_name: str) -> ImportOutcome:
    """Imports a platform export into the account's archive, all or nothing.

    The file is parsed first (ExportFileError, naming row and column, before anything is written). Posts already
    archived for the account (same platform post id) are left untouched, so re-importing a file changes nothing
    and writes no event. Otherwise, in one transaction: a PublicationImport row, the new Publication rows, the
    `publications.imported` ledger event, and the account's last known activity moved forward through the
    registry's `account_activity_record` (which writes its own `account.activity_recorded` event when the date
    is newer than the one on file)."""
    institution = account.institution
    tz = ZoneInfo(institution.timezone)
    parsed = read_export(data, ParseContext(tz=tz, today=local_today(institution)), file_name)
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        account = SocialAccount.objects.select_for_update().select_related("institution").get(pk=account.pk)
        existing = set(Publication.objects.filter(account=account).values_list("platform_post_id", flat=True))
        new_rows = [row for row in parsed.rows if row.post_id not in existing]
        outcome = dict(format=parsed.format, encoding=parsed.encoding, rows_read=len(parsed.rows),
                       created=len(new_rows), existing=len(parsed.rows) - len(new_rows), skipped=parsed.skipped)
        if not new_rows:
            return ImportOutcome(**outcome, record=None)
        now = timezone.now()
        record = PublicationImport(
            institution=institution, account=account, imported_by=actor if _is_user(actor) else None, imported_at=now,
            file_name=(file_name or "")[:255], file_sha256=digest, format=parsed.format, encoding=parsed.encoding,
            rows_read=len(parsed.rows), created_count=len(new_rows), existing_count=outcome["existing"],
        )
        record.full_clean()
        record.save()
        Publication.objects.bulk_create(
            [
                Publication(
                    institution=institution, account=account, platform_post_id=row.post_id, permalink=row.permalink,
                    text=row.text, published_at=row.published_at, source=record, imported_at=now,
                )
                for row in new_rows
            ],
            batch_size=500,
        )
        policy = policy_for(institution)
        event_record(
            action="publications.imported", actor=actor, institution=institution, target=record,
            reason=_("Importación de publicaciones de %(a)s") % {"a": account},
            changes={
                "account": [None, str(account.public_id)], "file_name": [None, record.file_name],
                "file_sha256": [None, digest], "format": [None, parsed.format], "created": [None, len(new_rows)],
                "existing": [None, outcome["existing"]],
            },
            policy_version=policy.version,
        )
        latest = max(row.published_at for row in new_rows).astimezone(tz).date()
        account_activity_record(actor=actor, account=account, on=latest,
                                reason=_("Última publicación del archivo importado %(f)s") % {"f": record.file_name})
    return ImportOutcome(**outcome, record=record)


def _is_user(actor: Any) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def audit_request(*, account: SocialAccount, actor: Any) -> AuditRun | None:
    """Audits the account now when its archive is small; otherwise enqueues the audit after the surrounding
    transaction commits and returns None (the page says it will appear shortly)."""
    if Publication.objects.filter(account=account).count() <= AUDIT_SYNC_MAX:
        return audit_account(account=account, actor=actor)
    from .tasks import audit_account_task

    actor_id = actor.pk if _is_user(actor) else None
    transaction.on_commit(lambda: audit_account_task(account.pk, actor_id))
    return None
