"""`manage.py publications_audit --institution SLUG [--account ID]`: the retroactive audit of archived posts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from pregon.institutions.templatetags.pregon_format import at_handle
from pregon.publications.services import audit_account
from pregon.registry.models import SocialAccount

from ._accounts import account_of, institution_of


class Command(BaseCommand):
    help = ("Audita lo publicado: revisa con el verificador todas las publicaciones archivadas de una cuenta (o de "
            "todas las de la institución) y guarda las observaciones con la recomendación de la norma.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--institution", required=True, help="Identificador (slug) de la institución")
        parser.add_argument("--account", help="Identificador público (UUID) o usuario de una cuenta (por omisión, todas)")

    def handle(self, *args: Any, **options: Any) -> None:
        institution = institution_of(options["institution"])
        if options.get("account"):
            accounts = [account_of(institution, options["account"])]
        else:
            accounts = list(
                SocialAccount.objects.filter(institution=institution, publications__isnull=False)
                .select_related("institution", "platform").distinct().order_by("handle")
            )
        for account in accounts:
            run = audit_account(account=account, actor=None)
            self.stdout.write(
                f"{at_handle(account.handle)} ({account.platform.name}): {run.publications_checked} revisadas, "
                f"{run.flagged_count} con observaciones, {run.findings_count} observaciones."
            )
        if not accounts:
            self.stdout.write("Ninguna cuenta tiene publicaciones archivadas.")
