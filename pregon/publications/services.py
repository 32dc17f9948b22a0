"""Writes of the publications app: importing a platform export into an account's archive, and auditing the archive.

Each service is one transaction with its one ledger event (`publications.imported`, `publications.audited`).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pregon.checker import ArchivedPost, check
from pregon.checker.engine import config_of
from pregon.institutions.policies import local_today, policy_for
from pregon.ledger.services import event_record
from pregon.registry.models import SocialAccount
from pregon.registry.services import account_activity_record

from .checking import checker_context_for, recommendation_for
from .models import AuditFinding, AuditRun, Publication, PublicationImport
from .parsers import ParseContext, read_export

log = logging.getLogger(__name__)

# Audits of archives bigger than this run in the task queue (enqueued on commit) instead of the request.
AUDIT_SYNC_MAX = 500
# Severities the audit keeps: "suggest" findings are advice for the next post, not a problem with a published one.
AUDIT_SEVERITIES = frozenset({"block", "warn"})


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


def audit_account(*, account: SocialAccount, actor: Any) -> AuditRun:
    """Runs the checker over every archived post of the account, as if each were being published at the moment
    it was (campaigns, electoral periods and the spam window are those of that moment; the spam rule compares it
    with the institution's earlier posts inside the window). Keeps block and warn findings, each with the
    recommendation the policy gives (`checking.recommendation_for`: delete or preserve history).

    The checking runs before the transaction; then, atomically: one AuditRun, its AuditFinding rows and the
    `publications.audited` ledger event. Never changes a publication."""
    institution = account.institution
    policy = policy_for(institution)
    window = config_of(policy).options.spam_window
    tz = ZoneInfo(institution.timezone)
    posts = list(
        Publication.objects.filter(account=account).order_by("published_at", "id").values_list("id", "text", "published_at")
    )
    archive_ids: list[int] = []
    archive_posts: list[ArchivedPost] = []
    archive_times: list[dt.datetime] = []
    if posts:
        rows = (
            Publication.objects.filter(
                institution=institution, published_at__gte=posts[0][2] - window, published_at__lte=posts[-1][2]
            )
            .exclude(text="")
            .order_by("published_at", "id")
            .values_list("id", "text", "published_at", "account__handle")
        )
        for pk, text, at, handle in rows:
            archive_ids.append(pk)
            archive_posts.append(ArchivedPost(text=text, published_at=at.astimezone(tz), account=f"@{handle}"))
            archive_times.append(at)
    base = checker_context_for(institution, account, policy=policy, with_archive=False)
    found: list[AuditFinding] = []
    flagged = 0
    for pk, text, at in posts:
        if not text.strip():
            continue
        lo = bisect.bisect_left(archive_times, at - window)
        hi = bisect.bisect_right(archive_times, at)
        window_posts = tuple(archive_posts[i] for i in range(lo, hi) if archive_ids[i] != pk)
        context = dataclasses.replace(base, now=at, archive=window_posts)
        findings = [f for f in check(text, policy, context) if f.severity in AUDIT_SEVERITIES]
        if findings:
            flagged += 1
        for f in findings:
            advice = recommendation_for(f, policy)
            found.append(AuditFinding(
                publication_id=pk, rule=f.rule, category=f.category, severity=f.severity, start=f.start, end=f.end,
                message=f.message, clauses=list(f.clauses), recommendation=advice.text,
                recommendation_clauses=list(advice.clauses),
            ))
    with transaction.atomic():
        run = AuditRun(
            institution=institution, account=account, run_by=actor if _is_user(actor) else None, run_at=timezone.now(),
            policy_version=policy.version, publications_checked=len(posts), findings_count=len(found),
            flagged_count=flagged,
        )
        run.full_clean()
        run.save()
        for item in found:
            item.run = run
        AuditFinding.objects.bulk_create(found, batch_size=500)
        event_record(
            action="publications.audited", actor=actor, institution=institution, target=run,
            reason=_("Auditoría retroactiva de las publicaciones de %(a)s") % {"a": account},
            changes={"account": [None, str(account.public_id)], "publications_checked": [None, len(posts)],
                     "findings": [None, len(found)], "flagged": [None, flagged]},
            policy_version=policy.version,
        )
    return run


def audit_request(*, account: SocialAccount, actor: Any) -> AuditRun | None:
    """Audits the account now when its archive is small; otherwise enqueues the audit after the surrounding
    transaction commits and returns None (the page says it will appear shortly)."""
    if Publication.objects.filter(account=account).count() <= AUDIT_SYNC_MAX:
        return audit_account(account=account, actor=actor)
    from .tasks import audit_account_task

    actor_id = actor.pk if _is_user(actor) else None
    transaction.on_commit(lambda: audit_account_task(account.pk, actor_id))
    return None
