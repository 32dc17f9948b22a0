"""Production settings (PREGON_PRODUCTION=1): the deploy checks pass and pages carry the security headers.

Settings are read once per process, so each check runs in a subprocess with the production environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOST = "pregon.example.gob.mx"


@pytest.fixture
def production_env(tmp_path):
    return {
        # not DJANGO_ALLOW_ASYNC_UNSAFE, which the browser tests set in this process (check --deploy refuses it)
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "pregon.settings.base",
        "PREGON_PRODUCTION": "1",
        "PREGON_DEMO": "0",
        "PREGON_DEBUG": "",
        "PREGON_SECRET_KEY": "test-deploy-" + "k3y-" * 12,
        "PREGON_ALLOWED_HOSTS": HOST,
        "PREGON_SITE_URL": f"https://{HOST}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "PREGON_VAR_DIR": str(tmp_path / "var"),
        "PREGON_STATIC_ROOT": str(tmp_path / "static"),
    }


def _run(args: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
                          **kwargs)


def test_check_deploy_passes_at_warning_level(production_env):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(production_env):
    env = {**production_env, "PREGON_SECRET_KEY": ""}
    result = _run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "PREGON_SECRET_KEY" in result.stderr


SCRIPT = r"""
import json, django
django.setup()
from django.core.management import call_command
from django.contrib.auth import get_user_model
from django.test import Client
call_command("migrate", verbosity=0, interactive=False)
call_command("collectstatic", verbosity=0, interactive=False)
get_user_model().objects.create_user("prod.user", "u@example.gob.mx", "una-contraseña-larga-123")
client = Client(HTTP_HOST=HOST)
plain = client.get("/entrar/")
page = client.get("/entrar/", secure=True)
login = client.post("/entrar/", {"username": "prod.user", "password": "una-contraseña-larga-123"}, secure=True)
cookies = {name: {"secure": bool(m["secure"]), "httponly": bool(m["httponly"])} for name, m in client.cookies.items()}
print(json.dumps({
    "plain_status": plain.status_code, "plain_location": plain.get("Location", ""),
    "status": page.status_code, "csp": page.get("Content-Security-Policy", ""),
    "hsts": page.get("Strict-Transport-Security", ""), "nosniff": page.get("X-Content-Type-Options", ""),
    "frame": page.get("X-Frame-Options", ""), "login_status": login.status_code, "cookies": cookies,
    "static": "/static/pregon/pregon." in page.content.decode(),
}))
"""


def test_production_pages_send_security_headers_and_secure_cookies(production_env):
    result = _run(["-c", f"HOST = {HOST!r}\n" + SCRIPT], production_env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["plain_status"] == 301 and data["plain_location"].startswith("https://")
    assert data["status"] == 200
    assert "script-src 'self'" in data["csp"] and "style-src 'self'" in data["csp"]
    assert "max-age=31536000" in data["hsts"] and "includeSubDomains" in data["hsts"]
    assert data["nosniff"] == "nosniff" and data["frame"] == "DENY"
    assert data["login_status"] == 302
    assert data["cookies"]["sessionid"] == {"secure": True, "httponly": True}
    assert data["cookies"]["csrftoken"]["secure"] is True
    assert data["static"], "hashed static files from the manifest"
