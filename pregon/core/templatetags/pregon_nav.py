"""`{% site_nav_links %}`: the main navigation's links for the user in their current institution, filtered by the
same rules as the pages (`pregon/permissions.py`), so the menu never offers a page that would answer 403/404."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from pregon.permissions import URL_PERMISSIONS

register = template.Library()


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: Any
    sections: tuple[str, ...]  # view names (or "namespace:prefix") that mark this item as the current page


# Order of the menu. Items with a roles rule need a current institution.
NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("home", _("Inicio"), ("home",)),
    NavItem("registry:account_list", _("Cuentas"), ("registry:",)),
    NavItem("procedures:index", _("Trámites"), ("procedures:",)),
    NavItem("publications:review", _("Revisar publicación"), ("publications:review",)),
    NavItem("publications:audit_list", _("Auditoría"), ("publications:audit_", "publications:import")),
    NavItem("notifications:inbox", _("Bandeja"), ("notifications:inbox", "notifications:mark_")),
    NavItem("notifications:pending", _("Mis pendientes"), ("notifications:pending", "notifications:feed_")),
    NavItem("institutions:calendar", _("Calendario"), ("institutions:calendar", "institutions:nonworking_",
                                                      "institutions:electoral_")),
    NavItem("institutions:policy", _("Política"), ("institutions:policy", "institutions:policy_")),
)


def _is_current(view_name: str, item: NavItem) -> bool:
    return any(view_name == s or (s.endswith((":", "_")) and view_name.startswith(s)) for s in item.sections)


@register.simple_tag(takes_context=True)
def site_nav_links(context: Any) -> list[dict[str, Any]]:
    """[{"url", "label", "current"}] for the links the user may follow. Roles come from the memberships the
    institution context processor already loaded (no extra query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return []
    from pregon.institutions.context_processors import current_institution_of, memberships_by_institution

    institution = current_institution_of(request)
    held: set[str] = set()
    if institution is not None:
        for entry in memberships_by_institution(request):
            if entry.institution.pk == institution.pk:
                held = set(entry.roles)
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match is not None else ""
    links = []
    for item in NAV_ITEMS:
        rule = URL_PERMISSIONS[item.url_name]
        if rule.kind == "roles":
            if institution is None or not (user.is_superuser or any(rule.allows_role(r) for r in held)):
                continue
            kwargs = {"institution": institution.slug}
        elif rule.kind in ("login", "public"):
            kwargs = {}
        else:
            continue
        try:
            url = reverse(item.url_name, kwargs=kwargs)
        except NoReverseMatch:
            continue
        links.append({"url": url, "label": item.label, "current": _is_current(view_name, item)})
    return links
