"""Helpers shared by the account procedures' tables: clause look-ups, area scope, recipients."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from pregon.institutions.access import RoleRequired, area_ids_of, roles_of
from pregon.policy import Policy

from ..workflows import clauses_of


def refs(policy: Policy, *paths: str) -> tuple[str, ...]:
    """The clauses the policy cites for each `section.field` in `paths`, deduplicated, in order."""
    found: dict[str, None] = {}
    for path in paths:
        for clause in clauses_of(policy, path):
            found.setdefault(clause, None)
    return tuple(found)


def cite(clauses: Iterable[str], *, fallback: bool = True) -> str:
    """` (a, b)` to append to a message: the clauses, or with none the institution's policy (nothing when not
    `fallback`)."""
    found = [c for c in clauses if c]
    if found:
        return f" ({', '.join(found)})"
    return f" ({gettext('política de la institución')})" if fallback else ""


def local(dt: Any, institution: Any) -> str:
    """`dt` as dd/mm/yyyy hh:mm in the institution's time zone."""
    from zoneinfo import ZoneInfo

    return timezone.localtime(dt, ZoneInfo(institution.timezone)).strftime("%d/%m/%Y %H:%M")


def area_within(area: Any, area_ids: set[int]) -> bool:
    """Whether `area` is one of `area_ids` or below one of them in the tree."""
    seen = 0
    while area is not None and seen < 50:
        if area.pk in area_ids:
            return True
        area = area.parent
        seen += 1
    return False


def require_role_for_area(actor: Any, institution: Any, role: str, area: Any, clauses: tuple[str, ...]) -> None:
    """Raises RoleRequired unless `actor` holds `role` in `institution` covering `area` (an area-scoped
    membership covers its area and the areas below it). The system (actor None) passes."""
    if actor is None:
        return
    from pregon.institutions.choices import Role

    if role not in roles_of(actor, institution):
        raise RoleRequired(
            gettext("Esta acción corresponde a: %(role)s%(cite)s.")
            % {"role": Role(role).label if role in Role.values else role, "cite": cite(clauses)},
            extra={"roles": [role], "clauses": list(clauses)},
        )
    scope = area_ids_of(actor, institution, role)
    if scope is not None and not area_within(area, scope):
        raise RoleRequired(
            gettext("Su rol de %(role)s no abarca el área «%(area)s».")
            % {"role": Role(role).label if role in Role.values else role, "area": area},
            extra={"roles": [role], "area": str(area)},
        )


def account_admin_users(account: Any) -> tuple[Any, ...]:
    """The users of the account's current administrators (officials with a user)."""
    from pregon.institutions.policies import local_today
    from pregon.registry.models import Administrator

    today = local_today(account.institution)
    return tuple(
        a.official.user
        for a in Administrator.objects.active_on(today).filter(account=account).select_related("official__user")
        if a.official.user_id and a.official.user.is_active
    )


def demo_user(institution: Any, role: str) -> Any:
    """For the demo data: the first user holding `role` in `institution` (None when there is none)."""
    from pregon.institutions.models import Membership

    membership = Membership.objects.filter(institution=institution, role=role).select_related("user").order_by("id").first()
    return membership.user if membership else None


def demo_account(institution: Any, skip: int = 0) -> Any:
    """For the demo data: the institution's active accounts in creation order, the `skip`-th one (or None)."""
    from pregon.registry.choices import AccountStatus
    from pregon.registry.models import SocialAccount

    return (SocialAccount.objects.filter(institution=institution, status=AccountStatus.ACTIVE)
            .order_by("id")[skip:skip + 1].first())
