"""Post-level and per-type precision/recall of the personal_data rules on the round-three independent set.

    .venv/bin/python bench/personal_data_round2_eval.py [--half a|b|all|each] [--errors N] [--quiet] [FILE.jsonl]

Same approach and context as bench/personal_data_independent_eval.py (the one `pregon check --institution rosarito`
builds: own domain rosarito.gob.mx, no published contacts). Half a was used for fixing, half b only measured.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from personal_data_independent_eval import evaluate, load, report  # noqa: E402

DEFAULT = ROOT / "tests" / "checker_data" / "personal_data_round3.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--half", default="each", choices=["a", "b", "all", "each"])
    ap.add_argument("--errors", type=int, default=1000)
    ap.add_argument("--quiet", action="store_true", help="figures only, no confusion lists")
    args = ap.parse_args()
    rows = load(Path(args.file))
    halves = {"a": ["a"], "b": ["b"], "all": [None], "each": ["a", "b", None]}[args.half]
    for h in halves:
        sel = [r for r in rows if h is None or r.get("half") == h]
        report(f"half {h}" if h else "all", evaluate(sel), 0 if args.quiet else args.errors)


if __name__ == "__main__":
    main()
