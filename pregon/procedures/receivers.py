"""Receivers of the signals that the apps below send (they do not import procedures); connected in `apps.py`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import ngettext

from pregon.procedures.flows.administrator_change import administrator_changes_start_for_departure

from .models import CredentialRotation
from .selectors import account_open_procedures


def start_procedures_on_departure(
    sender: Any, *, official: Any, ended_on: dt.date, actor: Any = None, **kwargs: Any
) -> str:
    """`institutions.signals.official_departed`: an administrator change for every account the official
    administered and the credential rotations (rosarito:10.6, pasto:3.15, guadalajara:15ª), inside the departure's
    transaction. Returns the sentence the page shows ("Se inició 1 cambio de administrador y 1 cambio…")."""
    started_at = timezone.now()
    changes = len(administrator_changes_start_for_departure(official=official, ended_on=ended_on, actor=actor))
    rotations = CredentialRotation.objects.filter(
        institution=official.institution, person_label=official.full_name, created_at__gte=started_at
    ).count()
    return (
        ngettext("Se inició %(n)d cambio de administrador", "Se iniciaron %(n)d cambios de administrador", changes)
        % {"n": changes}
        + " "
        + ngettext("y %(n)d cambio de contraseñas.", "y %(n)d cambios de contraseñas.", rotations) % {"n": rotations}
    )


def open_procedures_of_account(sender: Any, *, account: Any, actor: Any, **kwargs: Any) -> list[Any]:
    """`registry.signals.open_procedures_requested`: the account's open incidents and procedures the actor may
    read, for the account's page."""
    return account_open_procedures(account=account, actor=actor)
