"""An attacker edits the SQLite file itself (no Django, no triggers): `pregon ledger verify` must fail.

Runs real processes against a throw-away file database: migrate, record events through the services, edit the
file with the sqlite3 module, then `pregon ledger verify`.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

MANAGE = Path(settings.BASE_DIR) / "manage.py"

RECORD_EVENTS = """
import django
django.setup()
from pregon.institutions import services
inst = services.institution_create(actor=None, slug="rosarito", name="H. Ayuntamiento de Playas de Rosarito",
    short_name="Rosarito", country="MX", subdivision="BCN", timezone="America/Tijuana", policy_preset="rosarito")
head = services.area_create(actor=None, institution=inst, name="Presidencia Municipal")
for name in ("Comunicación Social", "Informática", "Transparencia"):
    services.area_create(actor=None, institution=inst, name=name, parent=head)
"""


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=MANAGE.parent)


@pytest.fixture
def file_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'pregon.sqlite3'}",
        PREGON_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="pregon.settings.base",
    )
    migrate = run([sys.executable, str(MANAGE), "migrate", "--noinput", "-v0"], env)
    assert migrate.returncode == 0, migrate.stderr
    recorded = run([sys.executable, "-c", RECORD_EVENTS], env)
    assert recorded.returncode == 0, recorded.stderr
    return env


def test_editing_the_sqlite_file_is_detected_by_ledger_verify(file_env: dict[str, str], tmp_path: Path) -> None:
    intact = run([sys.executable, str(MANAGE), "ledger", "verify", "--institution", "rosarito"], file_env)
    assert intact.returncode == 0, intact.stderr
    assert "5 eventos" in intact.stdout

    db = sqlite3.connect(tmp_path / "pregon.sqlite3")
    with db:
        # The triggers refuse the edit even outside Django…
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE ledger_event SET target_label = 'Oficialía Mayor' WHERE seq = 3")
    with db:
        # …so the attacker removes them first.
        db.execute("DROP TRIGGER ledger_event_refuse_update")
        db.execute("UPDATE ledger_event SET target_label = 'Oficialía Mayor' WHERE chain = 'rosarito' AND seq = 3")
    db.close()

    # through the operators' entry point: `pregon ledger verify` forwards to `manage.py ledger verify`
    tampered = run([sys.executable, "-m", "pregon.cli", "ledger", "verify", "--institution", "rosarito"], file_env)
    assert tampered.returncode != 0
    assert "cadena rosarito: primera secuencia rota 3" in tampered.stderr
