"""Who may open each page: one rule per URL name (in the spirit of get.gov's `permissions.py`).

Every named URL of the project must appear here (or under a namespace rule such as the admin's);
`tests/test_permissions.py` walks the URL resolver and fails when one is missing, checks that the
public ones (and only those) are marked `login_not_required`, and drives a permission matrix over
the institution pages from the same rules.

Kinds of rule:
- PUBLIC: anyone, without logging in (the view is marked `login_not_required`).
- LOGIN: any logged-in user; what they see is still filtered by their roles.
- roles(...): a user holding one of those roles in the institution named by the URL's `institution`
  kwarg (a slug), with the semantics of `pregon.institutions.access`: no role there -> 404 (the
  institution does not exist for them), another role -> 403, the auditor passes every read rule and
  no write rule, superusers pass. `roles()` with no names means any role.
- SUPERUSER: Django superusers only (the admin site).
- API: the JSON API under /api/v1/ authenticates by itself (401 JSON, SessionAuth; public endpoints
  declare auth=None) and checks roles with the same access helpers; its own tests cover each endpoint.

Institution views take their rule from this map with `@institution_rule("<url name>")`, so the
map and the views cannot drift; the matrix test proves the behaviour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pregon.institutions.choices import READ_ONLY_ROLES, Role


@dataclass(frozen=True)
class Rule:
    kind: str  # "public" | "login" | "roles" | "superuser" | "api"
    roles: frozenset[str] = frozenset()  # for kind "roles": empty means any role
    write: bool = False  # for kind "roles": the page changes things, so read-only roles (auditor) are refused

    def allows_role(self, role: str) -> bool:
        """Whether a user holding only `role` in the institution passes (access.require_role's semantics)."""
        if self.kind != "roles":
            return False
        if role in READ_ONLY_ROLES:
            return not self.write
        return not self.roles or role in self.roles

    def __str__(self) -> str:
        if self.kind != "roles":
            return self.kind
        names = ", ".join(sorted(self.roles)) or "any"
        return f"roles({names}{', write' if self.write else ''})"


PUBLIC = Rule("public")
LOGIN = Rule("login")
SUPERUSER = Rule("superuser")
API = Rule("api")


def roles(*names: str, write: bool = False) -> Rule:
    unknown = set(names) - set(Role.values)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    return Rule("roles", frozenset(str(n) for n in names), write)


ANY_ROLE = roles()

# URL name (with namespace) -> rule.
URL_PERMISSIONS: dict[str, Rule] = {
    # Accounts and language (pregon/urls.py, pregon/institutions/urls.py)
    "login": PUBLIC,
    "logout": LOGIN,
    "set_language": PUBLIC,
    # Home and institution switcher
    "home": LOGIN,
    "institution_switch": LOGIN,
    # Institution pages
    "institutions:detail": ANY_ROLE,
    "institutions:people": roles(Role.COMMS, Role.AREA_HEAD, Role.TRANSPARENCY),
    # The institution's own administration (pregon/institutions/views_admin.py). An area head records departures
    # only of officials of their area (checked in the view).
    "institutions:official_create": roles(Role.COMMS, write=True),
    "institutions:official_end": roles(Role.COMMS, Role.AREA_HEAD, write=True),
    "institutions:calendar": ANY_ROLE,
    "institutions:nonworking_day_declare": roles(Role.COMMS, write=True),
    "institutions:electoral_period_declare": roles(Role.COMMS, write=True),
    "institutions:policy": ANY_ROLE,
    "institutions:policy_revision_create": roles(Role.COMMS, write=True),
    # Account registry (pregon/registry/urls.py); object visibility and area scope are checked in the views
    "registry:account_list": ANY_ROLE,
    "registry:account_detail": ANY_ROLE,
    "registry:account_register": roles(Role.COMMS, write=True),
    "registry:administrator_assign": roles(Role.COMMS, Role.AREA_HEAD, write=True),
    "registry:administrator_end": roles(Role.COMMS, Role.AREA_HEAD, write=True),
    "registry:access_review": roles(Role.COMMS, Role.IT, Role.AREA_HEAD),
    "registry:inventory_import": roles(Role.COMMS, write=True),
    "registry:inventory_export": ANY_ROLE,
    # Procedures index ("Trámites"): counts of open procedures per type; links only to the lists the user may read.
    "procedures:index": ANY_ROLE,
    # Every procedure's pages (list, new, detail, actions) are added by `register_rules()` from its spec
    # (pregon/procedures/spec.py: `ProcedureSpec.url_rules()`); their object visibility is `ProcedureSpec.visible()`.
    # Publications (pregon/publications/urls.py): checking a text changes nothing (read rule: the auditor may too);
    # importing and auditing are limited to the accounts the user manages (checked in the views).
    "publications:review": roles(Role.COMMS, Role.ACCOUNT_ADMIN, Role.AREA_HEAD),
    "publications:import": roles(Role.COMMS, Role.ACCOUNT_ADMIN, write=True),
    "publications:audit_list": roles(Role.COMMS, Role.ACCOUNT_ADMIN, Role.AREA_HEAD),
    "publications:audit_run": roles(Role.COMMS, Role.ACCOUNT_ADMIN, write=True),
    # Notifications (pregon/notifications/urls.py): each user's own inbox.
    "notifications:inbox": LOGIN,
    "notifications:mark_read": LOGIN,
    "notifications:mark_all_read": LOGIN,
    # Mis pendientes (pregon/procedures/urls_pending.py): each user's own pending steps and their calendar feed
    # (the feed is authenticated by its secret token, for calendar apps that cannot log in).
    "pending:list": LOGIN,
    "pending:feed_token_reset": LOGIN,
    "pending:ics": PUBLIC,
}

# Namespace -> rule, for URL sets owned by Django or a library (every URL inside follows it).
NAMESPACE_PERMISSIONS: dict[str, Rule] = {
    "admin": SUPERUSER,
    "api": API,
}


def register_rules(rules: dict[str, Rule]) -> None:
    """Adds the rules of URLs declared elsewhere (each procedure's spec derives its pages' rules); a URL name that
    already has a different rule is an error, so two declarations can't disagree."""
    for name, rule in rules.items():
        if URL_PERMISSIONS.get(name, rule) != rule:
            raise ValueError(f"{name} already has the rule {URL_PERMISSIONS[name]}, not {rule}")
        URL_PERMISSIONS[name] = rule


def rule_for(url_name: str) -> Rule | None:
    """The rule of a URL name such as "institutions:detail" (namespace rules apply to everything inside)."""
    if url_name in URL_PERMISSIONS:
        return URL_PERMISSIONS[url_name]
    namespace = url_name.split(":", 1)[0] if ":" in url_name else None
    if namespace is not None:
        return NAMESPACE_PERMISSIONS.get(namespace)
    return None


def institution_rule(url_name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`@institution_view` with the roles this map gives `url_name` (which must be a roles rule)."""
    from pregon.institutions.access import institution_view

    rule = URL_PERMISSIONS[url_name]
    if rule.kind != "roles":
        raise ValueError(f"{url_name} is not an institution (roles) rule")
    return institution_view(roles=sorted(rule.roles), write=rule.write)
