"""`pregon tick` / `manage.py tick`: apply expired deadlines (silence outcomes) and retry unsent e-mails.

Idempotent and crash-safe: run it from cron, by hand, or let the task queue's periodic task run it.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from pregon.procedures.services import tick
from pregon.procedures.spec import all_specs


class Command(BaseCommand):
    help = "Aplica los vencimientos de plazos y reintenta los correos pendientes (idempotente)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = tick()
        self.stdout.write(
            f"plazos aplicados: {result.applied}, ya aplicados por otro proceso: {result.skipped}, "
            f"cancelados: {result.cancelled}, con error (se reintentarán): {result.failed}, "
            f"correos reenviados: {result.emails}"
            + "".join(f", {p.label}: {result.periodic.get(p.name, 0)}" for spec in all_specs() for p in spec.periodic)
        )
        if result.failed:
            self.stderr.write("Algunos plazos fallaron; quedan abiertos para el siguiente tick.")
