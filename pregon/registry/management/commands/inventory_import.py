"""`pregon import --institution SLUG FILE [--dry-run]`: imports an account inventory (CSV/XLSX), all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pregon.institutions.models import Institution
from pregon.registry.inventory import InventoryFileError, MAX_UPLOAD_BYTES, inventory_import


class Command(BaseCommand):
    help = "Importa un inventario de cuentas (CSV o XLSX) en una institución: todo o nada."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Archivo CSV o XLSX")
        parser.add_argument("--institution", required=True, help="Identificador (slug) de la institución")
        parser.add_argument("--dry-run", action="store_true", help="Valida sin guardar nada")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            institution = Institution.objects.get(slug=options["institution"])
        except Institution.DoesNotExist:
            raise CommandError(f"No existe la institución «{options['institution']}».") from None
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No existe el archivo {path}.")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise CommandError(f"El archivo pesa más de {MAX_UPLOAD_BYTES // 1048576} MB.")
        try:
            result = inventory_import(
                actor=None, institution=institution, data=path.read_bytes(), filename=path.name, dry_run=options["dry_run"]
            )
        except InventoryFileError as exc:
            raise CommandError(exc.message) from None
        detail = f"formato {result.format}" + (f", codificación {result.encoding}" if result.encoding else "")
        if result.errors:
            for error in result.errors:
                self.stderr.write(f"fila {error.row}, {error.column}: {error.message}")
            raise CommandError(f"{len(result.errors)} error(es) en {result.rows_read} filas ({detail}); no se importó nada.")
        verb = "se importarían" if result.dry_run else "importadas"
        self.stdout.write(
            f"{result.created} cuentas {verb}, {result.administrators} administradores ({detail})."
        )
