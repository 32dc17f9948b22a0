"""Registry API under /api/v1/registry/ — thin adapters over selectors and services (errors: ApplicationError)."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from pregon.core.errors import NotFound
from pregon.core.pagination import PageIn, PageOut, api_page
from pregon.institutions.access import RoleRequired, institution_for_user_or_404, require_role
from pregon.institutions.choices import Role
from pregon.institutions.models import Area, Official
from pregon.institutions.policies import local_today, policy_for

from . import selectors, services
from .models import Platform, SocialAccount
from .schemas import (
    AccountGetOut,
    AccountListFiltersIn,
    AccountListOut,
    AccountRegisterIn,
    AccountRegisterOut,
    AdministratorAssignIn,
    AdministratorAssignOut,
)

router = Router(tags=["registry"])


def _account(request: HttpRequest, slug: str, account_id: uuid.UUID) -> SocialAccount:
    institution = institution_for_user_or_404(request.user, slug)
    require_role(request.user, institution)
    account = selectors.account_get_visible_to(request.user, institution, account_id)
    if account is None:
        raise NotFound("No se encontró la cuenta.", code="ACCOUNT_NOT_FOUND")
    return account


def _list_out(a: SocialAccount) -> AccountListOut:
    return AccountListOut(
        id=a.public_id, platform=a.platform.slug, handle=a.handle, url=a.url, display_name=a.display_name,
        area=a.area.name, tier=a.tier, kind=a.kind, status=a.status, closed_on=a.closed_on,
    )


@router.get("/{institution}/accounts", response=PageOut[AccountListOut])
def account_list(
    request: HttpRequest, institution: str, filters: Query[AccountListFiltersIn], paging: Query[PageIn]
) -> dict[str, Any]:
    """The institution's accounts visible to the caller (closed ones included), with the inventory's filters and
    sort, one page at a time (`?page=&page_size=`; the envelope is described in pregon.core.pagination)."""
    found = institution_for_user_or_404(request.user, institution)
    require_role(request.user, found)
    values = {k: v for k, v in filters.dict().items() if v}
    return api_page(selectors.account_list_visible_to(request.user, found, values), paging, _list_out)


@router.get("/{institution}/accounts/{account_id}", response=AccountGetOut)
def account_get(request: HttpRequest, institution: str, account_id: uuid.UUID) -> AccountGetOut:
    a = _account(request, institution, account_id)
    admins = selectors.account_administrators(a, include_ended=False)
    return AccountGetOut(
        id=a.public_id, platform=a.platform.slug, handle=a.handle, url=a.url, platform_account_id=a.platform_account_id,
        display_name=a.display_name, area=a.area.name, tier=a.tier, kind=a.kind, status=a.status, email=a.email,
        verification=a.verification, attention_hours=a.attention_hours, holiday_notice=a.holiday_notice,
        opened_on=a.opened_on, last_activity_on=a.last_activity_on, closed_on=a.closed_on,
        administrators=[
            {"id": x.public_id, "official": x.official.full_name, "role": x.role, "starts_on": x.starts_on, "ends_on": x.ends_on}
            for x in admins
        ],
        violations=[v.as_dict() for v in services.administrators_validate(a)],
    )


@router.post("/{institution}/accounts", response={201: AccountRegisterOut})
def account_register(request: HttpRequest, institution: str, payload: AccountRegisterIn) -> tuple[int, AccountRegisterOut]:
    """Registers a pre-existing account (Communications): it enters `pending_regularisation` with its
    regularisation started (rosarito:Transitorio 2); a new account goes through the opening request. Policy
    refusals answer 400 with the clause in the message."""
    found = institution_for_user_or_404(request.user, institution)
    require_role(request.user, found, Role.COMMS, write=True)
    try:
        area = Area.objects.get(institution=found, public_id=payload.area)
    except Area.DoesNotExist:
        raise NotFound("No se encontró el área.", code="AREA_NOT_FOUND") from None
    platform = None
    if payload.platform:
        platform = Platform.objects.filter(slug=payload.platform, is_active=True).first()
        if platform is None:
            raise NotFound("No existe esa red social.", code="PLATFORM_NOT_FOUND")
    account = services.account_register_preexisting(
        actor=request.user, institution=found, area=area, url=payload.url, platform=platform,
        display_name=payload.display_name, tier=payload.tier, kind=payload.kind, email=payload.email,
        platform_account_id=payload.platform_account_id, opened_on=payload.opened_on,
        attention_hours=payload.attention_hours, holiday_notice=payload.holiday_notice, purpose=payload.purpose,
    )
    return 201, AccountRegisterOut(
        id=account.public_id, platform=account.platform.slug, handle=account.handle, url=account.url, status=account.status
    )


@router.post("/{institution}/accounts/{account_id}/administrators", response={201: AdministratorAssignOut})
def administrator_assign(
    request: HttpRequest, institution: str, account_id: uuid.UUID, payload: AdministratorAssignIn
) -> tuple[int, AdministratorAssignOut]:
    """Designates an administrator (Communications, or the head of the account's area) through the
    administrator-change procedure: the roles the norm names are told the new name (rosarito:10.6, pasto:3.15)."""
    account = _account(request, institution, account_id)
    require_role(request.user, account.institution, Role.COMMS, Role.AREA_HEAD, write=True)
    if not selectors.account_may_manage_administrators(request.user, account):
        raise RoleRequired("Sólo Comunicación Social o el titular del área designan administradores de esta cuenta.")
    try:
        official = Official.objects.get(institution=account.institution, public_id=payload.official)
    except Official.DoesNotExist:
        raise NotFound("No se encontró el servidor público.", code="OFFICIAL_NOT_FOUND") from None
    if payload.starts_on is not None and payload.starts_on != local_today(account.institution):
        clauses = policy_for(account.institution).administrators.clauses_for("change_notify")
        raise services.RegistryError(
            "La designación rige desde hoy: se hace con el trámite de cambio de administrador"
            + services.cite(clauses) + ".",
            code="INVALID_INPUT", extra={"fields": {"starts_on": ["La designación rige desde hoy."]}},
        )
    change = services.administrator_change_request(
        actor=request.user, account=account, official=official, role=payload.role, reason=payload.reason,
    )
    admin = change.designated
    return 201, AdministratorAssignOut(
        id=admin.public_id, account=account.public_id, official=official.full_name, role=admin.role,
        starts_on=admin.starts_on, violations=[v.as_dict() for v in services.administrators_validate(account)],
    )
