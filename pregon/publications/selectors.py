"""Reads of the publications app, limited to what the actor may see (STYLE §2.7).

- Checking a text ("Revisar publicación"): any account the actor sees in the registry (read-only roles too:
  checking changes nothing).
- Importing an export and running an audit: Communications (every account of the institution), or an account
  administrator for the accounts they administer (or of the area their membership is limited to).
- Audit results and the archive: the accounts the actor sees in the registry.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Q, QuerySet, Subquery

from pregon.institutions.access import area_ids_of, roles_of
from pregon.institutions.choices import READ_ONLY_ROLES, Role
from pregon.institutions.models import Institution
from pregon.institutions.policies import local_today
from pregon.registry.choices import AccountStatus
from pregon.registry.models import Administrator, SocialAccount
from pregon.registry.selectors import account_list_visible_to

from .models import AuditFinding, AuditRun, Publication, PublicationImport


def accounts_for_review(actor: Any, institution: Institution) -> QuerySet[SocialAccount]:
    """The open accounts the actor sees: the choices of the review page and the API."""
    return account_list_visible_to(actor, institution).exclude(status=AccountStatus.CLOSED)


def accounts_manageable_by(actor: Any, institution: Institution) -> QuerySet[SocialAccount]:
    """Accounts whose archive the actor may import into and audit (see the module docstring)."""
    held = roles_of(actor, institution) - set(READ_ONLY_ROLES)
    base = SocialAccount.objects.filter(institution=institution).select_related("platform", "area", "institution")
    if Role.COMMS in held:
        return base.order_by("platform__sort_order", "handle")
    if Role.ACCOUNT_ADMIN not in held:
        return base.none()
    administered = Administrator.objects.active_on(local_today(institution)).filter(official__user=actor)
    condition = Q(pk__in=administered.values("account_id"))
    areas = area_ids_of(actor, institution, Role.ACCOUNT_ADMIN)
    if areas:  # limited to areas: their accounts too (as registry.selectors does)
        condition |= Q(area_id__in=areas)
    return base.filter(condition).order_by("platform__sort_order", "handle")


def account_get(accounts: QuerySet[SocialAccount], public_id: Any) -> SocialAccount | None:
    """The account with that public id among `accounts` (None when absent or the id is malformed)."""
    if not public_id:
        return None
    try:
        return accounts.filter(public_id=public_id).first()
    except (ValueError, ValidationError):
        return None


def publication_list(account: SocialAccount, limit: int = 200) -> list[Publication]:
    return list(Publication.objects.filter(account=account).order_by("-published_at", "-id")[:limit])


def import_list(account: SocialAccount, limit: int = 20) -> QuerySet[PublicationImport]:
    return PublicationImport.objects.filter(account=account).select_related("imported_by").order_by("-imported_at")[:limit]


def latest_audit_runs(accounts: QuerySet[SocialAccount]) -> QuerySet[AuditRun]:
    """The newest AuditRun of each of these accounts (one query)."""
    newest = AuditRun.objects.filter(account=OuterRef("account")).order_by("-run_at", "-id").values("pk")[:1]
    return (
        AuditRun.objects.filter(account__in=accounts.values("pk"))
        .filter(pk=Subquery(newest))
        .select_related("account", "account__platform", "run_by")
        .order_by("account__handle", "pk")
    )


def audit_finding_list(runs: QuerySet[AuditRun], *, category: str = "", severity: str = "") -> QuerySet[AuditFinding]:
    """The findings of these runs, narrowed by category and severity, newest post first, with their post and
    account joined (one query)."""
    queryset = AuditFinding.objects.filter(run__in=runs.values("pk"))
    if category:
        queryset = queryset.filter(category=category)
    if severity:
        queryset = queryset.filter(severity=severity)
    return queryset.select_related("publication", "run__account", "run__account__platform").order_by(
        "-publication__published_at", "publication_id", "start", "id"
    )
