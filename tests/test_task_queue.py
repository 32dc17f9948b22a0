"""The real task queue: a task enqueued by the app is stored in Huey's queue — SQLite by default, Redis with
REDIS_URL — and executed by the worker that `pregon worker` (manage.py run_huey) starts: no immediate mode,
separate processes, as in production."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ENQUEUE_AND_WAIT = textwrap.dedent(
    """
    import os, subprocess, sys, time, django
    django.setup()
    from django.conf import settings
    from huey.contrib.djhuey import HUEY
    from pregon.procedures.tasks import tick_periodic

    assert type(HUEY).__name__ == os.environ["EXPECTED_HUEY"] and not HUEY.immediate, HUEY
    task = tick_periodic()  # enqueued, not run: nothing executes tasks in this process
    assert HUEY.pending_count() == 1, HUEY.pending_count()
    log = open(os.environ["WORKER_LOG"], "w")
    worker = subprocess.Popen([sys.executable, "manage.py", "run_huey", "--workers", "1", "--no-periodic"],
                              cwd=os.environ["ROOT"], stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            if f"{task.id} executed" in open(os.environ["WORKER_LOG"]).read():
                break
            time.sleep(0.1)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    text = open(os.environ["WORKER_LOG"]).read()
    assert HUEY.pending_count() == 0, text
    assert f"tick_periodic: {task.id} executed" in text, text
    print("TASK-EXECUTED", task.id)
    """
)


@pytest.fixture
def redis_url(tmp_path):
    """A throw-away Redis server on a Unix socket (no TCP port), stopped after the test."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is missing: `make test` installs it (scripts/system-deps.sh)")
    socket = tmp_path / "redis.sock"
    proc = subprocess.Popen([server, "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.05)
        yield f"unix://{socket}?db=0"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_a_task_goes_through_the_queue_to_a_worker_process(tmp_path, request, backend):
    script = tmp_path / "enqueue.py"
    script.write_text(ENQUEUE_AND_WAIT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PREGON_", "DATABASE_URL", "REDIS_URL"))}
    env.update({"DJANGO_SETTINGS_MODULE": "pregon.settings.base", "PREGON_VAR_DIR": str(tmp_path), "ROOT": str(ROOT),
                "PYTHONPATH": str(ROOT), "WORKER_LOG": str(tmp_path / "worker.log"), "EXPECTED_HUEY": "SqliteHuey"})
    if backend == "redis":
        env.update({"REDIS_URL": request.getfixturevalue("redis_url"), "EXPECTED_HUEY": "RedisHuey"})
    migrate = subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=300, check=False)
    assert migrate.returncode == 0, migrate.stderr
    run = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
                         check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "TASK-EXECUTED" in run.stdout
    assert (tmp_path / "huey.sqlite3").exists() == (backend == "sqlite")
