"""Where `pregon check` spends its time: per-category detector timings and a cProfile of the JSONL path.

    .venv/bin/python bench/profile_checker.py CORPUS.jsonl [--limit 5000] [--institution rosarito] [--cprofile N]

Per category: the enabled detectors run post by post in the engine's order (after one warm-up pass, as a
long-running worker would have its caches), each call timed; shared per-text preparation is charged to the
first detector that needs it (the engine order is the registry order in pregon/checker/engine.py). With --cprofile N, the CLI's
own per-line function (`check_line`, JSON in and out included) runs under cProfile and the N functions with
the most internal time are listed with the module they belong to. Prints Markdown.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pregon.checker.engine import _plan_for, config_of  # noqa: E402
from pregon.commands.check import build_context, check_line, load_policy  # noqa: E402


def load(path: Path, limit: int) -> list[bytes]:
    lines = []
    with open(path, "rb") as fh:
        for raw in fh:
            if raw.strip():
                lines.append(raw.rstrip(b"\r\n"))
                if limit and len(lines) >= limit:
                    break
    return lines


def per_category(lines: list[bytes], policy, context) -> list[tuple[str, float, int]]:
    """Time each detector inside the engine's own order, post by post, so that shared per-text caches
    (pregon.checker.text.prepare) behave as in `check`: the first detector to need them pays for them."""
    config = config_of(policy)
    options = config.options
    plan = _plan_for(config)
    texts = [json.loads(raw)["text"] for raw in lines]
    best = {c: float("inf") for c, _ in plan.detectors}
    hits = {c: 0 for c, _ in plan.detectors}
    clock = time.perf_counter
    for rnd in range(4):  # round 0 warms the caches a long-running worker would have; then best of three
        spent = {c: 0.0 for c, _ in plan.detectors}
        for text in texts:
            for category, fn in plan.detectors:
                t = clock()
                n = len(fn(text, context, options))
                spent[category] += clock() - t
                if rnd == 1:
                    hits[category] += n
        if rnd:
            for c in best:
                best[c] = min(best[c], spent[c])
    return [(c, best[c] / len(texts) * 1e6, hits[c]) for c, _ in plan.detectors]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--institution", default="rosarito", help="preset, or '' for all categories")
    ap.add_argument("--date", default="2026-03-15")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    lines = load(args.corpus, args.limit)
    policy = load_policy(args.institution or None)
    context = build_context(policy, None, dt.date.fromisoformat(args.date))
    max_length = config_of(policy).options.max_text_length

    # whole path (what the CLI does per line, minus the write): first pass cold, then best of three warm passes
    t = time.perf_counter()
    for i, raw in enumerate(lines, 1):
        check_line(raw, i, policy, context, max_length)
    cold = (time.perf_counter() - t) / len(lines) * 1e6
    whole = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for i, raw in enumerate(lines, 1):
            check_line(raw, i, policy, context, max_length)
        whole = min(whole, (time.perf_counter() - t) / len(lines) * 1e6)

    rows = per_category(lines, policy, context)
    total = sum(r[1] for r in rows)
    print(f"Per-category detector time, {len(lines)} posts, preset {args.institution or '(all categories)'}, warm caches:\n")
    print("| category (engine order) | µs/post | share | hits |")
    print("|---|---:|---:|---:|")
    for category, us, hits in rows:
        print(f"| {category} | {us:.0f} | {100 * us / total:.0f} % | {hits} |")
    print(f"| **sum of detectors** | **{total:.0f}** | | |")
    print(f"| whole `check_line` (JSON decode + engine + `as_dict`), warm, best of 3 | {whole:.0f} | | |")
    print(f"| whole `check_line`, first pass (cold caches) | {cold:.0f} | | |")
    print(f"\n→ warm steady state ≈ {1e6 / whole:,.0f} posts/s on this core (no output, no start-up).")

    if args.cprofile:
        prof = cProfile.Profile()
        prof.enable()
        for i, raw in enumerate(lines, 1):
            check_line(raw, i, policy, context, max_length)
        prof.disable()
        stats = pstats.Stats(prof)
        items = []
        for (file, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
            where = file.replace(str(ROOT) + "/", "")
            items.append((tt, ct, nc, f"{where}:{line}({func})"))
        items.sort(reverse=True)
        # own time per module, built-ins (re, str methods) charged to the module that called them
        per_module: dict[str, float] = {}
        for (file, _line, _func), (_cc, _nc, tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
            if file == "~":
                for (cfile, _cl, _cf), edge in callers.items():
                    key = cfile.replace(str(ROOT) + "/", "")
                    per_module[key] = per_module.get(key, 0.0) + edge[2]
            else:
                key = file.replace(str(ROOT) + "/", "")
                per_module[key] = per_module.get(key, 0.0) + tt
        total_tt = sum(per_module.values()) or 1.0
        print(f"\ncProfile of `check_line` on {len(lines)} posts: own time per module (built-ins charged to their "
              "caller; profiler overhead inflates small functions)\n")
        print("| module | own s | share |")
        print("|---|---:|---:|")
        for mod, tt in sorted(per_module.items(), key=lambda kv: -kv[1])[:12]:
            print(f"| `{mod}` | {tt:.3f} | {100 * tt / total_tt:.0f} % |")
        print(f"\nTop {args.cprofile} functions by own time\n")
        print("| own s | cumulative s | calls | function |")
        print("|---:|---:|---:|---|")
        for tt, ct, nc, name in items[: args.cprofile]:
            print(f"| {tt:.3f} | {ct:.3f} | {nc} | `{name}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
