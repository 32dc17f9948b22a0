"""Home panels: the extension point of the home page's "Pendientes" section.

The home page shows, for each institution where the user holds a role, the panels registered here
that apply to the user's roles. Later apps (procedures, interactions, evaluation, notifications…)
add their pending work to the home page by registering a panel from their AppConfig.ready():

    from pregon.institutions.home import register_home_panel

    def pending_requests(*, request, institution, roles):
        return {"requests": request_list_pending_for(actor=request.user, institution=institution)}

    register_home_panel(
        "procedures.pending_requests",
        title=_("Solicitudes por resolver"),
        template="procedures/partials/_home_pending_requests.html",
        roles={Role.COMMS, Role.IT},
        get_context=pending_requests,
        order=10,
    )

A panel's template receives `institution`, `roles`, `panel` and whatever get_context returns. A
panel whose get_context returns None is skipped (nothing pending: the page then says so). The
context function must use selectors that take the actor, so a panel never shows another
institution's rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

PanelContext = Callable[..., "dict[str, Any] | None"]


@dataclass(frozen=True)
class HomePanel:
    """One block of the "Pendientes" section of the home page."""

    key: str
    title: Any  # a lazy translation
    template: str
    roles: frozenset[str] | None = None  # None: every role
    get_context: PanelContext | None = None
    order: int = 100

    def applies_to(self, roles: Iterable[str]) -> bool:
        return self.roles is None or bool(self.roles & set(roles))


@dataclass
class RenderedPanel:
    panel: HomePanel
    html: SafeString
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.panel.key

    @property
    def title(self) -> Any:
        return self.panel.title


_PANELS: dict[str, HomePanel] = {}


def register_home_panel(
    key: str,
    *,
    title: Any,
    template: str,
    roles: Iterable[str] | None = None,
    get_context: PanelContext | None = None,
    order: int = 100,
) -> HomePanel:
    """Registers (or replaces, so a re-import is harmless) the panel called `key`."""
    panel = HomePanel(
        key=key,
        title=title,
        template=template,
        roles=frozenset(str(r) for r in roles) if roles is not None else None,
        get_context=get_context,
        order=order,
    )
    _PANELS[key] = panel
    return panel


def unregister_home_panel(key: str) -> None:
    _PANELS.pop(key, None)


def registered_home_panels() -> list[HomePanel]:
    return sorted(_PANELS.values(), key=lambda p: (p.order, p.key))


def home_panels_for(*, request: HttpRequest, institution: Any, roles: Iterable[str]) -> list[RenderedPanel]:
    """The panels that apply to `roles` in `institution`, rendered, in order."""
    roles = [str(r) for r in roles]
    rendered: list[RenderedPanel] = []
    for panel in registered_home_panels():
        if not panel.applies_to(roles):
            continue
        extra: dict[str, Any] | None = {}
        if panel.get_context is not None:
            extra = panel.get_context(request=request, institution=institution, roles=roles)
            if extra is None:
                continue
        context = {"institution": institution, "roles": roles, "panel": panel, **extra}
        rendered.append(RenderedPanel(panel, render_to_string(panel.template, context, request=request), extra))
    return rendered


def role_descriptions() -> dict[str, Any]:
    """What each role does (DESIGN.md, "Users and roles"), shown next to the user's roles on the home page."""
    from django.utils.translation import gettext_lazy as _

    from .choices import Role

    return {
        Role.COMMS: _(
            "Decide las aperturas de cuentas, responde consultas, evalúa las cuentas, emite observaciones "
            "y recomendaciones y elabora el informe."
        ),
        Role.IT: _(
            "Emite la opinión técnica sobre las aperturas, recibe los avisos de bloqueos e incidentes "
            "y da seguimiento a la rotación de contraseñas."
        ),
        Role.AREA_HEAD: _("Firma las solicitudes, designa a los administradores y responde por las cuentas del área."),
        Role.ACCOUNT_ADMIN: _(
            "Opera una cuenta: entrega estadísticas, hace consultas, registra la actividad y clasifica los comentarios."
        ),
        Role.TRANSPARENCY: _(
            "Recibe las solicitudes de información, mantiene el directorio y resuelve los registros de cuentas "
            "personales."
        ),
        Role.COMMITTEE: _("Recibe el informe semestral (sólo lectura)."),
        Role.AUDITOR: _("Consulta toda la información de la institución sin modificar nada."),
    }

