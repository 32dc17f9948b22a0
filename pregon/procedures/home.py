"""Registers the procedures' home panel: the steps the user owes in the institution ("Mis pendientes")."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pregon.institutions.home import register_home_panel

from .pending import pending_for_home

register_home_panel(
    "procedures.pending_deadlines",
    title=_("Mis pendientes"),
    template="procedures/pending_home.html",
    roles=None,
    get_context=pending_for_home,
    order=10,
)
