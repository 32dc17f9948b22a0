"""Demo archive: a few published posts per open demo account, imported through the import service (as a generic
CSV, so each leaves its import row and ledger event), then one audit per account so the audit page has content.

Some posts are what should not have been published: a reply with a citizen's phone number, a citizen's name and
ID number, and the same notice repeated by two accounts of one institution within days (spam). Idempotent: the
post ids are fixed, so a second run imports nothing, and accounts already audited are not audited again.
Called at the end of `manage.py demo_load`, after the registry's demo accounts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from pregon.institutions.policies import local_today
from pregon.registry.choices import AccountStatus
from pregon.registry.models import SocialAccount

from .models import AuditRun
from .services import audit_account, publications_import

# (post id suffix, days ago, text); {name} is the institution's short name, {phone} a citizen's phone number.
POSTS: list[tuple[str, int, str]] = [
    ("aviso", 2, "{name} informa: este sábado habrá jornada de limpieza en el parque central. ¡Participa con tu "
                 "familia y lleva agua!"),
    ("respuesta", 5, "Gracias por su reporte. Registramos su celular {phone} para darle seguimiento a su solicitud."),
    ("tramite", 9, "La ciudadana Ana Gómez Ruiz, con número {id_label} {id_number}, ya puede recoger su documento "
                   "en ventanilla."),
    ("horario", 15, "Consulte los horarios de atención al público en nuestras oficinas y en la página oficial."),
]
# Posted by every account of the institution on the same day: the second account's copy is spam.
REPEATED = ("repetido", 3, "Recuerda que el pago del impuesto predial con descuento vence este viernes. Acude a "
                           "cualquier módulo de recaudación.")

CITIZEN_DATA = {
    "MX": {"phone": "664 123 4567", "id_label": "CURP", "id_number": "GORA800101MBCMZN09"},
    "CO": {"phone": "310 456 7890", "id_label": "cédula", "id_number": "1.085.234.567"},
}


def _csv_for(account: SocialAccount, today: dt.date, repeat_offset: int) -> bytes:
    data = CITIZEN_DATA.get(account.institution.country, CITIZEN_DATA["MX"])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "fecha", "texto", "url"])
    rows = [*POSTS, (REPEATED[0], REPEATED[1] + repeat_offset, REPEATED[2])]
    for suffix, days_ago, text in rows:
        post_id = f"demo-{account.public_id.hex[:8]}-{suffix}"
        day = today - dt.timedelta(days=days_ago)
        writer.writerow([post_id, f"{day:%Y-%m-%d} 10:{len(suffix):02d}",
                         text.format(name=account.institution.short_name, **data), ""])
    return out.getvalue().encode("utf-8")


def publications_demo_load() -> int:
    """Imports the demo posts of every open demo account and audits each account once; returns rows created."""
    created = 0
    accounts = (
        SocialAccount.objects.exclude(status=AccountStatus.CLOSED)
        .select_related("institution", "platform").order_by("institution__slug", "handle")
    )
    position: dict[int, int] = {}
    for account in accounts:
        offset = position.get(account.institution_id, 0)
        position[account.institution_id] = offset + 1
        today = local_today(account.institution)
        outcome = publications_import(actor=None, account=account, data=_csv_for(account, today, min(offset, 1)),
                                      file_name="demo.csv")
        created += outcome.created
        if not AuditRun.objects.filter(account=account).exists():
            audit_account(account=account, actor=None)
            created += 1
    return created
