"""`{% official_admin_scope as scope %}` and `official|may_end:scope`: which officials the user may record a
departure for on the institution page (Communications: all; an area head: those of their area), using the same
rules as the pages (`pregon/institutions/permissions.py`, `views_admin.may_end_official`). One query at most per page."""

from __future__ import annotations

from typing import Any

from django import template

from pregon.institutions.permissions import URL_PERMISSIONS

from ..access import area_ids_of
from ..choices import Role

register = template.Library()


@register.simple_tag(takes_context=True)
def official_admin_scope(context: Any) -> dict[str, Any]:
    request = context.get("request")
    institution = getattr(request, "institution", None)
    held: set[str] = set(getattr(request, "institution_roles", set()))
    scope: dict[str, Any] = {
        "may_create": any(URL_PERMISSIONS["institutions:official_create"].allows_role(r) for r in held),
        "all": False,
        "area_ids": set(),
    }
    if institution is None or not any(URL_PERMISSIONS["institutions:official_end"].allows_role(r) for r in held):
        return scope
    if Role.COMMS in held:
        scope["all"] = True
    elif Role.AREA_HEAD in held:
        areas = area_ids_of(request.user, institution, Role.AREA_HEAD)
        scope["all"] = areas is None
        scope["area_ids"] = areas or set()
    return scope


@register.filter
def may_end(official: Any, scope: dict[str, Any]) -> bool:
    return bool(official.is_active and (scope.get("all") or official.area_id in scope.get("area_ids", ())))
