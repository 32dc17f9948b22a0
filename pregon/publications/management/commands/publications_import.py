"""`pregon publications --institution SLUG --account ID FILE`: imports a platform export into an account's archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pregon.core.errors import ApplicationError
from pregon.publications.parsers import MAX_UPLOAD_BYTES
from pregon.publications.services import publications_import

from ._accounts import account_of, institution_of


class Command(BaseCommand):
    help = ("Importa publicaciones exportadas de X, Facebook, TikTok, YouTube o un CSV genérico al archivo de una "
            "cuenta: todo o nada; volver a importar el mismo archivo no cambia nada.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Archivo CSV o XLSX exportado de la red social")
        parser.add_argument("--institution", required=True, help="Identificador (slug) de la institución")
        parser.add_argument("--account", required=True, help="Identificador público (UUID) o usuario de la cuenta")

    def handle(self, *args: Any, **options: Any) -> None:
        institution = institution_of(options["institution"])
        account = account_of(institution, options["account"])
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No existe el archivo {path}.")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise CommandError(f"El archivo pesa más de {MAX_UPLOAD_BYTES // 1048576} MB.")
        try:
            outcome = publications_import(actor=None, account=account, data=path.read_bytes(), file_name=path.name)
        except ApplicationError as exc:
            for error in exc.extra.get("errors") or []:
                self.stderr.write(f"fila {error['row']}, {error['column']}: {error['message']}")
            raise CommandError(str(exc.message)) from None
        self.stdout.write(
            f"{outcome.created} publicaciones nuevas, {outcome.existing} ya archivadas "
            f"(formato {outcome.format}, {outcome.encoding}, {outcome.rows_read} leídas)."
        )
