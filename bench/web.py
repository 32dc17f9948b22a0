"""Web benchmark: `pregon serve` (gunicorn, 2 workers x 4 threads) with 100,000 accounts, on SQLite and PostgreSQL.

    .venv/bin/python bench/web.py [--accounts 100000] [--db sqlite,postgres] [--duration 10] [--connections 16]
                                  [--no-record]

For each database, in one run:
 1. a fresh database (SQLite: a file under bench/out/web-sqlite/; PostgreSQL: a throw-away cluster from
    scripts/with-postgres.sh, this script re-running itself inside it), migrated;
 2. 100,000 accounts across 17 institutions written with bulk_create (not through the services, which would take
    hours): the measured institution ("rosarito", Playas de Rosarito's preset) holds 20,000 of them, as a state's
    padrón would, the 16 others the rest; 12 areas and 24 officials per institution, closed and suspended
    accounts among them; the measured account has two administrators and 60 ledger events;
 3. `ANALYZE` (PostgreSQL: `VACUUM ANALYZE`, what its autovacuum does by itself shortly after a bulk insert; it
    sets the visibility map that lets a late page be read from registry_account_inventory alone);
 4. `pregon serve --bind 127.0.0.1:<free port> --workers 2 --threads 4` (loopback only);
 5. a log-in as Communications of the measured institution (the real login form, CSRF included);
 6. for each page, a 2 s warm-up then `--duration` seconds of load with wrk (`wrk -t2 -c16 --latency`; the Debian
    package is installed here when missing, never by `make test`), or, without wrk, a bounded Python load
    generator (threads with keep-alive connections, same connection count): requests/s, p50 and p99 latency,
    and the number of non-2xx answers;
 7. a Markdown section (machine, command, figures, the targets) printed and appended to docs/benchmarks.md.

Targets (issue 8): the home page serves at least 40 % of the login page's requests/s; every list answers with
p99 < 300 ms. Load is only ever sent to 127.0.0.1, each phase is bounded in time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any
from machine_info import cpu_model  # bench/ is on sys.path: the scripts run as files

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
DOC = ROOT / "docs" / "benchmarks.md"
PYTHON = ROOT / ".venv" / "bin" / "python"
HOST = "127.0.0.1"
USERNAME = "bench-comunicacion"
PASSWORD = "bench-contraseña-larga-2026"
BIG_SLUG = "rosarito"
BIG_SHARE = 20_000
INSTITUTIONS = 17
PER_PAGE = 50
HOME_TARGET = 0.40
P99_TARGET_MS = 300.0

# (slug prefix, preset, country, subdivision, time zone) of the generated institutions, alternating
KINDS = [
    ("rosarito", "rosarito", "MX", "BCN", "America/Tijuana"),
    ("pasto", "pasto", "CO", "NAR", "America/Bogota"),
]
AREAS = ["Presidencia", "Comunicación Social", "Turismo", "Seguridad Pública", "Desarrollo Social", "Obras Públicas",
         "Tesorería", "Cultura", "Deporte", "Protección Civil", "Medio Ambiente", "Salud"]


# ----------------------------------------------------------------------------------------------- loading (child)


def load(accounts: int) -> dict[str, Any]:
    """Runs inside a process with Django's settings pointing at the fresh database: migrate, then bulk-create."""
    sys.path.insert(0, str(ROOT))  # this tree's pregon, as `manage.py serve` (run from ROOT) imports it
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction

    from pregon.institutions.choices import Rank, Role
    from pregon.institutions.models import Area, Institution, Membership, Official
    from pregon.ledger.services import event_record
    from pregon.registry.choices import AccountStatus, AdminRole, Kind, Tier
    from pregon.registry.models import Administrator, Platform, SocialAccount

    t = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter() - t
    platforms = list(Platform.objects.filter(is_active=True).order_by("sort_order"))
    others = INSTITUTIONS - 1
    rest = max(accounts - BIG_SHARE, 0)
    counts = [min(BIG_SHARE, accounts)] + [rest // others + (1 if i < rest % others else 0) for i in range(others)]
    t = time.perf_counter()
    serial = 0
    today = dt.date(2026, 12, 1)
    with transaction.atomic():
        for index, count in enumerate(counts):
            prefix, preset, country, subdivision, tz = KINDS[index % len(KINDS)]
            slug = BIG_SLUG if index == 0 else f"{prefix}-{index:02d}"
            institution = Institution.objects.create(
                slug=slug, name=f"Institución de prueba {slug}", short_name=slug.title(), country=country,
                subdivision=subdivision, timezone=tz, policy_preset=preset,
            )
            root = Area.objects.create(institution=institution, name=AREAS[0], level=0)
            areas = [root] + [Area.objects.create(institution=institution, name=name, parent=root, level=1)
                              for name in AREAS[1:]]
            Official.objects.bulk_create([
                Official(institution=institution, area=areas[i % len(areas)], full_name=f"Servidora {slug} {i:02d}",
                         email=f"s{i:02d}@{slug}.gob.mx", position_title="Coordinadora",
                         rank=Rank.MEDIO if i % 2 else Rank.SUPERIOR)
                for i in range(24)
            ])
            rows = []
            for i in range(count):
                serial += 1
                plat = platforms[serial % len(platforms)]
                handle = f"cuenta{serial:06d}"
                closed = i % 23 == 0
                rows.append(SocialAccount(
                    institution=institution, area=areas[i % len(areas)], platform=plat, handle=handle,
                    url=plat.rules.url_template.format(handle=handle), display_name=f"Cuenta {serial:06d}",
                    tier=Tier.ALTERNATE if i % 5 == 0 else Tier.MAIN, kind=Kind.OFFICIAL,
                    status=AccountStatus.CLOSED if closed else (AccountStatus.SUSPENDED if i % 41 == 0
                                                                 else AccountStatus.ACTIVE),
                    closed_on=today if closed else None, opened_on=dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000),
                    email=f"{handle}@{slug}.gob.mx",
                ))
            SocialAccount.objects.bulk_create(rows, batch_size=2000)
        big = Institution.objects.get(slug=BIG_SLUG)
        user = get_user_model().objects.create_user(USERNAME, f"{USERNAME}@rosarito.gob.mx", PASSWORD,
                                                    first_name="Comunicación", last_name="Social")
        Membership.objects.create(user=user, institution=big, role=Role.COMMS)
        account = SocialAccount.objects.filter(institution=big, status=AccountStatus.ACTIVE).order_by("pk")[100]
        admins = list(Official.objects.filter(institution=big, rank=Rank.MEDIO).order_by("pk")[:2])
        for official, role in zip(admins, (AdminRole.PRIMARY, AdminRole.ALTERNATE), strict=True):
            Administrator.objects.create(account=account, official=official, role=role, starts_on=dt.date(2025, 1, 1))
        for i in range(60):
            event_record(action="account.reviewed", institution=big, target=account, reason=f"Revisión {i}")
    loaded = time.perf_counter() - t
    with connection.cursor() as cursor:  # planner statistics after the bulk load (see the module docstring)
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    total = SocialAccount.objects.count()
    big_count = SocialAccount.objects.filter(institution=big).count()
    return {"migrate_s": migrated, "load_s": loaded, "accounts": total, "institutions": len(counts),
            "big_accounts": big_count, "account": str(account.public_id)}


# ----------------------------------------------------------------------------------------------- HTTP helpers


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def request(port: int, path: str, *, cookies: dict[str, str] | None = None, method: str = "GET",
            body: str | None = None) -> tuple[int, dict[str, str], bytes, dict[str, str]]:
    """One request to the server on loopback; returns status, headers, body and the cookies it set."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = {"Host": f"{HOST}:{port}"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"http://{HOST}:{port}{path}"
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    set_cookies = {}
    for name, value in resp.getheaders():
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            set_cookies[key.strip()] = rest.split(";", 1)[0]
    conn.close()
    return resp.status, dict(resp.getheaders()), data, set_cookies


def log_in(port: int) -> dict[str, str]:
    status, _, page, cookies = request(port, "/entrar/")
    if status != 200:
        raise SystemExit(f"login page answered {status}")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not token:
        raise SystemExit("no CSRF token on the login page")
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "username": USERNAME,
                                   "password": PASSWORD})
    status, _headers, _, more = request(port, "/entrar/", cookies=cookies, method="POST", body=body)
    cookies.update(more)
    if status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"log-in failed ({status}); cookies: {sorted(cookies)}")
    return cookies


def wait_until_up(port: int, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"pregon serve exited with {proc.returncode}")
        try:
            status, *_ = request(port, "/entrar/")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("pregon serve did not answer within 60 s")


# ----------------------------------------------------------------------------------------------- load generators


def ensure_wrk() -> str | None:
    """wrk's path; installs the Debian package when missing and running as root (bench path only)."""
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("installing wrk (Debian package) for the web benchmark…", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], env=env, stdout=subprocess.DEVNULL, check=False)
    return shutil.which("wrk")


def _ms(text: str) -> float:
    value = float(re.match(r"[\d.]+", text).group(0))  # type: ignore[union-attr]
    if text.endswith("us"):
        return value / 1000
    if text.endswith("ms"):
        return value
    if text.endswith("m"):
        return value * 60_000
    return value * 1000  # seconds


def run_wrk(wrk: str, url: str, cookies: dict[str, str] | None, seconds: int, connections: int) -> dict[str, Any]:
    cmd = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if cookies:
        cmd += ["-H", "Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items())]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "requests": total, "non_2xx": int(bad.group(1)) if bad else 0,
            "errors": errors.group(0) if errors else ""}


def run_python(port: int, path: str, cookies: dict[str, str] | None, seconds: int, connections: int) -> dict[str, Any]:
    """Fallback without wrk: `connections` threads, each with one keep-alive connection, for `seconds`."""
    latencies: list[float] = []
    bad = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    headers = {"Host": f"{HOST}:{port}"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        mine: list[float] = []
        failed = 0
        while time.monotonic() < stop:
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                resp = conn.getresponse()
                resp.read()
                if resp.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
            mine.append((time.perf_counter() - t) * 1000)
        conn.close()
        with lock:
            latencies.extend(mine)
            bad[0] += failed

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    started = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join(seconds + 30)
    wall = time.perf_counter() - started
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return {"rps": len(latencies) / wall, "p50_ms": q[49], "p99_ms": q[98], "requests": len(latencies),
            "non_2xx": bad[0], "errors": ""}


# ----------------------------------------------------------------------------------------------- one database


def bench_database(db: str, args: argparse.Namespace) -> dict[str, Any]:
    """Load, serve and measure on one database (`DATABASE_URL` is already set for PostgreSQL)."""
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "pregon.settings.base", "PREGON_DEBUG": "0", "PREGON_SECRET_KEY": "bench-" + "x" * 50,
        "PREGON_WEB_WORKERS": "2", "PREGON_WEB_THREADS": "4", "PYTHONHASHSEED": "0",
    })
    env.pop("PREGON_PRODUCTION", None)
    env.pop("PREGON_DEMO", None)
    if db == "sqlite":
        env.pop("DATABASE_URL", None)
        var = OUT / "web-sqlite"
        shutil.rmtree(var, ignore_errors=True)
        var.mkdir(parents=True)
        env["PREGON_VAR_DIR"] = str(var)
    else:
        url = env.get("DATABASE_URL", "")
        if not url.startswith("postgres"):
            raise SystemExit("PostgreSQL pass without DATABASE_URL (run through scripts/with-postgres.sh)")
        _create_database(url)
        env["PREGON_VAR_DIR"] = str(OUT / "web-postgres-var")
        Path(env["PREGON_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    print(f"[{db}] migrating and loading {args.accounts:,} accounts…", flush=True)
    res = subprocess.run([str(PYTHON), str(Path(__file__).resolve()), "--child-load", str(args.accounts)], env=env,
                         cwd=ROOT, capture_output=True, text=True, timeout=1200, check=False)
    if res.returncode != 0:
        raise SystemExit(f"[{db}] loading failed:\n{res.stderr[-3000:]}")
    loaded = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"[{db}] migrated in {loaded['migrate_s']:.1f} s, loaded {loaded['accounts']:,} accounts in "
          f"{loaded['load_s']:.1f} s", flush=True)
    port = free_port()
    log = open(OUT / f"web-{db}-serve.log", "w")  # noqa: SIM115 (closed in the finally below)
    proc = subprocess.Popen(
        [str(PYTHON), "manage.py", "serve", "--bind", f"{HOST}:{port}", "--workers", "2", "--threads", "4",
         "--access-log", "/dev/null", "--no-collectstatic"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        wait_until_up(port, proc)
        cookies = log_in(port)
        late_page = max(-(-loaded["big_accounts"] // PER_PAGE), 1)  # the last page: the largest OFFSET
        targets = [
            ("login page", "/entrar/", None, False),
            ("home page", "/", cookies, False),
            ("account list, page 1", f"/i/{BIG_SLUG}/cuentas/", cookies, True),
            (f"account list, page {late_page:,}", f"/i/{BIG_SLUG}/cuentas/?page={late_page}", cookies, True),
            ("an account's page", f"/i/{BIG_SLUG}/cuentas/{loaded['account']}/", cookies, False),
            ("API account list, page 1", f"/api/v1/registry/{BIG_SLUG}/accounts", cookies, True),
            (f"API account list, page {late_page:,}", f"/api/v1/registry/{BIG_SLUG}/accounts?page={late_page}",
             cookies, True),
        ]
        wrk = None if args.python_load else ensure_wrk()
        rows = []
        for label, path, jar, is_list in targets:
            status, _, body, _ = request(port, path, cookies=jar)
            if status != 200:
                raise SystemExit(f"[{db}] {path} answered {status} before the load")
            size = len(body)
            if wrk:
                run_wrk(wrk, f"http://{HOST}:{port}{path}", jar, 2, args.connections)  # warm-up
                result = run_wrk(wrk, f"http://{HOST}:{port}{path}", jar, args.duration, args.connections)
            else:
                run_python(port, path, jar, 2, args.connections)
                result = run_python(port, path, jar, args.duration, args.connections)
            result.update({"label": label, "path": path, "bytes": size, "is_list": is_list})
            rows.append(result)
            print(f"[{db}] {label}: {result['rps']:,.1f} req/s, p50 {result['p50_ms']:.0f} ms, "
                  f"p99 {result['p99_ms']:.0f} ms, {size / 1024:.0f} KiB, non-2xx {result['non_2xx']}", flush=True)
    finally:
        _stop(proc)
        log.close()
    version = ""
    if db == "postgres":
        version = subprocess.run(["psql", "--version"], capture_output=True, text=True, check=False).stdout.strip() \
            if shutil.which("psql") else ""
    return {"db": db, "loaded": loaded, "rows": rows, "tool": "wrk" if wrk else "python", "version": version}


def _create_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/") or "pregon"
    admin = urllib.parse.urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _stop(proc: subprocess.Popen) -> None:
    """Stops the gunicorn this script started (its master, then its own process group if it lingers)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


# ----------------------------------------------------------------------------------------------- report


def machine() -> dict[str, Any]:
    cpu = cpu_model()
    commit = os.environ.get("BENCH_COMMIT") or subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT, check=False
    ).stdout.strip()
    load1 = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "commit": commit or "?",
            "uname": " ".join(platform.uname()), "load": load1}


def report(results: list[dict[str, Any]], args: argparse.Namespace, info: dict[str, Any], started: dt.datetime,
           argv: list[str]) -> str:
    lines: list[str] = []
    w = lines.append
    w(f"## Web: `pregon serve` with {args.accounts:,} accounts, {started:%Y-%m-%d %H:%M} UTC")
    w("")
    w(f"- machine: `{info['uname']}`; nproc {info['nproc']} ({info['cpu']}); load average {info['load']:.1f} "
      "when the run started (the machine is shared: compare ratios within the run)")
    w(f"- Python {info['python']}; Pregón at {info['commit']}")
    w(f"- command: `.venv/bin/python bench/web.py {' '.join(argv)}`".replace("bench/web.py `", "bench/web.py`"))
    w(f"- server: `pregon serve --workers 2 --threads 4` on 127.0.0.1 (gunicorn, DEBUG off); load: "
      f"{results[0]['tool'] if results else '?'} with {args.connections} connections, {args.duration} s per page "
      "after a 2 s warm-up, logged in as Communications of the measured institution (the login page anonymous)")
    for res in results:
        loaded = res["loaded"]
        w("")
        w(f"**{ 'SQLite' if res['db'] == 'sqlite' else 'PostgreSQL'}**{' (' + res['version'] + ')' if res['version'] else ''}"
          f": {loaded['accounts']:,} accounts in {loaded['institutions']} institutions, {loaded['big_accounts']:,} in "
          f"the measured one; migrate {loaded['migrate_s']:.0f} s, bulk load {loaded['load_s']:.0f} s")
        w("")
        w("| page | path | requests/s | p50 | p99 | size | non-2xx |")
        w("|---|---|---:|---:|---:|---:|---:|")
        for row in res["rows"]:
            w(f"| {row['label']} | `{row['path'].replace(loaded['account'], '<id>')}` | **{row['rps']:,.1f}** "
              f"| {row['p50_ms']:.0f} ms | {row['p99_ms']:.0f} ms | {row['bytes'] / 1024:.0f} KiB | {row['non_2xx']} |")
        by = {row["label"]: row for row in res["rows"]}
        login, home = by["login page"], by["home page"]
        ratio = home["rps"] / login["rps"] if login["rps"] else 0.0
        lists = [row for row in res["rows"] if row["is_list"]]
        worst = max(lists, key=lambda r: r["p99_ms"])
        w("")
        w(f"- home / login throughput: **{ratio:.0%}** (target ≥ {HOME_TARGET:.0%}: "
          f"**{'met' if ratio >= HOME_TARGET else 'NOT met'}**)")
        w(f"- slowest list p99: **{worst['p99_ms']:.0f} ms** ({worst['label']}; target < {P99_TARGET_MS:.0f} ms for "
          f"every list: **{'met' if all(r['p99_ms'] < P99_TARGET_MS for r in lists) else 'NOT met'}**)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description="Pregón web benchmark (pregon serve, 100,000 accounts)")
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--db", default="sqlite,postgres", help="databases to measure, comma-separated")
    ap.add_argument("--duration", type=int, default=10, help="seconds of load per page (default 10)")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--python-load", action="store_true", help="use the Python load generator even if wrk exists")
    ap.add_argument("--no-record", action="store_true", help="do not append to docs/benchmarks.md")
    ap.add_argument("--child-load", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child-json", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_load is not None:
        print(json.dumps(load(args.child_load)))
        return 0
    if args.duration < 1 or args.duration > 120 or args.connections < 1 or args.connections > 256:
        raise SystemExit("--duration must be 1-120 s and --connections 1-256")
    OUT.mkdir(exist_ok=True)
    if args.child_json:  # the PostgreSQL pass, inside scripts/with-postgres.sh
        Path(args.child_json).write_text(json.dumps(bench_database("postgres", args)))
        return 0
    started = dt.datetime.now(dt.UTC)
    info = machine()
    results = []
    for db in filter(None, args.db.split(",")):
        if db == "sqlite":
            results.append(bench_database("sqlite", args))
        elif db == "postgres":
            target = OUT / "web-postgres.json"
            target.unlink(missing_ok=True)
            child = [str(ROOT / "scripts" / "with-postgres.sh"), str(PYTHON), str(Path(__file__).resolve()),
                     "--accounts", str(args.accounts), "--duration", str(args.duration), "--connections",
                     str(args.connections), "--child-json", str(target)] + (["--python-load"] if args.python_load else [])
            subprocess.run(child, cwd=ROOT, check=True, timeout=1800)
            results.append(json.loads(target.read_text()))
        else:
            raise SystemExit(f"unknown database {db!r} (sqlite, postgres)")
    section = report(results, args, info, started, argv)
    print()
    print(section)
    if not args.no_record:
        with open(DOC, "a", encoding="utf-8") as fh:
            fh.write("\n" + section)
        print(f"appended to {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
