"""`pregon export --institution SLUG [--format csv|xlsx] [-o FILE]`: exports the account inventory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pregon.institutions.models import Institution
from pregon.registry.inventory import export_csv, export_xlsx
from pregon.registry.models import SocialAccount


class Command(BaseCommand):
    help = "Exporta el inventario de cuentas de una institución (CSV o XLSX), incluidas las cerradas."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--institution", required=True, help="Identificador (slug) de la institución")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("-o", "--output", help="Archivo de salida (por omisión, la salida estándar para CSV)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            institution = Institution.objects.get(slug=options["institution"])
        except Institution.DoesNotExist:
            raise CommandError(f"No existe la institución «{options['institution']}».") from None
        accounts = (
            SocialAccount.objects.filter(institution=institution)
            .select_related("platform", "area")
            .order_by("platform__sort_order", "tier", "handle")
        )
        data = export_xlsx(accounts) if options["format"] == "xlsx" else export_csv(accounts)
        output = options.get("output")
        if output:
            Path(output).write_bytes(data)
            self.stdout.write(f"{accounts.count()} cuentas exportadas a {output}.")
        elif options["format"] == "xlsx":
            raise CommandError("Indique -o ARCHIVO para exportar XLSX.")
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
