"""The `pregon` command: operators' entry point.

Pure commands (policy, check) never start Django, so they stay fast. The others forward to
Django management commands, so `pregon X` and `manage.py X` always do the same thing.
Each module in COMMAND_MODULES exposes `register(subparsers)` and adds its own sub-commands.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

COMMAND_MODULES = [
    "pregon.policy.cli",
    "pregon.commands.check",
]

# sub-command -> management command it forwards to (arguments are passed through unchanged)
DJANGO_COMMANDS = {
    "serve": ("serve", "Sirve la aplicación con gunicorn (WSGI) / serve the app under gunicorn"),
    "ledger": ("ledger", "Bitácora: `pregon ledger verify [--institution X]`"),
    "tick": ("tick", "Aplica los vencimientos de plazos / apply expired deadlines (idempotent)"),
    "demo": ("demo_load", "Carga los datos de demostración / load the demo data (idempotent)"),
    "migrate": ("migrate", "Migra la base de datos / migrate the database"),
    "import": ("inventory_import", "Importa un inventario de cuentas (CSV/XLSX)"),
    "export": ("inventory_export", "Exporta el inventario de cuentas (CSV/XLSX)"),
    "publications": ("publications_import", "Importa publicaciones exportadas de una red social al archivo de una cuenta"),
    "audit": ("publications_audit", "Auditoría retroactiva de lo publicado por las cuentas de una institución"),
    "worker": ("run_huey", "Trabajador de la cola de tareas (Huey) / task-queue worker"),
}


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pregon.settings.base")
    import django

    django.setup()


def _forward(command: str, rest: Sequence[str]) -> int:
    django_setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.db.utils import OperationalError, ProgrammingError

    try:
        call_command(command, *rest)
    except CommandError as exc:
        print(f"pregon: {exc}", file=sys.stderr)
        return int(getattr(exc, "returncode", 1) or 1)
    except (OperationalError, ProgrammingError) as exc:
        print(f"pregon: la base de datos no responde o no está migrada ({exc}); ejecute `pregon migrate`",
              file=sys.stderr)
        return 1
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pregon", description="Pregón: gobierno de cuentas institucionales en redes")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    for name, (target, help_text) in DJANGO_COMMANDS.items():
        p = sub.add_parser(name, help=help_text, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
        p.set_defaults(func=lambda args, _t=target: _forward(_t, args.rest))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Forwarded commands take their arguments verbatim: argparse's REMAINDER drops leading options
    # (`pregon serve --migrate`), so they bypass the parser, which stays for `pregon --help`.
    if argv and argv[0] in DJANGO_COMMANDS:
        return _forward(DJANGO_COMMANDS[argv[0]][0], argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
