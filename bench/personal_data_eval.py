"""Precision/recall of the personal_data rules per type and per post, and throughput of `detect` alone.

    .venv/bin/python bench/personal_data_eval.py [--errors N] [FILE.jsonl ...]

Default files: tests/checker_data/personal_data_{dev,heldout,blind}.jsonl.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "checker_data"))

from make_personal_data_set import context_for  # noqa: E402

from pregon.checker.rules.personal_data import detect  # noqa: E402


def evaluate(rows: list[dict]) -> dict:
    """Post-level and per-type confusion counts."""
    ctxs = {k: context_for(k) for k in {r["institution"] for r in rows}}
    tp = fp = fn = tn = 0
    per: dict[str, Counter] = {}
    errors: list[tuple[str, dict, list]] = []
    for r in rows:
        hits = detect(r["text"], ctxs[r["institution"]])
        got = {h.rule.split(".", 1)[1] for h in hits}
        want = set(r["types"])
        if want and got:
            tp += 1
        elif got and not want:
            fp += 1
            errors.append(("FP", r, [(h.rule, r["text"][h.start : h.end]) for h in hits]))
        elif want and not got:
            fn += 1
            errors.append(("FN", r, []))
        else:
            tn += 1
        for t in want | got:
            c = per.setdefault(t, Counter())
            if t in want and t in got:
                c["tp"] += 1
            elif t in got:
                c["fp"] += 1
                if want:
                    errors.append(("TYPE-FP", r, [(h.rule, r["text"][h.start : h.end]) for h in hits]))
            else:
                c["fn"] += 1
                if got:
                    errors.append(("TYPE-FN", r, [(h.rule, r["text"][h.start : h.end]) for h in hits]))
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "per": per, "errors": errors}


def _pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def throughput(rows: list[dict], seconds: float = 2.0) -> tuple[float, float]:
    ctxs = {k: context_for(k) for k in {r["institution"] for r in rows}}
    items = [(r["text"], ctxs[r["institution"]]) for r in rows]
    for text, ctx in items:  # warm caches as a long-running worker would have them
        detect(text, ctx)
    done, chars = 0, 0
    start = time.process_time()  # CPU time of this process: robust to other jobs sharing the machine
    while time.process_time() - start < seconds:
        for text, ctx in items:
            detect(text, ctx)
            chars += len(text)
        done += len(items)
    elapsed = time.process_time() - start
    return done / elapsed, chars / done


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--errors", type=int, default=0, help="print up to N misclassified posts")
    args = ap.parse_args()
    files = args.files or [ROOT / "tests/checker_data/personal_data_dev.jsonl",
                           ROOT / "tests/checker_data/personal_data_heldout.jsonl",
                           ROOT / "tests/checker_data/personal_data_blind.jsonl"]
    for path in files:
        rows = load(path)
        res = evaluate(rows)
        p, r = _pr(res["tp"], res["fp"], res["fn"])
        print(f"== {path.name}: {len(rows)} posts ({res['tp'] + res['fn']} with personal data)")
        print(f"post-level  precision {p:.4f}  recall {r:.4f}  (tp {res['tp']} fp {res['fp']} fn {res['fn']} tn {res['tn']})")
        for t in sorted(res["per"]):
            c = res["per"][t]
            tp_, fp_, fn_ = c["tp"], c["fp"], c["fn"]
            tp_p, tp_r = _pr(tp_, fp_, fn_)
            print(f"  {t:14s} precision {tp_p:.4f}  recall {tp_r:.4f}  (tp {tp_} fp {fp_} fn {fn_})")
        for kind, row, hits in res["errors"][: args.errors]:
            print(f"  [{kind}] {row['id']} types={row['types']} hits={hits}\n      {row['text']!r}")
        pps, avg = throughput(rows)
        print(f"throughput  {pps:,.0f} posts per CPU-second ({1e3 / pps:.4f} ms/post, mean {avg:.0f} chars)\n")


if __name__ == "__main__":
    main()
