"""Reads of the institutions app, always through what the actor may see (access.py decides visibility).

Each `*_list_visible_to(actor, institution)` returns an empty queryset when the institution is not visible to the
actor, so a caller that forgot the view decorator still leaks nothing.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .access import roles_of
from .choices import Role
from .models import Area, ElectoralPeriod, Institution, Membership, NonWorkingDay, Official, PolicyRevision

# Roles that see every role assignment of the institution; everyone else sees only their own.
MEMBERSHIP_READERS = frozenset({Role.COMMS, Role.IT, Role.AUDITOR})


def _visible(actor: Any, institution: Institution) -> bool:
    return bool(roles_of(actor, institution))


def area_list_visible_to(actor: Any, institution: Institution) -> QuerySet[Area]:
    """The institution's areas, head first, then by level and name (any member sees the organization chart)."""
    if not _visible(actor, institution):
        return Area.objects.none()
    return Area.objects.filter(institution=institution).select_related("parent", "head").order_by("level", "name")


def official_list_visible_to(actor: Any, institution: Institution, *, active_only: bool = False) -> QuerySet[Official]:
    """The institution's public servants (with their area), by name."""
    if not _visible(actor, institution):
        return Official.objects.none()
    qs = Official.objects.filter(institution=institution).select_related("area", "user").order_by("full_name")
    return qs.filter(employment_status="active") if active_only else qs


def membership_list_visible_to(actor: Any, institution: Institution) -> QuerySet[Membership]:
    """Role assignments: all of them for Communications, IT, auditors and superusers; one's own otherwise."""
    held = roles_of(actor, institution)
    if not held:
        return Membership.objects.none()
    qs = Membership.objects.filter(institution=institution).select_related("user", "area").order_by("role", "user")
    return qs if held & MEMBERSHIP_READERS else qs.filter(user=actor)


def nonworking_day_list_visible_to(actor: Any, institution: Institution, *, year: int | None = None) -> QuerySet[NonWorkingDay]:
    if not _visible(actor, institution):
        return NonWorkingDay.objects.none()
    qs = NonWorkingDay.objects.filter(institution=institution).order_by("date")
    return qs.filter(date__year=year) if year else qs


def electoral_period_list_visible_to(actor: Any, institution: Institution) -> QuerySet[ElectoralPeriod]:
    if not _visible(actor, institution):
        return ElectoralPeriod.objects.none()
    return ElectoralPeriod.objects.filter(institution=institution).order_by("starts_on")


def policy_revision_list_visible_to(actor: Any, institution: Institution) -> QuerySet[PolicyRevision]:
    """The institution's policy history, newest version first."""
    if not _visible(actor, institution):
        return PolicyRevision.objects.none()
    return PolicyRevision.objects.filter(institution=institution).select_related("created_by").order_by("-version")


def area_get(actor: Any, institution: Institution, public_id: Any) -> Area | None:
    return area_list_visible_to(actor, institution).filter(public_id=public_id).first()


def official_get(actor: Any, institution: Institution, public_id: Any) -> Official | None:
    return official_list_visible_to(actor, institution).filter(public_id=public_id).first()
