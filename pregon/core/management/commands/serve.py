"""`pregon serve` / `manage.py serve`: the production web server (gunicorn, WSGI).

Defaults come from the environment so that a service unit needs no arguments:
PREGON_BIND (127.0.0.1:8000), PREGON_WEB_WORKERS (2 x cores + 1, at most 8), PREGON_WEB_THREADS (4),
PREGON_WEB_TIMEOUT (30 s). Migrations run only with --migrate; collectstatic runs when
PREGON_PRODUCTION=1 (the manifest storage needs it), unless --no-collectstatic.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

MAX_DEFAULT_WORKERS = 8


def default_workers() -> int:
    raw = os.environ.get("PREGON_WEB_WORKERS", "").strip()
    if raw:
        return int(raw)
    return min(2 * (os.cpu_count() or 1) + 1, MAX_DEFAULT_WORKERS)


class Command(BaseCommand):
    help = "Serve Pregón under gunicorn (WSGI): pregon.wsgi:application."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("PREGON_BIND", "127.0.0.1:8000"),
                            help="address:port or unix:/path (PREGON_BIND; default 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, default=None,
                            help="worker processes (PREGON_WEB_WORKERS; default 2 x cores + 1, at most 8)")
        parser.add_argument("--threads", type=int, default=int(os.environ.get("PREGON_WEB_THREADS", "4")),
                            help="threads per worker (PREGON_WEB_THREADS; default 4)")
        parser.add_argument("--timeout", type=int, default=int(os.environ.get("PREGON_WEB_TIMEOUT", "30")),
                            help="seconds before a silent worker is restarted (PREGON_WEB_TIMEOUT; default 30)")
        parser.add_argument("--access-log", default=os.environ.get("PREGON_ACCESS_LOG", "-"),
                            help="access log file, '-' for standard output (PREGON_ACCESS_LOG)")
        parser.add_argument("--migrate", action="store_true", help="apply database migrations before serving")
        parser.add_argument("--no-collectstatic", action="store_true",
                            help="skip collectstatic (it runs by default in production)")
        parser.add_argument("--dry-run", action="store_true", help="print the gunicorn command and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        workers = options["workers"] or default_workers()
        if workers < 1 or options["threads"] < 1:
            raise CommandError("--workers and --threads must be at least 1")
        argv = [
            sys.executable, "-m", "gunicorn", "pregon.wsgi:application",
            "--bind", options["bind"],
            "--workers", str(workers),
            "--threads", str(options["threads"]),
            "--timeout", str(options["timeout"]),
            "--access-logfile", options["access_log"],
            "--error-logfile", "-",
            "--forwarded-allow-ips", os.environ.get("PREGON_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        if options["dry_run"]:
            self.stdout.write(" ".join(argv))
            return
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=1)
        if getattr(settings, "PRODUCTION", False) and not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        if not _gunicorn_importable():
            raise CommandError("gunicorn is not installed in this environment")
        # gunicorn reads the same settings module as this process.
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pregon.settings.base")
        self.stdout.write(f"Pregón: gunicorn on {options['bind']} ({workers} workers x {options['threads']} threads)")
        self.stdout.flush()
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, argv)


def _gunicorn_importable() -> bool:
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True
