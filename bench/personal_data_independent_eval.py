"""Post-level and per-type precision/recall of the personal_data rules on the independent set, with confusion lists.

    .venv/bin/python bench/personal_data_independent_eval.py [--set independent|round2|round3] [--half a|b|all|each]
        [--errors N] [--quiet] [FILE.jsonl]

The context is the one `pregon check --institution rosarito` builds (own domain rosarito.gob.mx, no published
contacts), i.e. the acceptance setting: every post is checked as if Rosarito published it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pregon.checker.rules.personal_data import detect  # noqa: E402
from pregon.checker.types import CheckContext  # noqa: E402

DATA = ROOT / "tests" / "checker_data"
# each audit round wrote its set independently, split by frame into half a (used for fixing) and b (measured)
SETS = {
    "independent": DATA / "personal_data_independent.jsonl",
    "round2": DATA / "personal_data_round2.jsonl",
    "round3": DATA / "personal_data_round3.jsonl",
}
CTX = CheckContext(own_domains=("rosarito.gob.mx",))


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(rows: list[dict], ctx: CheckContext = CTX) -> dict:
    tp = fp = fn = tn = 0
    per: dict[str, Counter] = {}
    errors: list[tuple[str, dict, list]] = []
    for r in rows:
        hits = detect(r["text"], ctx)
        spans = [(h.rule.split(".", 1)[1], r["text"][h.start : h.end]) for h in hits]
        got = {k for k, _ in spans}
        want = set(r["types"])
        if want and got:
            tp += 1
        elif got:
            fp += 1
            errors.append(("FP", r, spans))
        elif want:
            fn += 1
            errors.append(("FN", r, spans))
        else:
            tn += 1
        for t in want | got:
            c = per.setdefault(t, Counter())
            if t in want and t in got:
                c["tp"] += 1
            elif t in got:
                c["fp"] += 1
                if want:
                    errors.append(("TYPE-FP", r, spans))
            else:
                c["fn"] += 1
                if got:
                    errors.append(("TYPE-FN", r, spans))
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "per": per, "errors": errors}


def pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def report(name: str, res: dict, n_errors: int) -> None:
    p, r = pr(res["tp"], res["fp"], res["fn"])
    print(f"== {name}: posts={res['tp'] + res['fp'] + res['fn'] + res['tn']} TP={res['tp']} FP={res['fp']} FN={res['fn']} "
          f"TN={res['tn']}  P={p:.3f} R={r:.3f}")
    for t, c in sorted(res["per"].items()):
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        pp, rr = pr(tp, fp, fn)
        print(f"   {t:14s} tp={tp:4d} fp={fp:3d} fn={fn:3d}  P={pp:.3f} R={rr:.3f}")
    shown = Counter()
    for kind, row, spans in res["errors"]:
        if shown[kind] >= n_errors:
            continue
        shown[kind] += 1
        print(f"-- {kind} {row['id']} want={row['types']} got={spans}\n   {row['text']!r}\n   note: {row.get('note', '')}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", help="a labelled JSONL set (default: the one --set names)")
    ap.add_argument("--set", default="independent", choices=sorted(SETS), help="which audit round's set")
    ap.add_argument("--half", default="each", choices=["a", "b", "all", "each"])
    ap.add_argument("--errors", type=int, default=1000)
    ap.add_argument("--quiet", action="store_true", help="figures only, no confusion lists")
    args = ap.parse_args()
    rows = load(Path(args.file) if args.file else SETS[args.set])
    halves = {"a": ["a"], "b": ["b"], "all": [None], "each": ["a", "b", None]}[args.half]
    for h in halves:
        sel = [r for r in rows if h is None or r.get("half") == h]
        report(f"half {h}" if h else "all", evaluate(sel), 0 if args.quiet else args.errors)


if __name__ == "__main__":
    main()
