"""One declared spec per procedure: the only registry of procedures.

A procedure's module (``pregon/procedures/flows/<procedure>.py``) declares its transition table (``Workflow``) and,
at its end, its ``ProcedureSpec``, registered with ``register_spec()``. Everything else is derived from the specs,
and no other table names a procedure:

- URLs and pages (``urls.py``, ``views.py``): list, new, detail and one POST per action, under
  ``/i/<institution>/tramites/<segment>/``; URL names ``procedures:<key>_list|_create|_detail|_transition``;
- their access rules (``url_rules()``, registered in ``pregon/institutions/permissions.py``'s map);
- the action forms and the API bodies, from each action's ``Input`` model (``inputs.py``);
- the API endpoints and their OpenAPI schemas (``api.py``), under ``/api/v1/procedures/<institution>/<api_segment>``;
- who may see a procedure (``visible()``): one rule per kind of object, used by pages, API, pending lists and
  exports alike;
- the "Trámites" index, the pending-work entries and the admin.

See ``docs/procedures.md`` ("how to add a procedure").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from pregon.institutions.access import area_ids_of, roles_of
from pregon.institutions.choices import Role
from pregon.institutions.permissions import Rule, roles

from .inputs import Input, ReasonIn
from .workflows import Workflow, workflow_named

# Roles that see every procedure of their institution (as they see every account: pregon.registry.selectors).
WHOLE_INSTITUTION_ROLES = frozenset({Role.COMMS, Role.IT, Role.TRANSPARENCY, Role.COMMITTEE, Role.AUDITOR})


_REGISTERED = _("Trámite registrado.")
_SEND = _("Enviar")


@dataclass(frozen=True)
class Create:
    """How a person starts the procedure: the input, the service ``service(institution=, actor=, **input)`` and the
    roles that may open the "new" page (the transition table still decides who may fire the first action).
    ``panel`` is a template included above the form, with ``context(institution, policy)``; ``preview`` (optional)
    answers a "Revisar" button without saving: ``preview(institution, policy, data) -> dict``."""

    input: type[Input]
    service: Callable[..., Any]
    roles: tuple[str, ...]
    panel: str = ""
    context: Callable[[Any, Any], dict[str, Any]] | None = None
    preview: Callable[[Any, Any, dict[str, Any]], dict[str, Any]] | None = None
    success: Any = _REGISTERED
    button: Any = _SEND
    style: str = "primary"


@dataclass(frozen=True)
class Action:
    """An action's input and, when it does more than fire the transition, its service
    ``service(<obj_arg>=obj, actor=, **input)``; the default fires the table's transition with the input as its
    data."""

    input: type[Input] = ReasonIn
    service: Callable[..., Any] | None = None
    obj_arg: str = "obj"  # the name under which the service takes the procedure (``change=``, ``rotation=``…)


DEFAULT_ACTION = Action()


@dataclass(frozen=True)
class Periodic:
    """A job `pregon tick` runs for the procedure (idempotent): ``job(now=…)`` returns how many it started;
    ``label`` names that count in the command's output."""

    name: str
    label: Any
    job: Callable[..., int]


@dataclass(frozen=True)
class Download:
    """A file of the procedure offered on its detail page to whoever may see the procedure:
    ``content(obj) -> (file name, bytes, content type)``, or None when there is none yet (404). It may raise an
    ApplicationError (e.g. the file no longer matches its hash in the ledger)."""

    name: str  # URL segment, e.g. "archivo"
    label: Any
    content: Callable[[Any], tuple[str, bytes, str] | None]
    available: Callable[[Any], bool] = lambda obj: True  # whether to offer the link on the detail page


def _owner_q(model: Any, actor: Any) -> Q:
    owner = getattr(model, "owner_field", None)
    return Q(**{owner: actor}) if owner and getattr(actor, "pk", None) else Q(pk__in=[])


def by_account(path: str = "account", *, without_account: frozenset[str] = frozenset({Role.COMMS, Role.AUDITOR})
               ) -> Callable[[Any, Any, set[str]], Q | None]:
    """A procedure about an account is seen by whoever sees the account (the registry's rule); one without an
    account (``path`` empty) by the ``without_account`` roles."""

    def scope(actor: Any, institution: Any, held: set[str]) -> Q | None:
        from pregon.registry.models import SocialAccount
        from pregon.registry.selectors import account_visibility

        seen = account_visibility(actor, institution)
        if seen is not None and not seen:
            return None  # every account of the institution: no condition (the rows are the institution's already)
        condition = Q(pk__in=[]) if seen is None else Q(**{f"{path}__in": SocialAccount.objects.filter(
            institution=institution).filter(seen).values("pk")})
        if held & without_account:
            condition |= Q(**{f"{path}__isnull": True})
        return condition

    return scope


def by_area(path: str = "area") -> Callable[[Any, Any, set[str]], Q | None]:
    """A procedure of an area (before it has an account): the whole-institution roles, and the area heads whose
    membership covers the area."""

    def scope(actor: Any, institution: Any, held: set[str]) -> Q | None:
        if held & WHOLE_INSTITUTION_ROLES:
            return None
        if Role.AREA_HEAD in held:
            areas = area_ids_of(actor, institution, Role.AREA_HEAD)
            return None if areas is None else Q(**{f"{path}_id__in": sorted(areas)})
        return Q(pk__in=[])

    return scope


@dataclass(frozen=True)
class ProcedureSpec:
    """Everything the pages, the API, the pending lists and the admin need to know of one procedure."""

    key: str  # URL name prefix and pending-entry kind, e.g. "opening_request"
    position: int  # its place in the "Trámites" index and every list of procedures
    model: type
    segment: str  # Spanish path segment of its pages, e.g. "aperturas"
    api_segment: str  # path segment of its API, e.g. "opening-requests"
    title: Any
    title_plural: Any
    columns: tuple[tuple[Any, str], ...] = ()  # (heading, attribute or method) of the list page
    create: Create | None = None
    actions: dict[str, Action] = field(default_factory=dict)
    downloads: tuple[Download, ...] = ()
    readers: tuple[str, ...] = ()  # roles that may read this kind at all (empty: every role); auditors always
    # which of them the actor sees: a Q over the model, or None for all of them (the owner always sees theirs)
    scope: Callable[[Any, Any, set[str]], Q | None] = field(default_factory=by_account)
    panel: str = ""  # template partial with the procedure's own fields on its detail page
    detail_context: Callable[[Any, Any], dict[str, Any]] | None = None  # (obj, policy) -> extra context
    select_related: tuple[str, ...] = ()
    periodic: tuple[Periodic, ...] = ()  # what `pregon tick` runs for this procedure after expiring deadlines
    demo: Callable[[], int] | None = None  # `demo_load`'s data of this procedure (idempotent; returns how many)

    # ------------------------------------------------------------------ derived

    @property
    def workflow(self) -> Workflow:
        return workflow_named(self.model.workflow_name)

    def action(self, name: str) -> Action:
        return self.actions.get(name, DEFAULT_ACTION)

    def download(self, name: str) -> Download | None:
        return next((d for d in self.downloads if d.name == name), None)

    def url_name(self, page: str) -> str:
        return f"procedures:{self.key}_{page}"

    def url_rules(self) -> dict[str, Rule]:
        """The access rule of each of its pages (object visibility is checked by ``visible()`` on top)."""
        read = roles(*self.readers)
        rules = {self.url_name("list"): read, self.url_name("detail"): read,
                 self.url_name("transition"): roles(write=True)}
        if self.downloads:
            rules[self.url_name("download")] = read
        if self.create is not None:
            rules[self.url_name("create")] = roles(*self.create.roles, write=True)
        return rules

    def may_read_kind(self, held: Iterable[str], is_superuser: bool = False) -> bool:
        return is_superuser or any(self.url_rules()[self.url_name("list")].allows_role(r) for r in held)

    def require_reader(self, actor: Any, institution: Any) -> None:
        """403 (RoleRequired) unless the actor's roles read this kind of procedure (404 without any role)."""
        from pregon.institutions.access import require_role

        require_role(actor, institution, *self.readers)

    def visible(self, actor: Any, institution: Any) -> QuerySet:
        """The procedures of this kind in ``institution`` that ``actor`` may see: the one visibility rule of
        this kind of object. Another institution's, or one the actor may not see, is simply absent (404)."""
        qs = self.model.objects.filter(institution=institution).select_related("institution", *self.select_related)
        if getattr(actor, "is_superuser", False):
            return qs
        held = roles_of(actor, institution)
        if not self.may_read_kind(held):
            return qs.none()
        condition = self.scope(actor, institution, held)
        return qs if condition is None else qs.filter(condition | _owner_q(self.model, actor))

    def get_visible(self, actor: Any, institution: Any, public_id: Any) -> Any:
        """One procedure the actor may see, or None (callers answer 404)."""
        import uuid

        try:
            public_id = uuid.UUID(str(public_id))
        except ValueError:
            return None
        return self.visible(actor, institution).filter(public_id=public_id).first()


_SPECS: dict[str, ProcedureSpec] = {}


def register_spec(spec: ProcedureSpec) -> ProcedureSpec:
    """Registers a procedure (its workflow must be registered already) and its pages' access rules."""
    from pregon.institutions.permissions import register_rules

    if spec.key in _SPECS:
        raise ValueError(f"procedure {spec.key!r} is registered twice")
    spec.workflow  # noqa: B018 - fails early when the model names no registered workflow
    unknown = set(spec.actions) - {t.name for t in spec.workflow.transitions}
    if unknown:
        raise ValueError(f"{spec.key}: actions {sorted(unknown)} are not in its transition table")
    _SPECS[spec.key] = spec
    register_rules(spec.url_rules())
    return spec


def all_specs() -> list[ProcedureSpec]:
    """Every procedure, in the order of the "Trámites" index (each spec's `position`)."""
    return sorted(_SPECS.values(), key=lambda spec: (spec.position, spec.key))


def spec_named(key: str) -> ProcedureSpec:
    return _SPECS[key]


def spec_for(obj: Any) -> ProcedureSpec:
    """The spec of a procedure row or model."""
    name = obj.workflow_name
    for spec in _SPECS.values():
        if spec.model.workflow_name == name:
            return spec
    raise KeyError(name)


__all__ = [
    "WHOLE_INSTITUTION_ROLES",
    "Action",
    "Create",
    "Download",
    "Periodic",
    "ProcedureSpec",
    "all_specs",
    "by_account",
    "by_area",
    "register_spec",
    "spec_for",
    "spec_named",
]
