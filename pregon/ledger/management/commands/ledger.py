"""`manage.py ledger verify [--institution SLUG]` (also `pregon ledger verify …`).

Exit status 0 and one line per chain (head hash, event count) when intact; CommandError (exit status 1) naming
the chain and the first broken sequence number otherwise.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pregon.ledger.models import SYSTEM_CHAIN, Event
from pregon.ledger.verify import VerifyResult, verify_all, verify_chain


class Command(BaseCommand):
    help = "Bitácora: verifica la cadena de huellas / verify the hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        verify = sub.add_parser("verify", help="Recalcula las huellas y enlaces de la bitácora")
        verify.add_argument("--institution", metavar="SLUG", help="sólo la cadena de esta institución")
        verify.add_argument("--system", action="store_true", help="sólo la cadena del sistema (sin institución)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "verify":
            self._verify(options.get("institution"), options.get("system", False))

    def _verify(self, slug: str | None, system_only: bool) -> None:
        if slug:
            institution_model = Event._meta.get_field("institution").related_model
            if not institution_model._default_manager.filter(slug=slug).exists():  # type: ignore[union-attr]
                raise CommandError(f"No existe la institución «{slug}».", returncode=2)
            results = [verify_chain(slug)]
        elif system_only:
            results = [verify_chain(SYSTEM_CHAIN)]
        else:
            results = verify_all()
        for result in results:
            if result.ok:
                self.stdout.write(self._describe(result))
        failed = [r for r in results if not r.ok]
        if failed:
            first = failed[0]
            others = "".join(f"; cadena {r.chain}: secuencia {r.first_broken_seq}" for r in failed[1:])
            raise CommandError(
                f"Bitácora ALTERADA — cadena {first.chain}: primera secuencia rota {first.first_broken_seq} "
                f"({first.reason}){others}",
                returncode=1,
            )
        if not results:
            self.stdout.write("La bitácora está vacía: 0 eventos.")

    @staticmethod
    def _describe(result: VerifyResult) -> str:
        head = result.head_hash or "-"
        return f"cadena {result.chain}: íntegra, {result.count} eventos, cabeza {head}"
