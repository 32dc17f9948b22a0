"""Precision/recall/F1 of the `respect` category against two public Spanish offensive-language corpora.

    .venv/bin/python bench/respect_eval.py [--data ../shared/data]

A post is predicted offensive when `check()` (only the respect category enabled) returns at least one finding.
- OffendES, official test split (offendes/test_set.tsv): OFP + OFG positive, NO + NOE negative.
- MEX-A3T aggressiveness, train split (mex-a3t/train.tsv): label 1 positive, 0 negative.
Also per rule (respect.insult, respect.discrimination: "this rule fired" vs the same label) and posts/s
(CPU time of this process, after one warm-up pass).

The corpora are research-only and have no licence (see ../shared/data/README.md): this script only READS them to
measure and prints aggregate figures. It writes nothing, prints no corpus text, and nothing derived from them
(word lists, models, examples) may be added to the project; the lexicons are not tuned on them.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pregon.checker import CheckerConfig, check

DEFAULT_DATA = ROOT.parent / "shared" / "data"
RULES = ("respect.insult", "respect.discrimination")


def respect_only() -> CheckerConfig:
    """Only the respect category, with the same severity `all_enabled()` gives it."""
    full = CheckerConfig.all_enabled()
    return CheckerConfig(categories={"respect": full.categories["respect"]}, options=full.options)


def load_offendes(data: Path) -> list[tuple[str, bool, str]]:
    with open(data / "offendes" / "test_set.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for r in rows:
        label = r["label"].strip()
        if label not in ("NO", "NOE", "OFP", "OFG"):
            raise SystemExit(f"OffendES: etiqueta inesperada {label!r} (comment_id {r['comment_id']})")
        out.append((r["comment"], label in ("OFP", "OFG"), label))
    return out


def load_mexa3t(data: Path) -> list[tuple[str, bool, str]]:
    out = []
    with open(data / "mex-a3t" / "train.tsv", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t", 3)
            if len(parts) != 4 or parts[1] not in ("0", "1"):
                raise SystemExit(f"MEX-A3T: línea {n} con formato inesperado")
            out.append((parts[3], parts[1] == "1", parts[1]))
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(rows: list[tuple[str, bool, str]], config: CheckerConfig) -> dict:
    """Post-level confusion counts for 'any respect finding' and for each rule, plus flags per gold label."""
    fired: list[set[str]] = []
    for text, _, _ in rows:  # warm-up pass (lexicon matchers compiled, caches filled), also the predictions
        fired.append({f.rule for f in check(text, config)})
    start = time.process_time()
    for text, _, _ in rows:
        check(text, config)
    seconds = time.process_time() - start

    counts = {name: Counter() for name in ("any", *RULES)}
    by_label: dict[str, Counter] = {}
    for (_, gold, label), rules in zip(rows, fired):
        lab = by_label.setdefault(label, Counter())
        lab["posts"] += 1
        lab["flagged"] += bool(rules)
        for rule in RULES:
            lab[rule] += rule in rules
        for name, pred in (("any", bool(rules)), *((r, r in rules) for r in RULES)):
            c = counts[name]
            c["tp" if pred and gold else "fp" if pred else "fn" if gold else "tn"] += 1
    return {"posts": len(rows), "seconds": seconds, "counts": counts, "by_label": by_label}


def report(name: str, res: dict) -> None:
    n = res["posts"]
    pos = res["counts"]["any"]["tp"] + res["counts"]["any"]["fn"]
    print(f"\n## {name}: {n:,} posts, {pos:,} offensive ({pos / n:.1%})")
    print(f"throughput (respect only, CPU time, warm): {n / res['seconds']:,.0f} posts/s ({res['seconds']:.2f} s)")
    print("| prediction | flagged | TP | FP | FN | TN | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key, label in (("any", "any respect finding"), *((r, r) for r in RULES)):
        c = res["counts"][key]
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"| {label} | {c['tp'] + c['fp']:,} | {c['tp']:,} | {c['fp']:,} | {c['fn']:,} | {c['tn']:,} "
              f"| {p:.3f} | {r:.3f} | {f:.3f} |")
    print("| gold label | posts | flagged (any) | % flagged | insult | discrimination |")
    print("|---|---:|---:|---:|---:|---:|")
    for label in sorted(res["by_label"]):
        c = res["by_label"][label]
        print(f"| {label} | {c['posts']:,} | {c['flagged']:,} | {c['flagged'] / c['posts']:.1%} "
              f"| {c['respect.insult']:,} | {c['respect.discrimination']:,} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"corpus folder (default {DEFAULT_DATA})")
    args = ap.parse_args()
    data: Path = args.data
    needed = [data / "offendes" / "test_set.tsv", data / "mex-a3t" / "train.tsv"]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        print(
            "respect_eval: the research corpora are not available (" + ", ".join(missing) + ").\n"
            "They live outside the project in ../shared/data (research-only, never copied into the repo); "
            "pass --data DIR if they are elsewhere.",
            file=sys.stderr,
        )
        return 2
    config = respect_only()
    print(f"# respect category vs offensive-language corpora (data: {data})")
    report("OffendES test split (OFP+OFG positive; NO+NOE negative)", evaluate(load_offendes(data), config))
    report("MEX-A3T train split (aggressive = 1 positive)", evaluate(load_mexa3t(data), config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
