"""Links offered only to those who may follow them, by the same rules as the pages (`pregon/institutions/permissions.py`).

- `{% site_nav_links as nav_links %}`: the main navigation for the user in their current institution.
- `{% if_allowed "registry:account_register" institution %}<a …>Registrar cuenta</a>{% else %}…{% endif_allowed %}`:
  the block is shown only when the user passes the URL's rule in that institution (an auditor passes read rules
  and no write rule; a superuser passes). `institution` may be omitted on pages of the current institution.
- `{% allowed "publications:import" institution as may_import %}` for use inside `{% if %}`.
- `user_may(request, url_name, institution)`: the same answer in Python (views, context builders).

A link allowed here may still be refused by the page for a finer reason (an account outside the user's area);
what the helper guarantees is that nobody is offered a page their role can never open.

The site's navigation names every app's pages, so it sits at the top with the URL root, not in `core`
(docs/decisions/0008-layered-imports.md); templates load it as `{% load pregon_nav %}` through the `libraries`
option of TEMPLATES in settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from pregon.institutions.permissions import rule_for

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
    NavItem("pending:list", _("Mis pendientes"), ("pending:",)),
    NavItem("institutions:calendar", _("Calendario"), ("institutions:calendar", "institutions:nonworking_",
                                                      "institutions:electoral_")),
    NavItem("institutions:policy", _("Política"), ("institutions:policy", "institutions:policy_")),
)


def roles_held(request: Any, institution: Any) -> set[str]:
    """The roles the request's user holds in `institution`, from what the request already loaded (the page's
    `request.institution_roles`, else the memberships of the institution context processor): no extra query."""
    if institution is None:
        return set()
    if getattr(request, "institution", None) is not None and request.institution.pk == institution.pk:
        held = getattr(request, "institution_roles", None)
        if held is not None:
            return set(held)
    from pregon.institutions.context_processors import memberships_by_institution

    for entry in memberships_by_institution(request):
        if entry.institution.pk == institution.pk:
            return set(entry.roles)
    return set()


def user_may(request: Any, url_name: str, institution: Any = None) -> bool:
    """Whether the request's user passes the rule of `url_name` (in `institution` for a roles rule; default: the
    page's institution, else the current one). Unknown URL names and superuser/API rules answer False."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    rule = rule_for(url_name)
    if rule is None:
        return False
    if rule.kind in ("public", "login"):
        return True
    if rule.kind == "superuser":
        return bool(user.is_superuser)
    if rule.kind != "roles":
        return False
    if institution is None:
        institution = getattr(request, "institution", None)
    if institution is None:
        from pregon.institutions.context_processors import current_institution_of

        institution = current_institution_of(request)
    if institution is None:
        return False
    if user.is_superuser:
        return True
    return any(rule.allows_role(role) for role in roles_held(request, institution))


@register.simple_tag(takes_context=True)
def allowed(context: Any, url_name: str, institution: Any = None) -> bool:
    """`{% allowed "url:name" institution as may %}`: `user_may` for templates."""
    return user_may(context.get("request"), url_name, institution)


class IfAllowedNode(template.Node):
    def __init__(self, url_name: Any, institution: Any, nodelist_true: Any, nodelist_false: Any) -> None:
        self.url_name = url_name
        self.institution = institution
        self.nodelist_true = nodelist_true
        self.nodelist_false = nodelist_false

    def render(self, context: Any) -> str:
        institution = self.institution.resolve(context) if self.institution is not None else None
        if user_may(context.get("request"), self.url_name.resolve(context), institution):
            return self.nodelist_true.render(context)
        return self.nodelist_false.render(context)


@register.tag("if_allowed")
def do_if_allowed(parser: Any, token: Any) -> IfAllowedNode:
    """`{% if_allowed "url:name" [institution] %}…{% else %}…{% endif_allowed %}`."""
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError(f"{bits[0]} takes a URL name and, optionally, an institution")
    url_name = parser.compile_filter(bits[1])
    institution = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    nodelist_true = parser.parse(("else", "endif_allowed"))
    nodelist_false = template.NodeList()
    if parser.next_token().contents == "else":
        nodelist_false = parser.parse(("endif_allowed",))
        parser.delete_first_token()
    return IfAllowedNode(url_name, institution, nodelist_true, nodelist_false)


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
    from pregon.institutions.context_processors import current_institution_of

    institution = current_institution_of(request)
    held = roles_held(request, institution)
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match is not None else ""
    links = []
    for item in NAV_ITEMS:
        rule = rule_for(item.url_name)
        if rule is None:
            continue  # a page without a rule is offered to nobody (tests/test_permissions.py names it)
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
