"""`{{ event|event_label }}`: what an event of the account's bitácora means, in words ("Administrador designado"),
never its code (`administrator.assigned`). The events are those the registry writes on an account; an event of
another app on the account shows its code until that app names it here."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

EVENT_LABELS: dict[str, Any] = {
    "account.registered": _("Cuenta registrada en el inventario"),
    "account.updated": _("Datos de la cuenta modificados"),
    "account.status_changed": _("Situación de la cuenta modificada"),
    "account.closed": _("Cuenta cerrada"),
    "account.activity_recorded": _("Actividad de la cuenta registrada"),
    "administrator.assigned": _("Administrador designado"),
    "administrator.ended": _("Administrador dado de baja de la cuenta"),
    "access_grant.recorded": _("Acceso registrado"),
    "access_grant.revoked": _("Acceso retirado"),
}


@register.filter
def event_label(event: Any) -> str:
    """The label of a ledger event (or of an action code)."""
    action = getattr(event, "action", event)
    label = EVENT_LABELS.get(str(action))
    return str(label) if label is not None else str(action)
