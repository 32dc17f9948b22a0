"""The institution the user is working in, kept in the session, and the ones they may switch to.

Only institutions where the user holds at least one role (a Membership) can be current. The helpers
cache their answer on the request so the header, the home page and the views share one query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest

from .access import memberships_in_force
from .models import Institution, Membership

SESSION_KEY = "pregon_institution"


@dataclass
class InstitutionRoles:
    """One institution and the roles the user holds in it (each membership kept, for its area)."""

    institution: Institution
    memberships: list[Membership] = field(default_factory=list)

    @property
    def roles(self) -> list[str]:
        seen: dict[str, None] = {}
        for membership in self.memberships:
            seen.setdefault(membership.role, None)
        return list(seen)


def memberships_by_institution(request: HttpRequest) -> list[InstitutionRoles]:
    """The user's institutions (active ones, by name) with their roles, in one query, cached on the request."""
    cached = getattr(request, "_pregon_memberships", None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    result: dict[int, InstitutionRoles] = {}
    if user is not None and user.is_authenticated:
        memberships = (
            memberships_in_force(user).filter(institution__is_active=True)
            .select_related("institution", "area")
            .order_by("institution__name", "role", "area__name")
        )
        for membership in memberships:
            entry = result.setdefault(membership.institution_id, InstitutionRoles(membership.institution))
            entry.memberships.append(membership)
    value = list(result.values())
    request._pregon_memberships = value  # type: ignore[attr-defined]
    return value


def current_institution_of(request: HttpRequest) -> Institution | None:
    """The institution chosen in the session if the user still holds a role there, else their first one."""
    entries = memberships_by_institution(request)
    if not entries:
        return None
    chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    for entry in entries:
        if entry.institution.slug == chosen:
            return entry.institution
    return entries[0].institution


def current_institution(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    entries = memberships_by_institution(request)
    return {
        "current_institution": current_institution_of(request),
        "switchable_institutions": [entry.institution for entry in entries],
    }
