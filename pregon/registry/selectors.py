"""Reads of the registry, limited to what the actor may see (STYLE §2.7).

Visibility inside an institution (the institution itself is checked by `institutions.access` first):
- comms, it, transparency, committee, auditor: every account of the institution;
- area_head: the accounts of the areas their membership is limited to (all, if not limited);
- account_admin: the accounts they administer (an active assignment of an Official linked to their user), plus
  those of their area when their membership is limited to one.
Superusers see everything. Nobody sees another institution's accounts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from pregon.institutions.access import area_ids_of, roles_of
from pregon.institutions.choices import READ_ONLY_ROLES, Role
from pregon.institutions.models import Institution
from pregon.institutions.policies import local_today
from pregon.ledger.models import Event

from .filters import account_filter
from .models import AccessGrant, Administrator, Platform, SocialAccount

WHOLE_INSTITUTION_ROLES = frozenset({Role.COMMS, Role.IT, Role.TRANSPARENCY, Role.COMMITTEE, Role.AUDITOR})


def _visibility(actor: Any, institution: Institution) -> Q | None:
    """A Q over SocialAccount for what the actor sees in the institution; None = nothing."""
    held = roles_of(actor, institution)
    if not held:
        return None
    if held & WHOLE_INSTITUTION_ROLES:
        return Q()
    condition = Q(pk__in=[])
    for role in (Role.AREA_HEAD, Role.ACCOUNT_ADMIN):
        if role not in held:
            continue
        areas = area_ids_of(actor, institution, role)
        if areas is None and role == Role.AREA_HEAD:
            return Q()
        if areas:
            condition |= Q(area_id__in=areas)
    if Role.ACCOUNT_ADMIN in held:
        today = local_today(institution)
        administered = Administrator.objects.active_on(today).filter(official__user=actor).values("account_id")
        condition |= Q(pk__in=administered)
    return condition


def account_visibility(actor: Any, institution: Institution) -> Q | None:
    """Which of the institution's accounts the actor sees, as a condition over SocialAccount: `Q()` (empty) when
    every one, None when none. For callers that filter other rows by their account (the procedures) without
    listing the accounts themselves."""
    return _visibility(actor, institution)


def account_list_visible_to(actor: Any, institution: Institution, filters: dict[str, str] | None = None) -> QuerySet[SocialAccount]:
    """The institution's accounts the actor may see, closed ones included, narrowed by `filters`
    (see filters.FILTER_FIELDS). One query with platform and area joined."""
    condition = _visibility(actor, institution)
    if condition is None:
        return SocialAccount.objects.none()
    queryset = (
        SocialAccount.objects.filter(institution=institution).filter(condition)
        .select_related("platform", "area", "institution")
        .order_by("platform__sort_order", "tier", "handle")
    )
    return account_filter(queryset, filters or {})


def account_get_visible_to(actor: Any, institution: Institution, public_id: Any) -> SocialAccount | None:
    """The account with that public id if the actor may see it (None otherwise: callers answer 404)."""
    try:
        return account_list_visible_to(actor, institution).get(public_id=public_id)
    except (SocialAccount.DoesNotExist, ValueError, ValidationError):
        return None


def account_administrators(account: SocialAccount, *, include_ended: bool = True) -> QuerySet[Administrator]:
    queryset = Administrator.objects.filter(account=account).select_related("official", "official__area")
    if not include_ended:
        today = local_today(account.institution)
        queryset = queryset.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=today))
    return queryset.order_by("ends_on", "role", "-starts_on")


def administrator_get(account: SocialAccount, public_id: Any) -> Administrator | None:
    try:
        return Administrator.objects.select_related("official").get(account=account, public_id=public_id)
    except (Administrator.DoesNotExist, ValueError, ValidationError):
        return None


def account_access_grants(account: SocialAccount) -> QuerySet[AccessGrant]:
    return AccessGrant.objects.filter(account=account).select_related("official").order_by("revoked_on", "-granted_on")


def account_timeline(account: SocialAccount) -> QuerySet[Event]:
    """The ledger events whose target is this account (registry events and any other app's events on it), newest
    first (the account page shows them a page at a time)."""
    content_type = ContentType.objects.get_for_model(SocialAccount)
    return Event.objects.filter(target_content_type=content_type, target_object_id=str(account.pk)).order_by("-seq")


def platform_list() -> QuerySet[Platform]:
    return Platform.objects.filter(is_active=True).order_by("sort_order", "name")


def accounts_without_activity_since(institution: Institution, since: dt.date) -> QuerySet[SocialAccount]:
    """Open accounts whose last known activity is before `since` (or unknown) — candidates for abandonment."""
    return (
        SocialAccount.objects.filter(institution=institution)
        .exclude(status="closed")
        .filter(Q(last_activity_on__lt=since) | Q(last_activity_on__isnull=True))
    )


def account_may_manage_administrators(user: Any, account: SocialAccount) -> bool:
    """Communications, or the head of the account's area (an area head limited to other areas may not)."""
    held = roles_of(user, account.institution) - set(READ_ONLY_ROLES)
    if Role.COMMS in held:
        return True
    if Role.AREA_HEAD in held:
        areas = area_ids_of(user, account.institution, Role.AREA_HEAD)
        return areas is None or account.area_id in areas
    return False
