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

from pregon.checker.cli import build_context, check_line, load_policy  # noqa: E402
from pregon.checker.engine import _plan_for, config_of  # noqa: E402


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
    spent = {c: 0.0 for c, _ in plan.detectors}
    hits = {c: 0 for c, _ in plan.detectors}
    clock = time.perf_counter
    for rnd in range(2):  # round 0 warms the caches a long-running worker would have
        for text in texts:
            for category, fn in plan.detectors:
                t = clock()
                n = len(fn(text, context, options))
                if rnd:
                    spent[category] += clock() - t
                    hits[category] += n
    return [(c, spent[c] / len(texts) * 1e6, hits[c]) for c, _ in plan.detectors]


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

    # whole path once, warm (what the CLI does per line, minus the write)
    for i, raw in enumerate(lines, 1):
        check_line(raw, i, policy, context, max_length)
    t = time.perf_counter()
    for i, raw in enumerate(lines, 1):
        check_line(raw, i, policy, context, max_length)
    whole = (time.perf_counter() - t) / len(lines) * 1e6

    rows = per_category(lines, policy, context)
    total = sum(r[1] for r in rows)
    print(f"Per-category detector time, {len(lines)} posts, preset {args.institution or '(all categories)'}, warm caches:\n")
    print("| category (engine order) | µs/post | share | hits |")
    print("|---|---:|---:|---:|")
    for category, us, hits in rows:
        print(f"| {category} | {us:.0f} | {100 * us / total:.0f} % | {hits} |")
    print(f"| **sum of detectors** | **{total:.0f}** | | |")
    print(f"| whole `check_line` (JSON decode + engine + encode) | {whole:.0f} | | |")
    print(f"\n→ warm steady state ≈ {1e6 / whole:,.0f} posts/s on this core (no I/O, no start-up).")

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
        print(f"\ncProfile of `check_line` on {len(lines)} posts: top {args.cprofile} by own time\n")
        print("| own s | cumulative s | calls | function |")
        print("|---:|---:|---:|---|")
        for tt, ct, nc, name in items[: args.cprofile]:
            print(f"| {tt:.3f} | {ct:.3f} | {nc} | `{name}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
