"""The `pregon` command forwards to management commands that exist, and its pure commands need no Django."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.core.management import get_commands

from pregon.cli import DJANGO_COMMANDS, build_parser


@pytest.mark.parametrize(("name", "target"), [(n, t) for n, (t, _) in DJANGO_COMMANDS.items()])
def test_every_forwarded_command_exists(name, target):
    assert target in get_commands(), f"pregon {name} forwards to a missing management command {target!r}"


def test_help_lists_every_command():
    text = build_parser().format_help()
    for name in [*DJANGO_COMMANDS, "policy", "check"]:
        assert name in text


def _pregon(*args: str, var_dir) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PREGON_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "pregon.settings.base"}
    return subprocess.run([sys.executable, "-m", "pregon.cli", *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False)


def test_forwarded_commands_report_errors_clearly(tmp_path):
    unmigrated = _pregon("ledger", "verify", var_dir=tmp_path)
    assert unmigrated.returncode == 1
    assert "pregon migrate" in unmigrated.stderr and "Traceback" not in unmigrated.stderr
    assert _pregon("migrate", "-v0", var_dir=tmp_path).returncode == 0
    unknown = _pregon("ledger", "verify", "--institution", "atlantis", var_dir=tmp_path)
    assert unknown.returncode != 0 and "atlantis" in unknown.stderr and "Traceback" not in unknown.stderr
    assert _pregon("ledger", "verify", var_dir=tmp_path).returncode == 0
