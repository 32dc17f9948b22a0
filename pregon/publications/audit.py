"""The retroactive audit of an account's archive (`audit_account`): below `services.py`, which decides whether it
runs now or in the queue, and `tasks.py`, the queue glue that runs it (neither imports the other).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pregon.checker import ArchivedPost, check
from pregon.checker.engine import config_of
from pregon.institutions.policies import policy_for
from pregon.institutions.templatetags.pregon_format import at_handle
from pregon.ledger.services import event_record
from pregon.registry.models import SocialAccount

from .checking import checker_context_for, recommendation_for
from .models import AuditFinding, AuditRun, Publication

# Severities the audit keeps: "suggest" findings are advice for the next post, not a problem with a published one.
AUDIT_SEVERITIES = frozenset({"block", "warn"})


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
            archive_posts.append(ArchivedPost(text=text, published_at=at.astimezone(tz), account=at_handle(handle)))
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
