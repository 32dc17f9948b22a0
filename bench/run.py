"""`make bench`: Pregón's checker against Microsoft Presidio on one generated corpus, in one run, on one core.

    .venv/bin/python bench/run.py [-n 100000] [--presidio blank,slim,model] [--presidio-limit model=5000,slim=10000]
                                  [--no-record] [--profile] [--no-web | --web-only]

Steps (every timed process is pinned to CPU 0 with `taskset -c 0` when available, one thread):
 1. generate the corpus (bench/corpus.py, seeded) into bench/out/;
 2. `pregon check --institution rosarito --jsonl CORPUS` (the preset's 11 categories: it has no hashtag rules)
    and `pregon check --jsonl CORPUS` (no preset: CheckerConfig.all_enabled(), all 12 categories), each timed
    end to end (start-up, JSON in and out included) with peak RSS from wait4();
 3. Presidio (bench/presidio_bench.py in bench/.venv-presidio) on the same corpus, or on its first N posts for
    the slow engines; its posts/s count the analysis loop only (engine load excluded), which favours Presidio;
 4. a crude agreement table: posts each flags as containing personal data, their overlap, and the planted ones;
 5. prints a Markdown section and appends it to docs/benchmarks.md (unless --no-record);
 6. the web benchmark, bench/web.py (`pregon serve` with 100,000 accounts on SQLite and PostgreSQL, wrk), which
    records its own section (skip it with --no-web; --web-only runs it alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
DOC = ROOT / "docs" / "benchmarks.md"
PREGON = ROOT / ".venv" / "bin" / "pregon"
PRESIDIO_PY = BENCH / ".venv-presidio" / "bin" / "python"
DATE = "2026-03-15"  # fixed publication date: date-dependent rules behave the same in every run
TARGET = 2000.0

sys.path.insert(0, str(BENCH))
import corpus as corpus_mod  # noqa: E402
from machine_info import cpu_model  # bench/ is on sys.path: the scripts run as files

ENGINE_LABEL = {
    "blank": "Presidio, `spacy.blank(\"es\")` tokenizer only",
    "slim": "Presidio, `es_core_news_sm` without parser/NER (lemmas for context)",
    "model": "Presidio, `es_core_news_sm` full pipeline (usual set-up)",
}


def pin() -> list[str]:
    return ["taskset", "-c", "0"] if shutil.which("taskset") else []


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[var] = "1"
    env["PYTHONHASHSEED"] = "0"
    return env


def timed(cmd: list[str], stdout: Path | None) -> dict:
    """Run `cmd`, return wall seconds, peak RSS (KiB, from wait4) and exit status."""
    out = open(stdout, "wb") if stdout else subprocess.PIPE
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=child_env(), cwd=ROOT)
    captured = b""
    if stdout is None:
        captured = proc.stdout.read()  # type: ignore[union-attr]
    err = proc.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdout:
        out.close()  # type: ignore[union-attr]
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode(errors='replace')[-2000:]}")
    return {"wall_s": wall, "maxrss_kb": usage.ru_maxrss, "cpu_s": usage.ru_utime + usage.ru_stime,
            "stdout": captured.decode(), "stderr": err.decode(errors="replace")}


def machine() -> dict:
    cpu = cpu_model()
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "pregon/checker"], capture_output=True, text=True,
                           cwd=ROOT).stdout.strip()
    return {
        "uname": " ".join(platform.uname()),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "mem": mem,
        "python": platform.python_version(),
        "commit": commit + (" (pregon/checker with uncommitted changes)" if dirty else ""),
        "pinned": "taskset -c 0" if pin() else "not pinned (no taskset)",
    }


def pregon_flags(path: Path) -> tuple[dict[str, bool], int, int]:
    """id -> has a personal_data finding; number of error lines; number of findings."""
    flags, errors, findings = {}, 0, 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if "error" in obj:
                errors += 1
                continue
            findings += len(obj["findings"])
            flags[obj["id"]] = any(f["category"] == "personal_data" for f in obj["findings"])
    return flags, errors, findings


def presidio_flags(path: Path) -> dict[str, bool]:
    with open(path, encoding="utf-8") as fh:
        return {o["id"]: bool(o["entities"]) for o in map(json.loads, fh)}


def truth_flags(path: Path) -> dict[str, bool]:
    with open(path, encoding="utf-8") as fh:
        return {o["id"]: bool(o["pd"]) for o in map(json.loads, fh)}


def parse_limits(spec: str) -> dict[str, int]:
    out = {}
    for part in filter(None, spec.split(",")):
        k, _, v = part.partition("=")
        out[k.strip()] = int(v)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Pregón vs Presidio throughput benchmark")
    ap.add_argument("-n", type=int, default=100_000, help="posts in the corpus (default 100000)")
    ap.add_argument("--seed", type=int, default=20260)
    ap.add_argument("--presidio", default="blank,slim,model", help="Presidio engines to run ('' for none)")
    ap.add_argument("--presidio-limit", default="slim=10000,model=5000",
                    help="first N posts per engine (others: the whole corpus)")
    ap.add_argument("--no-record", action="store_true", help="do not append to docs/benchmarks.md")
    ap.add_argument("--profile", action="store_true", help="append the per-category profile (5,000 posts)")
    ap.add_argument("--no-web", action="store_true", help="skip the web benchmark (bench/web.py)")
    ap.add_argument("--web-only", action="store_true", help="run only the web benchmark (bench/web.py)")
    args = ap.parse_args(argv)
    if args.web_only:
        return web(args)

    started = dt.datetime.now(dt.timezone.utc)
    info = machine()
    OUT.mkdir(exist_ok=True)
    corpus = OUT / f"corpus-{args.n}.jsonl"
    t = time.perf_counter()
    _, digest, stats = corpus_mod.generate(args.n, args.seed, corpus)
    print(f"corpus: {corpus.relative_to(ROOT)} ({args.n} posts, {stats['with_pd']} with planted personal data, "
          f"mean {stats['chars'] / args.n:.0f} chars, sha256 {digest[:16]}…) in {time.perf_counter() - t:.1f} s",
          flush=True)
    truth = truth_flags(corpus.with_suffix(".truth.jsonl"))

    one = OUT / "one-post.jsonl"
    one.write_text(json.dumps({"id": "x", "text": "Aviso: mañana no hay servicio de agua en la colonia Centro."}) + "\n")

    rows = []  # (label, command, posts, wall, rate, rss_kb, note)
    pregon_runs = [
        ("rosarito", [str(PREGON), "check", "--institution", "rosarito", "--date", DATE, "--jsonl"]),
        ("all", [str(PREGON), "check", "--date", DATE, "--jsonl"]),
    ]
    pregon_out: dict[str, Path] = {}
    pregon_rate: dict[str, float] = {}
    startup = timed(pin() + pregon_runs[0][1] + [str(one)], None)
    for key, cmd in pregon_runs:
        out = OUT / f"pregon-{key}.jsonl"
        res = timed(pin() + cmd + [str(corpus)], out)
        flags, errors, findings = pregon_flags(out)
        rate = args.n / res["wall_s"]
        pregon_out[key], pregon_rate[key] = out, rate
        label = ("Pregón, preset rosarito (11 categories)" if key == "rosarito"
                 else "Pregón, no preset: every category (12)")
        note = f"{findings:,} findings; {errors} error lines" + (
            f"; start-up {startup['wall_s']:.2f} s" if key == "rosarito" else "")
        rows.append((label, " ".join(["pregon"] + cmd[1:] + [str(corpus.relative_to(ROOT))]), args.n,
                     res["wall_s"], rate, res["maxrss_kb"], note))
        print(f"{label}: {rate:,.0f} posts/s, {res['wall_s']:.1f} s, peak RSS {res['maxrss_kb'] / 1024:.0f} MiB",
              flush=True)

    limits = parse_limits(args.presidio_limit)
    presidio: dict[str, dict] = {}
    for engine in filter(None, args.presidio.split(",")):
        if not PRESIDIO_PY.exists():
            print("bench/.venv-presidio is missing: run `make bench` (it creates it)", file=sys.stderr)
            break
        limit = limits.get(engine, 0)
        out = OUT / f"presidio-{engine}.jsonl"
        cmd = [str(PRESIDIO_PY), str(BENCH / "presidio_bench.py"), "--engine", engine, str(corpus), "--out", str(out)]
        if limit:
            cmd += ["--limit", str(limit)]
        res = timed(pin() + cmd, None)
        summary = json.loads(res["stdout"].strip().splitlines()[-1])
        summary["wall_s"], summary["maxrss_kb_wait4"], summary["out"] = res["wall_s"], res["maxrss_kb"], out
        presidio[engine] = summary
        shown = " ".join(["bench/.venv-presidio/bin/python", "bench/presidio_bench.py"] + cmd[2:])
        shown = shown.replace(str(corpus), str(corpus.relative_to(ROOT))).replace(str(out), str(out.relative_to(ROOT)))
        rows.append((ENGINE_LABEL[engine], shown, summary["posts"], summary["analyze_s"], summary["posts_per_s"],
                     res["maxrss_kb"], f"+ {summary['load_s']:.1f} s engine load (excluded); "
                     f"{'first ' + format(limit, ',') + ' posts' if limit else 'whole corpus'}"))
        print(f"{ENGINE_LABEL[engine]}: {summary['posts_per_s']:,.0f} posts/s on {summary['posts']} posts, "
              f"peak RSS {res['maxrss_kb'] / 1024:.0f} MiB", flush=True)

    # ---- report ---------------------------------------------------------------------------------------------
    lines: list[str] = []
    w = lines.append
    w(f"## Run of {started:%Y-%m-%d %H:%M} UTC")
    w("")
    w(f"- machine: `{info['uname']}`; {info['nproc']} CPUs ({info['cpu']}), {info['mem']} RAM; every timed process "
      f"{info['pinned']}, one thread")
    w(f"- Python {info['python']}; Pregón at {info['commit']}"
      + (f"; presidio-analyzer {next(iter(presidio.values()))['versions']['presidio_analyzer']}, "
         f"spaCy {next(iter(presidio.values()))['versions']['spacy']}" if presidio else ""))
    w(f"- command: `make bench` (= `.venv/bin/python bench/run.py -n {args.n}"
      + (f" --presidio {args.presidio}" if args.presidio != "blank,slim,model" else "") + "`)")
    w(f"- corpus: `bench/corpus.py -n {args.n} --seed {args.seed}`: {args.n:,} posts, mean {stats['chars'] / args.n:.0f} "
      f"characters ({stats['min_len']}–{stats['max_len']}), {stats['with_pd']:,} with planted personal data; "
      f"sha256 `{digest[:16]}…`")
    w("")
    w("| run | posts | seconds | posts/s | peak RSS | notes |")
    w("|---|---:|---:|---:|---:|---|")
    for label, _cmd, posts, wall, rate, rss, note in rows:
        w(f"| {label} | {posts:,} | {wall:.1f} | **{rate:,.0f}** | {rss / 1024:.0f} MiB | {note} |")
    w("")
    w("Commands (run from the repository root, each prefixed with `taskset -c 0`):")
    w("")
    for label, cmd, *_ in rows:
        w(f"- {label}: `{cmd}`")
    w("")
    slow = min(pregon_rate.values())
    w("Ratios (Pregón end to end, slower of its two runs, over Presidio's analysis loop alone):")
    w("")
    for engine, s in presidio.items():
        w(f"- Pregón / {ENGINE_LABEL[engine]}: **{slow / s['posts_per_s']:.1f}×**")
    verdict_target = "met" if slow >= TARGET else "NOT met"
    verdict_presidio = ("met" if presidio and all(slow > s["posts_per_s"] for s in presidio.values())
                        else "not measured" if not presidio else "NOT met")
    w(f"- target ≥ {TARGET:,.0f} posts/s with every rule on: **{verdict_target}** ({slow:,.0f} posts/s); "
      f"faster than Presidio: **{verdict_presidio}**")
    w("")
    if presidio:
        w("Agreement on personal data (post level, a sanity check and not an accuracy measure; Pregón = "
          "`personal_data` findings of the rosarito run; planted = what the generator inserted):")
        w("")
        w("| compared with | posts | Pregón flags | other flags | both | only Pregón | only other | planted | "
          "Pregón ∩ planted | other ∩ planted |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        pflags, _, _ = pregon_flags(pregon_out["rosarito"])
        for engine, s in presidio.items():
            other = presidio_flags(s["out"])
            ids = list(other)
            p = {i for i in ids if pflags.get(i)}
            o = {i for i in ids if other[i]}
            tr = {i for i in ids if truth.get(i)}
            w(f"| {ENGINE_LABEL[engine]} | {len(ids):,} | {len(p):,} | {len(o):,} | {len(p & o):,} | {len(p - o):,} "
              f"| {len(o - p):,} | {len(tr):,} | {len(p & tr):,} | {len(o & tr):,} |")
        w("")
    if args.profile:
        prof = subprocess.run(pin() + [sys.executable, str(BENCH / "profile_checker.py"), str(corpus),
                                       "--limit", "5000", "--cprofile", "15"],
                              capture_output=True, text=True, env=child_env(), cwd=ROOT, check=True).stdout
        w("Where the time goes (`bench/profile_checker.py`, first 5,000 posts, in-process):")
        w("")
        lines.extend(prof.rstrip().splitlines())
        w("")
    section = "\n".join(lines) + "\n"
    print()
    print(section)
    if not args.no_record:
        with open(DOC, "a", encoding="utf-8") as fh:
            fh.write("\n" + section)
        print(f"appended to {DOC.relative_to(ROOT)}")
    return 0 if args.no_web else web(args)


def web(args: argparse.Namespace) -> int:
    """bench/web.py in its own process (it starts gunicorn and, for PostgreSQL, a throw-away cluster)."""
    cmd = [sys.executable, str(BENCH / "web.py")] + (["--no-record"] if args.no_record else [])
    return subprocess.run(cmd, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
