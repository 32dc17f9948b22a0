"""`pregon serve` starts gunicorn and serves the Spanish login page."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pregon_command() -> list[str]:
    script = Path(sys.executable).with_name("pregon")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pregon.cli"]


def test_pregon_serve_answers_the_login_page(tmp_path):
    port = _free_port()
    env = {
        # not DJANGO_ALLOW_ASYNC_UNSAFE, which the browser tests set in this process (check --deploy refuses it)
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "pregon.settings.base",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "PREGON_VAR_DIR": str(tmp_path),
        "PREGON_BIND": f"127.0.0.1:{port}",
        "PREGON_WEB_WORKERS": "1",
        "PREGON_DEMO": "0",
        "PREGON_PRODUCTION": "0",
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([*_pregon_command(), "serve", "--migrate", "--threads", "2"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            body, status = "", 0
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    pytest.fail(f"pregon serve exited with {proc.returncode}:\n{log.read_text()}")
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/entrar/", timeout=5) as response:
                        status, body = response.status, response.read().decode()
                    break
                except OSError:
                    time.sleep(0.3)
            assert status == 200, log.read_text()
            assert "Contraseña" in body and "Entrar a Pregón" in body
            assert 'lang="es-mx"' in body
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    assert "Booting worker" in log.read_text(), "served by gunicorn"


def test_serve_defaults_come_from_the_environment(monkeypatch):
    from io import StringIO

    from django.core.management import call_command

    monkeypatch.setenv("PREGON_BIND", "0.0.0.0:9000")
    monkeypatch.setenv("PREGON_WEB_WORKERS", "3")
    out = StringIO()
    call_command("serve", "--dry-run", stdout=out)
    command = out.getvalue()
    assert "pregon.wsgi:application" in command
    assert "--bind 0.0.0.0:9000" in command and "--workers 3" in command
