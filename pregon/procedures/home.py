"""Registers the procedures' home panel ("Plazos pendientes") when the institutions app offers panels."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

try:
    from pregon.institutions.home import register_home_panel
except ImportError:  # pragma: no cover - the home panel registry is optional
    register_home_panel = None

if register_home_panel is not None:
    from .selectors import pending_for_home

    register_home_panel(
        "procedures.pending_deadlines",
        title=_("Plazos pendientes"),
        template="procedures/partials/_home_pending.html",
        roles=None,
        get_context=pending_for_home,
        order=10,
    )
