"""Registers the procedures' home panel ("Plazos pendientes") with the institutions app's home panels."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pregon.institutions.home import register_home_panel

from .selectors import pending_for_home

register_home_panel(
    "procedures.pending_deadlines",
    title=_("Plazos pendientes"),
    template="procedures/partials/_home_pending.html",
    roles=None,
    get_context=pending_for_home,
    order=10,
)
